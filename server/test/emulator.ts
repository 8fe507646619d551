import type { DemoUser } from '@contract/demo-users.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../src/app.ts';
import { recordCoverage } from './contract-coverage.ts';
import { assertMatchesSpec } from './openapi.ts';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Parsed JSON body (null for an empty body; the raw text when not JSON). */
  body: unknown;
  text: string;
}

export interface TestEmulator {
  app: FastifyInstance;
  /** Sends a request as `user` (its password equals its name in the demo seed); `null` sends no credentials. */
  request(user: DemoUser | null, method: string, url: string, body?: unknown): Promise<ApiResponse>;
  /** Like request, then validates the body against the spec's schema for `specPath` and the status. */
  contract(
    user: DemoUser,
    method: string,
    url: string,
    specPath: string,
    body?: unknown,
  ): Promise<ApiResponse>;
  close(): Promise<void>;
}

export function basicAuth(user: string, password = user): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function startEmulator(options: BuildAppOptions = {}): Promise<TestEmulator> {
  const app = await buildApp({ db: ':memory:', seed: 'demo', ...options });
  await app.ready();
  const request = async (
    user: DemoUser | null,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<ApiResponse> => {
    const headers: Record<string, string> = { accept: 'application/vnd.api+json' };
    if (user) headers.authorization = basicAuth(user);
    if (body !== undefined) headers['content-type'] = 'application/vnd.api+json';
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    let parsed: unknown = null;
    if (res.body !== '') {
      try {
        parsed = JSON.parse(res.body) as unknown;
      } catch {
        parsed = res.body;
      }
    }
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  };
  return {
    app,
    request,
    async contract(user, method, url, specPath, body) {
      const res = await request(user, method, url, body);
      assertMatchesSpec(method, specPath, res.status, res.body);
      recordCoverage(method, specPath, res.status);
      return res;
    },
    close: () => app.close(),
  };
}

/** `{ data: { attributes } }` */
export function attrs(attributes: Record<string, unknown>): {
  data: { attributes: Record<string, unknown> };
} {
  return { data: { attributes } };
}
