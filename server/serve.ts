import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import compress from '@fastify/compress';
import httpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { CONSOLE_BACKEND_PATH, type ConsoleBackend } from '../contract/console-server.ts';
import { buildApp, type BuildAppOptions } from './src/app.ts';

/** Where `/api` requests go: the embedded emulator, or a real OpsChain server. */
export type ApiSource =
  { kind: 'emulator'; emulator: Omit<BuildAppOptions, 'logger'> } | { kind: 'proxy'; upstream: string };

export interface ServerOptions {
  api: ApiSource;
  /** Folder holding the built console (`vite build` output). Omit to serve `/api` only. */
  consoleDir?: string;
  /** Fastify request logging. @default false */
  logger?: boolean;
}

const JSON_API = 'application/vnd.api+json';

// Mantine injects <style> tags at run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/**
 * The one HTTP server behind `npm start` and `npm run emulator`: `/api` from the emulator (or proxied to a
 * real OpsChain), plus the built console with an SPA fallback when `consoleDir` is given.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? false;
  const app =
    options.api.kind === 'emulator'
      ? await buildApp({ ...options.api.emulator, logger })
      : await buildProxy(options.api.upstream, logger);
  // A 401 carrying `WWW-Authenticate: Basic` makes browsers pop up their own login box, even for fetch.
  // The console signs in with its own page and marks its requests as XHR, so for those (emulated or
  // proxied) the challenge header is dropped; curl and other API clients still get it.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.headers['x-requested-with'] === 'XMLHttpRequest' && isApiPath(req.url))
      reply.removeHeader('www-authenticate');
    return payload;
  });
  if (options.api.kind === 'emulator') {
    // Outside `/api`, so the API's answers stay OpsChain's (contract/console-server.ts); a proxy never says it.
    const body: ConsoleBackend = { backend: 'emulator' };
    app.get(CONSOLE_BACKEND_PATH, (_req, reply) => {
      void reply.header('cache-control', 'no-store').send(body);
    });
  }
  if (options.consoleDir !== undefined) {
    const root = resolve(options.consoleDir);
    if (!existsSync(join(root, 'index.html'))) {
      throw new Error(
        `No built console in ${root} (index.html is missing). Run \`npm run build\` first, or \`npm run emulator\` for the API alone.`,
      );
    }
    await app.register(consoleFiles, { root });
  }
  return app;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function errorDocument(status: number, title: string, detail: string): { errors: object[] } {
  return { errors: [{ status, title, detail }] };
}

async function buildProxy(upstream: string, logger: boolean): Promise<FastifyInstance> {
  const target = new URL(upstream);
  const app = Fastify({ logger });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    void reply
      .status(404)
      .type(JSON_API)
      .send(errorDocument(404, 'Not Found', `No route matches ${req.method} ${path}`));
  });
  // reply-from forwards every request header (Authorization included) and sets Host to the target's.
  await app.register(httpProxy, {
    upstream: target.origin,
    prefix: '/api',
    rewritePrefix: `${target.pathname.replace(/\/+$/, '')}/api`,
    replyOptions: {
      onError: (reply, { error }) => {
        void reply
          .status(502)
          .type(JSON_API)
          .send(
            errorDocument(
              502,
              'OpsChain server unreachable',
              `The console could not get an answer from the OpsChain server at ${target.origin}: ${error.message}`,
            ),
          );
      },
    },
  });
  return app;
}

/** Static console files, compressed, with security headers; unknown HTML navigations get index.html. */
async function consoleFiles(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  // Registered in this encapsulated plugin, so compression and headers apply to console responses only:
  // the API keeps its own behaviour (and streamed responses are not buffered by a compressor).
  await app.register(compress, { threshold: 1024 });
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.headers(SECURITY_HEADERS);
    return payload;
  });

  const hashedAssets = join(root, 'assets') + sep;
  await app.register(fastifyStatic, {
    root,
    // Routes for the files present at start; everything else reaches the fallback below.
    wildcard: false,
    cacheControl: false,
    // The build writes `.br` and `.gz` beside its files (vite.config.ts): sent as they are, not compressed
    // again for every request. A build without them is compressed on the fly.
    preCompressed: true,
    setHeaders: (reply, path) => {
      // Vite puts content-hashed names under assets/; everything else (index.html, favicon) must revalidate.
      void reply.header(
        'cache-control',
        path.startsWith(hashedAssets) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  app.get('/*', (req, reply) => {
    if (isApiPath(req.url) || !acceptsHtml(req)) reply.callNotFound();
    else void reply.sendFile('index.html');
  });
}

function acceptsHtml(req: FastifyRequest): boolean {
  return req.headers.accept?.includes('text/html') ?? false;
}
