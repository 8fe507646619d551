import type { DemoUser } from '@contract/demo-users';
import type { BuildAppOptions } from '@server/src/app.ts';
import { buildApp } from '@server/src/app.ts';
import { buildServer, type ApiSource } from '@server/serve.ts';
import { insertUser } from '@server/src/seeds/policies.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { credentialsStore } from '@/api/credentials';

// The real OpsChain API emulator behind the console's fetch (STYLE habit 11): one fake backend for every
// test instead of handlers that drift from it. Requests go through Fastify's inject, no port is opened.

export interface TestEmulator {
  app: FastifyInstance;
  close: () => Promise<void>;
}

type FetchInput = Parameters<typeof fetch>[0];

function urlOf(input: FetchInput): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? `${input.pathname}${input.search}` : input.url;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    headers[key] = value;
  });
  return headers;
}

function isAborted(init: RequestInit | undefined): boolean {
  return init?.signal?.aborted === true;
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** A `fetch` answered by the emulator app. */
export function emulatorFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    if (isAborted(init)) throw abortError();
    const body = init?.body;
    const response = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: urlOf(input),
      headers: headersOf(init),
      ...(typeof body === 'string' ? { payload: body } : {}),
    });
    // The caller may have given up while the emulator answered.
    if (isAborted(init)) throw abortError();
    const headers = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const hasBody = response.statusCode !== 204 && response.body !== '';
    return new Response(hasBody ? response.body : null, {
      status: response.statusCode,
      statusText: response.statusMessage,
      headers,
    });
  };
}

/**
 * Starts an in-memory emulator (the demo seed unless told otherwise) and routes the global fetch to it
 * until `close`. Its engine does not tick on its own.
 */
export async function startEmulator(options: BuildAppOptions = {}): Promise<TestEmulator> {
  const app = await buildApp({ db: ':memory:', seed: 'demo', drive: false, ...options });
  await app.ready();
  vi.stubGlobal('fetch', emulatorFetch(app));
  return {
    app,
    close: async () => {
      vi.unstubAllGlobals();
      await app.close();
    },
  };
}

/**
 * Routes the global fetch to the console's own server (server/serve.ts) in front of the emulator or a proxy,
 * for what it serves outside `/api`. `close` stops it and restores fetch.
 */
export async function startConsoleServer(api: ApiSource): Promise<TestEmulator> {
  const app = await buildServer({ api });
  await app.ready();
  vi.stubGlobal('fetch', emulatorFetch(app));
  return {
    app,
    close: async () => {
      vi.unstubAllGlobals();
      await app.close();
    },
  };
}

/**
 * An in-memory emulator listening on a free local port, as a real OpsChain behind the console's proxy would
 * be (reached over HTTP, not through the stubbed fetch). `close` stops it.
 */
export async function startListeningEmulator(
  options: BuildAppOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await buildApp({ db: ':memory:', seed: 'none', drive: false, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

/**
 * One emulator for the enclosing file or `describe`: started before its tests, closed after them, with the
 * signed-in user forgotten after each test. Returns a getter, since the emulator exists only once started.
 */
export function setUpEmulator(options?: BuildAppOptions): () => TestEmulator {
  let emulator: TestEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  afterEach(() => {
    credentialsStore.clear();
  });
  return () => {
    if (emulator === undefined) throw new Error('The emulator is used before it has started (beforeAll).');
    return emulator;
  };
}

/** Signs in as a seeded user until the next `credentialsStore.clear()` (after each test under setUpEmulator). */
export function signInAs(user: DemoUser): void {
  credentialsStore.set({ username: user, password: user });
}

/** A fetch that never reaches a server, as when the network is down. */
export function unreachableFetch(): typeof fetch {
  return () => Promise.reject(new TypeError('Failed to fetch'));
}

/** A fetch that answers every request with `status` and a plain (non-JSON) body, as a proxy would. */
export function plainFetch(status: number, body = '<html><body>Bad Gateway</body></html>'): typeof fetch {
  return () => Promise.resolve(new Response(body, { status, headers: { 'content-type': 'text/html' } }));
}

/** Adds a local user (with LDAP-like group memberships) to a running emulator: there is no API for it. */
export function addEmulatorUser(app: FastifyInstance, username: string, groups: string[] = []): void {
  insertUser(app.emulator, username, username, groups);
}
