import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_BACKEND_PATH, consoleBackendSchema } from '../contract/console-server.ts';
import { buildServer } from './serve.ts';

const JSON_API = /^application\/vnd\.api\+json/;
const INDEX_HTML = '<!doctype html><html><head><title>test console</title></head><body></body></html>';
// Above @fastify/compress's 1 KB threshold, and compressible.
const ASSET_JS = `export const pad = ${JSON.stringify('opschain '.repeat(400))};\n`;
const PRECOMPRESSED_JS = `export const text = ${JSON.stringify('console '.repeat(500))};\n`;
const OPSCHAIN = `Basic ${Buffer.from('opschain:opschain').toString('base64')}`;

function makeConsoleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opschain-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), ASSET_JS);
  // As the build leaves them (vite.config.ts `precompress`): the file, and beside it its .br and .gz.
  writeFileSync(join(dir, 'assets', 'chunk-Pre12345.js'), PRECOMPRESSED_JS);
  writeFileSync(join(dir, 'assets', 'chunk-Pre12345.js.br'), brotliCompressSync(PRECOMPRESSED_JS));
  writeFileSync(join(dir, 'assets', 'chunk-Pre12345.js.gz'), gzipSync(PRECOMPRESSED_JS));
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  return dir;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

describe('buildServer with the emulator and a built console', () => {
  let consoleDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    consoleDir = makeConsoleDir();
    app = await buildServer({
      api: { kind: 'emulator', emulator: { db: ':memory:', seed: 'none', drive: false } },
      consoleDir,
    });
  });

  afterAll(async () => {
    await app.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('serves index.html at / with the security headers and no long-term caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });

    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a deep link that accepts HTML with index.html (SPA fallback)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/projects/x?tab=changes',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers a missing non-HTML file with a 404, not with index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/gone-123.js', headers: { accept: '*/*' } });

    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<html');
  });

  it('keeps unknown /api routes JSON:API 404s even when the client accepts HTML', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { accept: 'text/html', authorization: OPSCHAIN },
    });

    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(JSON_API);
    expect(res.json()).toMatchObject({ errors: [{ status: 404 }] });
  });

  it('serves the API itself', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/info', headers: { authorization: OPSCHAIN } });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(JSON_API);
    expect(res.json()).toMatchObject({ data: { type: 'info' } });
  });

  it('drops the Basic challenge on 401s to console (XHR) requests only, so browsers show no login pop-up', async () => {
    const fromConsole = await app.inject({
      method: 'GET',
      url: '/api/info',
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(fromConsole.statusCode).toBe(401);
    expect(fromConsole.headers['www-authenticate']).toBeUndefined();
    const fromCurl = await app.inject({ method: 'GET', url: '/api/info' });
    expect(fromCurl.headers['www-authenticate']).toBe('Basic realm="OpsChain"');
  });

  it('compresses hashed assets for gzip clients and lets browsers cache them for good', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/index-AbCd1234.js',
      headers: { 'accept-encoding': 'gzip' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(ASSET_JS);
  });

  it('sends the build’s own .br or .gz of an asset as they are, by what the browser accepts', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/chunk-Pre12345.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(PRECOMPRESSED_JS);

    const gz = await app.inject({
      method: 'GET',
      url: '/assets/chunk-Pre12345.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(PRECOMPRESSED_JS);

    const plain = await app.inject({ method: 'GET', url: '/assets/chunk-Pre12345.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(PRECOMPRESSED_JS);
  });

  it('serves public files such as robots.txt as themselves', async () => {
    const res = await app.inject({ method: 'GET', url: '/robots.txt', headers: { accept: 'text/html' } });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('Disallow: /');
  });
});

describe('buildServer without a console (emulator only)', () => {
  it('says outside /api that the embedded emulator serves the API', async () => {
    const app = await buildServer({
      api: { kind: 'emulator', emulator: { db: ':memory:', seed: 'none', drive: false } },
    });
    try {
      const res = await app.inject({ method: 'GET', url: CONSOLE_BACKEND_PATH });

      expect(res.statusCode).toBe(200);
      expect(consoleBackendSchema.parse(res.json())).toEqual({ backend: 'emulator' });
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      await app.close();
    }
  });

  it('does not serve HTML for deep links', async () => {
    const app = await buildServer({
      api: { kind: 'emulator', emulator: { db: ':memory:', seed: 'none', drive: false } },
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/projects/x', headers: { accept: 'text/html' } });

      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(JSON_API);
    } finally {
      await app.close();
    }
  });

  it('refuses to start a console server when the console is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'opschain-empty-'));
    try {
      await expect(
        buildServer({ api: { kind: 'proxy', upstream: 'http://127.0.0.1:9' }, consoleDir: empty }),
      ).rejects.toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('buildServer proxying to a real OpsChain (OPSCHAIN_URL)', () => {
  let upstream: Server;
  let upstreamPort: number;
  let seen: { url: string | undefined; headers: IncomingHttpHeaders }[];

  beforeAll(async () => {
    seen = [];
    upstream = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
      res.end('{"data":[]}');
    });
    upstreamPort = await listen(upstream);
  });

  afterAll(async () => {
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards /api with the Authorization header and the target Host', async () => {
    const app = await buildServer({
      api: { kind: 'proxy', upstream: `http://127.0.0.1:${String(upstreamPort)}` },
    });
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/api/changes?page[size]=5',
        headers: { authorization: OPSCHAIN, host: 'console.example.test' },
      });

      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ data: [] });
      expect(seen.at(-1)).toMatchObject({
        url: '/api/changes?page[size]=5',
        headers: { authorization: OPSCHAIN, host: `127.0.0.1:${String(upstreamPort)}` },
      });
    } finally {
      await app.close();
    }
  });

  it('does not claim to be the emulator, not even with a console', async () => {
    const consoleDir = makeConsoleDir();
    const app = await buildServer({
      api: { kind: 'proxy', upstream: `http://127.0.0.1:${String(upstreamPort)}` },
      consoleDir,
    });
    try {
      const before = seen.length;
      const res = await app.inject({
        method: 'GET',
        url: CONSOLE_BACKEND_PATH,
        headers: { accept: 'application/json' },
      });

      expect(res.statusCode).toBe(404);
      expect(seen.length).toBe(before);
    } finally {
      await app.close();
      rmSync(consoleDir, { recursive: true, force: true });
    }
  });

  it('keeps a base path given in OPSCHAIN_URL', async () => {
    const app = await buildServer({
      api: { kind: 'proxy', upstream: `http://127.0.0.1:${String(upstreamPort)}/opschain/` },
    });
    try {
      await app.inject({ method: 'GET', url: '/api/info' });

      expect(seen.at(-1)?.url).toBe('/opschain/api/info');
    } finally {
      await app.close();
    }
  });

  it('answers 502 with a JSON:API error document when OpsChain is unreachable', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const app = await buildServer({
      api: { kind: 'proxy', upstream: `http://127.0.0.1:${String(closedPort)}` },
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/info', headers: { accept: 'text/html' } });

      expect(res.statusCode).toBe(502);
      expect(res.headers['content-type']).toMatch(JSON_API);
      expect(res.json()).toMatchObject({
        errors: [{ status: 502, title: 'OpsChain server unreachable' }],
      });
    } finally {
      await app.close();
    }
  });
});
