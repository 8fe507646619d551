import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '@contract/demo-users.ts';
import { attrs, basicAuth, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { buildApp } from './app.ts';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function firstError(body: unknown): { status: number; title: string } | undefined {
  return (body as { errors?: { status: number; title: string }[] }).errors?.[0];
}

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate and a JSON:API error without credentials', async () => {
    const res = await emu.request(null, 'GET', '/api/projects');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="OpsChain"');
    expect(res.headers['content-type']).toContain('application/vnd.api+json');
    expect(firstError(res.body)?.title).toBe('Unauthorized');
  });

  it('answers 401 for a wrong password, an unknown user and a garbled header', async () => {
    for (const authorization of [
      basicAuth('operator', 'wrong'),
      basicAuth('nobody'),
      'Basic !!!',
      'Bearer x',
    ]) {
      const res = await emu.app.inject({ method: 'GET', url: '/api/info', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('accepts every demo user with their password', async () => {
    for (const user of DEMO_USERS) {
      expect((await emu.request(user, 'GET', '/api/info')).status).toBe(200);
    }
  });
});

describe('authentication whatever the path spelling', () => {
  // The router decodes the path before matching; the check must not look at the raw spelling.
  const spellings = [
    '/%61pi/info',
    '/%61%70%69/info',
    '/api/%69nfo',
    '/%61pi/projects',
    '/%61pi/projects/bank',
    '/%61pi/events',
    '/api/projects/',
    '/api?x=1',
  ];

  it('answers 401 without credentials to every spelling that reaches an /api route', async () => {
    for (const url of spellings) {
      const res = await emu.request(null, 'GET', url);
      expect(res.status, url).toBe(401);
      expect(firstError(res.body)?.title, url).toBe('Unauthorized');
    }
  });

  it('serves the same spellings normally with credentials', async () => {
    for (const url of ['/%61pi/info', '/%61pi/projects/bank', '/api/%69nfo']) {
      expect((await emu.request('viewer', 'GET', url)).status, url).toBe(200);
    }
  });
});

describe('writes and their audit events', () => {
  function deepBody(levels: number): string {
    return `{"data":{"attributes":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}`;
  }

  function countRows(app: TestEmulator['app'], sql: string, ...params: string[]): number {
    const row: unknown = app.emulator.db.prepare(sql).get(...params);
    return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : NaN;
  }

  it('refuses deeply nested request bodies with 400 before deleting anything', async () => {
    const local = await startEmulator({ drive: false });
    try {
      for (const [i, levels] of [2_000, 5_000].entries()) {
        const code = `deep_${String(i)}`;
        const created = await local.request(
          'opschain',
          'POST',
          '/api/projects',
          attrs({ code, name: code, description: null, project_type: 'Standard' }),
        );
        expect(created.status).toBe(201);
        const events = countRows(local.app, 'SELECT COUNT(*) AS n FROM events');
        const res = await local.request('opschain', 'DELETE', `/api/projects/${code}`, deepBody(levels));
        expect(res.status, String(levels)).toBe(400);
        expect(firstError(res.body)?.title).toBe('Request body nested too deeply');
        // DELETE archives a node.
        expect(countRows(local.app, 'SELECT archived AS n FROM nodes WHERE code = ?', code)).toBe(0);
        expect(countRows(local.app, 'SELECT COUNT(*) AS n FROM events')).toBe(events);
      }
      // Nothing stored can break the payload filters and sorts of the audit trail.
      for (const url of [
        '/api/events?filter[request_body_a_present]=1',
        '/api/events?filter[payload_request_body,a_present]=1',
        '/api/events?filter[sorts]=request_body_a',
      ]) {
        expect((await local.request('viewer', 'GET', url)).status, url).toBe(200);
      }
    } finally {
      await local.close();
    }
  });

  it('accepts bodies nested up to the limit', async () => {
    const local = await startEmulator({ drive: false });
    try {
      const created = await local.request(
        'opschain',
        'POST',
        '/api/projects',
        attrs({ code: 'shallow', name: 'shallow', description: null, project_type: 'Standard' }),
      );
      expect(created.status).toBe(201);
      // 2 envelope levels + 126 = 128
      const res = await local.request('opschain', 'DELETE', '/api/projects/shallow', deepBody(126));
      expect(res.status).toBe(204);
      expect(countRows(local.app, 'SELECT archived AS n FROM nodes WHERE code = ?', 'shallow')).toBe(1);
    } finally {
      await local.close();
    }
  });

  it('undoes the operation when its audit event cannot be stored', async () => {
    const local = await startEmulator({ drive: false });
    try {
      const created = await local.request(
        'opschain',
        'POST',
        '/api/projects',
        attrs({ code: 'doomed', name: 'doomed', description: null, project_type: 'Standard' }),
      );
      expect(created.status).toBe(201);
      // Any failure while storing the event (here a trigger) must take the deletion with it.
      local.app.emulator.db.exec(
        "CREATE TRIGGER no_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'events refused'); END",
      );
      const res = await local.request('opschain', 'DELETE', '/api/projects/doomed');
      expect(res.status).toBe(500);
      // DELETE archives a node.
      expect(countRows(local.app, 'SELECT archived AS n FROM nodes WHERE code = ?', 'doomed')).toBe(0);
      const made = await local.request(
        'opschain',
        'POST',
        '/api/projects',
        attrs({ code: 'unborn', name: 'unborn', description: null, project_type: 'Standard' }),
      );
      expect(made.status).toBe(500);
      expect(countRows(local.app, 'SELECT COUNT(*) AS n FROM nodes WHERE code = ?', 'unborn')).toBe(0);
      local.app.emulator.db.exec('DROP TRIGGER no_events');
      // Later writes are not caught in a transaction left open.
      expect((await local.request('opschain', 'DELETE', '/api/projects/doomed')).status).toBe(204);
      expect(local.app.emulator.db.inTransaction).toBe(false);
      expect(countRows(local.app, 'SELECT archived AS n FROM nodes WHERE code = ?', 'doomed')).toBe(1);
    } finally {
      await local.close();
    }
  });
});

describe('bad input never causes a 5xx', () => {
  async function post(payload: string, contentType: string) {
    return emu.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: basicAuth('operator'), 'content-type': contentType },
      payload,
    });
  }

  it('answers 400 for malformed JSON', async () => {
    const res = await post('{"data": {', 'application/vnd.api+json');
    expect(res.statusCode).toBe(400);
    expect(firstError(res.json())?.title).toBe('Malformed request body');
  });

  it('answers 400 for a wrong media type', async () => {
    const res = await post('code=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(400);
    expect(firstError(res.json())?.title).toBe('Unsupported media type');
  });

  it('answers 400 for bodies without data or attributes, or with the wrong shapes', async () => {
    for (const body of [
      '{}',
      '[]',
      '"text"',
      '42',
      'null',
      '{"data": []}',
      '{"data": {"attributes": "x"}}',
      '{"data": {"attributes": {}}}',
    ]) {
      const res = await post(body, 'application/vnd.api+json');
      expect(res.statusCode, body).toBe(400);
    }
  });

  it('answers 413 as JSON:API for huge bodies', async () => {
    const huge = JSON.stringify(
      attrs({ description: null, code: 'big', name: 'x'.repeat(3 * 1024 * 1024), project_type: 'Standard' }),
    );
    const res = await post(huge, 'application/vnd.api+json');
    expect(res.statusCode).toBe(413);
    expect(firstError(res.json())?.status).toBe(413);
  });

  it('answers 422 for odd codes and wrongly typed attributes', async () => {
    for (const code of ['../etc', 'a b', 'x'.repeat(51), 'ümlaut', '%00', 12, null, ['a'], { a: 1 }]) {
      const res = await emu.request(
        'operator',
        'POST',
        '/api/projects',
        attrs({ code, name: `n-${JSON.stringify(code)}`, project_type: 'Standard' }),
      );
      expect(res.status, JSON.stringify(code)).toBe(422);
    }
    const typed = await emu.request('operator', 'PATCH', '/api/projects/bank', attrs({ archived: 'maybe' }));
    expect(typed.status).toBe(422);
  });

  it('answers JSON:API 404s for unknown API routes and odd path segments', async () => {
    for (const url of [
      '/api/nope',
      '/api/projects/%2e%2e',
      '/api/projects/bank/environments/%00',
      `/api/projects/${'a'.repeat(400)}`,
    ]) {
      const res = await emu.request('operator', 'GET', url);
      expect(res.status, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/vnd.api+json');
    }
  });

  it('answers 414 as JSON:API for absurdly long path segments', async () => {
    const res = await emu.request('operator', 'GET', `/api/projects/${'a'.repeat(5000)}`);
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toContain('application/vnd.api+json');
  });

  it('treats filter values as data, never as SQL', async () => {
    const res = await emu.request(
      'operator',
      'GET',
      "/api/projects?filter[code_eq]=bank'%20OR%201=1--&filter[sorts]=code;DROP%20TABLE%20nodes",
    );
    expect(res.status).toBe(200);
    expect((res.body as { data: unknown[] }).data).toEqual([]);
    expect((await emu.request('operator', 'GET', '/api/projects')).status).toBe(200);
  });
});

describe('persistence', () => {
  it('keeps everything across a restart on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
    const file = join(dir, 'emulator.db');
    try {
      const first = await buildApp({ db: file, seed: 'demo', drive: false });
      const created = await first.inject({
        method: 'POST',
        url: '/api/projects',
        headers: { authorization: basicAuth('opschain'), 'content-type': 'application/vnd.api+json' },
        payload: JSON.stringify(
          attrs({ description: null, code: 'kept', name: 'Kept', project_type: 'Enterprise' }),
        ),
      });
      expect(created.statusCode).toBe(201);
      await first.close();

      const second = await buildApp({ db: file, seed: 'demo', drive: false });
      const res = await second.inject({
        method: 'GET',
        url: '/api/projects',
        headers: { authorization: basicAuth('opschain') },
      });
      const list = res
        .json<{ data: { attributes: { code: string } }[] }>()
        .data.map((p) => p.attributes.code);
      // The seed ran once: the demo projects are there exactly once, and the new one survived.
      expect(list).toEqual(['bank', 'retail', 'website', 'kept']);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seeds only the superuser and default policies with seed "none"', async () => {
    const app = await buildApp({ db: ':memory:', seed: 'none', drive: false });
    const users = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: basicAuth('opschain') },
    });
    expect(
      users.json<{ data: { attributes: { username: string } }[] }>().data.map((u) => u.attributes.username),
    ).toEqual(['opschain']);
    const projects = await app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { authorization: basicAuth('opschain') },
    });
    expect(projects.json<{ data: unknown[] }>().data).toEqual([]);
    const operator = await app.inject({
      method: 'GET',
      url: '/api/info',
      headers: { authorization: basicAuth('operator') },
    });
    expect(operator.statusCode).toBe(401);
    await app.close();
  });
});
