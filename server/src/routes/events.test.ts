import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import type { DemoUser } from '@contract/demo-users.ts';
import { insertPolicy } from '../seeds/policies.ts';

/** Walks a parsed JSON body: `dig(body, 'data', 0, 'attributes', 'type')`. */
function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function list(value: unknown, ...path: string[]): unknown[] {
  const found = dig(value, ...path);
  return Array.isArray(found) ? found : [];
}

function attribute(events: unknown[], name: string): unknown[] {
  return events.map((e) => dig(e, 'attributes', name));
}

function denyRead(emu: TestEmulator, user: string, path: string): void {
  const core = emu.app.emulator;
  core.tx(() => {
    insertPolicy(
      core,
      { name: `deny ${path} for ${user}`, description: null },
      [{ name: `no ${path}`, path, read: false, update: false, execute: false }],
      [{ username: user }],
    );
  });
  core.authzChanged();
}

/** The demo users read everything but may update only projects: let everyone add events, as tests here do. */
function allowEventWriting(emu: TestEmulator): void {
  const core = emu.app.emulator;
  core.tx(() => {
    insertPolicy(
      core,
      { name: 'event writers', description: null },
      [{ name: 'write events', path: '^/events', read: true, update: true, execute: false }],
      [{ username: null, groupname: null }],
    );
  });
  core.authzChanged();
}

function eventCount(emu: TestEmulator): number {
  const row: unknown = emu.app.emulator.db.prepare('SELECT COUNT(*) AS n FROM events').get();
  return Number(dig(row, 'n'));
}

async function post(
  emu: TestEmulator,
  user: DemoUser,
  attributes: Record<string, unknown>,
): Promise<unknown> {
  const res = await emu.request(user, 'POST', '/api/events', attrs(attributes));
  expect(res.status).toBe(201);
  return res.body;
}

let emu: TestEmulator;
let bankId: string;
beforeAll(async () => {
  emu = await startEmulator({ drive: false });
  allowEventWriting(emu);
  bankId = String(dig((await emu.request('opschain', 'GET', '/api/projects/bank')).body, 'data', 'id'));
  for (let n = 0; n < 12; n++) await post(emu, 'operator', { type: 'batch-a', n });
  await post(emu, 'opschain', { type: 'batch-b', n: 100 });
});
afterAll(async () => {
  await emu.close();
});

describe('GET /api/events', () => {
  it('returns the 10 most recent matches, oldest first, flagged as a partial response', async () => {
    const res = await emu.contract('viewer', 'GET', '/api/events?filter[type_eq]=batch-a', '/api/events');
    expect(res.status).toBe(200);
    expect(attribute(list(res.body, 'data'), 'n')).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(dig(res.body, 'meta')).toEqual({ partial_response: true });
  });

  it('honours limit, and is not partial when every match fits', async () => {
    const five = await emu.request('viewer', 'GET', '/api/events?filter[type_eq]=batch-a&limit=5');
    expect(attribute(list(five.body, 'data'), 'n')).toEqual([7, 8, 9, 10, 11]);
    const all = await emu.contract(
      'viewer',
      'GET',
      '/api/events?filter[type_eq]=batch-a&limit=12',
      '/api/events',
    );
    expect(attribute(list(all.body, 'data'), 'n')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(dig(all.body, 'meta', 'partial_response')).toBe(false);
    const more = await emu.request('viewer', 'GET', '/api/events?filter[type_eq]=batch-a&limit=1000');
    expect(list(more.body, 'data')).toHaveLength(12);
  });

  it('answers 400 naming the parameter for a limit that is not 1 to 1000', async () => {
    for (const limit of ['0', '1001', 'abc', '-1', '1.5', '', '10000']) {
      const res = await emu.request('viewer', 'GET', `/api/events?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(dig(res.body, 'errors', 0, 'source')).toEqual({ parameter: 'limit' });
    }
  });

  it('pages back with filter[created_at_lt] set to the oldest event shown', async () => {
    const pages: unknown[][] = [];
    let before = '';
    for (let i = 0; i < 3; i++) {
      const cursor = before === '' ? '' : `&filter[created_at_lt]=${before}`;
      const res = await emu.request('viewer', 'GET', `/api/events?filter[type_eq]=batch-a&limit=5${cursor}`);
      const page = list(res.body, 'data');
      pages.push(attribute(page, 'n'));
      before = String(dig(page[0], 'attributes', 'created_at'));
      expect(dig(res.body, 'meta', 'partial_response')).toBe(i < 2);
    }
    expect(pages).toEqual([
      [7, 8, 9, 10, 11],
      [2, 3, 4, 5, 6],
      [0, 1],
    ]);
  });

  it('filters on type, system and username, and sorts the page', async () => {
    const both = await emu.request(
      'viewer',
      'GET',
      '/api/events?filter[type_in][]=batch-a&filter[type_in][]=batch-b&limit=3&filter[sorts]=type%20desc',
    );
    expect(attribute(list(both.body, 'data'), 'type')).toEqual(['batch-b', 'batch-a', 'batch-a']);
    const byUser = await emu.request(
      'viewer',
      'GET',
      '/api/events?filter[type_start]=batch&filter[username_eq]=opschain',
    );
    expect(attribute(list(byUser.body, 'data'), 'n')).toEqual([100]);
    const custom = await emu.request(
      'viewer',
      'GET',
      '/api/events?filter[type_start]=batch&filter[system_false]=1&limit=100',
    );
    expect(list(custom.body, 'data')).toHaveLength(13);
    const system = await emu.request(
      'viewer',
      'GET',
      '/api/events?filter[type_start]=batch&filter[system_true]=1',
    );
    expect(list(system.body, 'data')).toEqual([]);
  });

  it('filters on payload keys: url_params, request_body, parent_code and any top-level key', async () => {
    const patched = await emu.request(
      'operator',
      'PATCH',
      '/api/projects/website',
      attrs({ description: 'Marketing site, relaunched' }),
    );
    expect(patched.status).toBe(200);
    const queries = [
      'filter[url_params_project_code_eq]=website',
      'filter[request_body_description_cont]=relaunched',
      'filter[parent_code_eq]=website',
    ];
    for (const query of queries) {
      const res = await emu.contract(
        'viewer',
        'GET',
        `/api/events?filter[type_eq]=api:projects:update&${query}`,
        '/api/events',
      );
      const events = list(res.body, 'data');
      expect(events).toHaveLength(1);
      expect(dig(events[0], 'attributes')).toMatchObject({
        system: true,
        username: 'operator',
        url_params: { project_code: 'website' },
        request_body: { description: 'Marketing site, relaunched' },
      });
    }
    const other = await emu.request(
      'viewer',
      'GET',
      '/api/events?filter[type_eq]=api:projects:update&filter[url_params_project_code_eq]=bank',
    );
    expect(list(other.body, 'data')).toEqual([]);
    // The demo seed's custom events carry their own keys.
    const release = await emu.request('viewer', 'GET', '/api/events?filter[release_eq]=2025.2');
    expect(attribute(list(release.body, 'data'), 'type')).toEqual(['release notes published']);
    const numeric = await emu.request(
      'viewer',
      'GET',
      '/api/events?filter[type_eq]=batch-a&filter[n_gteq]=10&filter[sorts]=n%20desc',
    );
    expect(attribute(list(numeric.body, 'data'), 'n')).toEqual([11, 10]);
  });

  it('filters on nested payload keys joined by a comma', async () => {
    await post(emu, 'operator', { type: 'nested-test', nested: { key: 'deep value' } });
    await post(emu, 'operator', { type: 'nested-test', nested: { key: 'other' } });
    const res = await emu.request('viewer', 'GET', '/api/events?filter[nested,key_eq]=deep%20value');
    expect(list(res.body, 'data').map((e) => dig(e, 'attributes', 'nested'))).toEqual([
      { key: 'deep value' },
    ]);
  });

  it('treats filter values as data, never as SQL', async () => {
    const res = await emu.request(
      'viewer',
      'GET',
      "/api/events?filter[type_eq]=x'%20OR%201=1--&filter[sorts]=type;DROP%20TABLE%20events&filter[a')--_eq]=1",
    );
    expect(res.status).toBe(200);
    expect(list(res.body, 'data')).toEqual([]);
    expect(eventCount(emu)).toBeGreaterThan(0);
  });

  it('is not itself recorded as an event', async () => {
    const before = eventCount(emu);
    await emu.request('viewer', 'GET', '/api/events');
    const one = list((await emu.request('viewer', 'GET', '/api/events?limit=1')).body, 'data')[0];
    await emu.request('viewer', 'GET', `/api/events/${String(dig(one, 'id'))}`);
    expect(eventCount(emu)).toBe(before);
    await post(emu, 'viewer', { type: 'counted once' });
    expect(eventCount(emu)).toBe(before + 1);
  });
});

describe('POST /api/events', () => {
  it('creates a custom event: payload keys as attributes, the caller as username, system false', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      '/api/events',
      '/api/events',
      attrs({ type: 'custom event', any_key: 'with a value', nested: { key: 'nested value' } }),
    );
    expect(res.status).toBe(201);
    const id = String(dig(res.body, 'data', 'id'));
    expect(dig(res.body, 'data', 'attributes')).toEqual({
      any_key: 'with a value',
      nested: { key: 'nested value' },
      username: 'operator',
      system: false,
      type: 'custom event',
      created_at: dig(res.body, 'data', 'attributes', 'created_at'),
    });
    expect(String(dig(res.body, 'data', 'attributes', 'created_at'))).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
    );
    expect(dig(res.body, 'data', 'relationships')).toEqual({ source: { links: { source: null } } });
    expect(dig(res.body, 'data', 'links')).toEqual({ self: `/api/events/${id}` });
  });

  it('links a readable node named by node_path, node_id or <kind>_id as the source', async () => {
    const byPath = await emu.contract(
      'operator',
      'POST',
      '/api/events',
      '/api/events',
      attrs({ type: 'linked', node_path: '/projects/bank' }),
    );
    expect(dig(byPath.body, 'data', 'relationships', 'source')).toEqual({
      links: { source: '/api/projects/bank' },
      data: { id: bankId, type: 'project' },
    });
    expect(dig(byPath.body, 'data', 'attributes', 'node_path')).toBe('/projects/bank');

    const env = await emu.request('viewer', 'GET', '/api/projects/bank/environments/prod');
    const envId = String(dig(env.body, 'data', 'id'));
    for (const key of ['node_id', 'environment_id']) {
      const body = await post(emu, 'operator', { type: 'linked', [key]: envId });
      expect(dig(body, 'data', 'relationships', 'source')).toEqual({
        links: { source: '/api/projects/bank/environments/prod' },
        data: { id: envId, type: 'environment' },
      });
    }
    const asset = await post(emu, 'operator', {
      type: 'linked',
      node_path: '/api/projects/bank/environments/dev/assets/soa_dev/',
    });
    expect(dig(asset, 'data', 'relationships', 'source', 'links', 'source')).toBe(
      '/api/projects/bank/environments/dev/assets/soa_dev',
    );
    expect(dig(asset, 'data', 'relationships', 'source', 'data', 'type')).toBe('asset');
  });

  it('leaves the source empty when the named node does not exist or is of another kind', async () => {
    for (const attributes of [{ node_path: '/projects/nope' }, { node_id: 'nope' }, { asset_id: bankId }]) {
      const body = await post(emu, 'operator', { type: 'unlinked', ...attributes });
      expect(dig(body, 'data', 'relationships')).toEqual({ source: { links: { source: null } } });
    }
  });

  it('ignores attempts to set username, system or created_at', async () => {
    const body = await post(emu, 'viewer', {
      type: 'spoof',
      username: 'mallory',
      system: true,
      created_at: '2000-01-01T00:00:00.000000Z',
    });
    expect(dig(body, 'data', 'attributes', 'username')).toBe('viewer');
    expect(dig(body, 'data', 'attributes', 'system')).toBe(false);
    expect(dig(body, 'data', 'attributes', 'created_at')).not.toBe('2000-01-01T00:00:00.000000Z');
  });

  it('answers 400 or 422 rather than failing on deeply nested event data', async () => {
    const before = eventCount(emu);
    const depth = 200_000;
    const body = `{"data":{"attributes":{"type":"deep","d":${'['.repeat(depth)}${']'.repeat(depth)}}}}`;
    const res = await emu.request('operator', 'POST', '/api/events', body);
    expect(res.status).toBe(400);
    expect(dig(res.body, 'errors', 0, 'title')).toBe('Request body nested too deeply');
    // Within the limit for request bodies, deeper than event data may be.
    const levels = 105;
    const deep = `{"data":{"attributes":{"type":"deep","d":${'['.repeat(levels)}${']'.repeat(levels)}}}}`;
    const refused = await emu.request('operator', 'POST', '/api/events', deep);
    expect(refused.status).toBe(422);
    expect(dig(refused.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/base');
    expect(eventCount(emu)).toBe(before);
  });

  it('answers 400 when data or attributes are missing', async () => {
    const noData = await emu.contract('operator', 'POST', '/api/events', '/api/events', { type: 'x' });
    expect(noData.status).toBe(400);
    expect(dig(noData.body, 'errors', 0, 'meta', 'message')).toBe(
      'param is missing or the value is empty: data',
    );
    const empty = await emu.request('operator', 'POST', '/api/events', attrs({}));
    expect(empty.status).toBe(400);
  });

  it('answers 422 "Type can\'t be blank" without a type', async () => {
    const before = eventCount(emu);
    const res = await emu.contract('operator', 'POST', '/api/events', '/api/events', attrs({ any_key: 'x' }));
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      errors: [
        {
          status: 422,
          code: 'model error',
          title: "Type can't be blank",
          source: { pointer: '/data/attributes/type' },
        },
      ],
    });
    expect((await emu.request('operator', 'POST', '/api/events', attrs({ type: '  ' }))).status).toBe(422);
    const typed = await emu.request('operator', 'POST', '/api/events', attrs({ type: 5 }));
    expect(dig(typed.body, 'errors', 0, 'title')).toBe('Type must be a string');
    expect(eventCount(emu)).toBe(before);
  });
});

describe('GET /api/events/{id}', () => {
  it('shows one event, and 404 for an unknown id', async () => {
    const created = await post(emu, 'operator', { type: 'shown', node_path: '/projects/bank', any_key: 'v' });
    const id = String(dig(created, 'data', 'id'));
    const res = await emu.contract('viewer', 'GET', `/api/events/${id}`, '/api/events/{event_id}');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
    const missing = await emu.contract('viewer', 'GET', '/api/events/nope', '/api/events/{event_id}');
    expect(missing.status).toBe(404);
  });
});

describe('adding events', () => {
  let seeded: TestEmulator;
  beforeAll(async () => {
    seeded = await startEmulator({ drive: false });
  });
  afterAll(async () => {
    await seeded.close();
  });

  it('needs update on /events: users who may only read it cannot add events, even system-looking ones', async () => {
    const before = eventCount(seeded);
    for (const user of ['viewer', 'operator', 'approver'] as const) {
      const res = await seeded.request(user, 'POST', '/api/events', attrs({ type: 'api:projects:destroy' }));
      expect(res.status, user).toBe(403);
      expect(dig(res.body, 'errors', 0, 'status')).toBe(403);
      // Reading stays open to them.
      expect((await seeded.request(user, 'GET', '/api/events')).status, user).toBe(200);
    }
    expect(eventCount(seeded)).toBe(before);
    const added = await seeded.request('opschain', 'POST', '/api/events', attrs({ type: 'note' }));
    expect(added.status).toBe(201);
    allowEventWriting(seeded);
    expect((await seeded.request('viewer', 'POST', '/api/events', attrs({ type: 'note' }))).status).toBe(201);
  });
});

describe('event permissions', () => {
  let restricted: TestEmulator;
  beforeAll(async () => {
    restricted = await startEmulator({ drive: false });
    allowEventWriting(restricted);
    denyRead(restricted, 'viewer', '^/projects/retail');
    denyRead(restricted, 'approver', '^/events');
  });
  afterAll(async () => {
    await restricted.close();
  });

  it('needs read on /events to list, add or show events', async () => {
    const listed = await restricted.request('approver', 'GET', '/api/events');
    expect(listed.status).toBe(403);
    const added = await restricted.request('approver', 'POST', '/api/events', attrs({ type: 'x' }));
    expect(added.status).toBe(403);
    const id = String(
      dig(list((await restricted.request('opschain', 'GET', '/api/events?limit=1')).body, 'data')[0], 'id'),
    );
    expect((await restricted.request('approver', 'GET', `/api/events/${id}`)).status).toBe(404);
    expect((await restricted.request('viewer', 'GET', `/api/events/${id}`)).status).toBe(200);
  });

  it('hides events whose source the caller cannot read, before applying the limit', async () => {
    for (let i = 0; i < 3; i++)
      await post(restricted, 'opschain', { type: 'mixed', node_path: '/projects/retail', i });
    for (let i = 3; i < 5; i++)
      await post(restricted, 'opschain', { type: 'mixed', node_path: '/projects/bank', i });
    for (let i = 5; i < 8; i++)
      await post(restricted, 'opschain', { type: 'mixed', node_path: '/projects/retail', i });
    const viewer = await restricted.request('viewer', 'GET', '/api/events?filter[type_eq]=mixed&limit=2');
    expect(attribute(list(viewer.body, 'data'), 'i')).toEqual([3, 4]);
    expect(dig(viewer.body, 'meta', 'partial_response')).toBe(false);
    const operator = await restricted.request('operator', 'GET', '/api/events?filter[type_eq]=mixed&limit=2');
    expect(attribute(list(operator.body, 'data'), 'i')).toEqual([6, 7]);
    expect(dig(operator.body, 'meta', 'partial_response')).toBe(true);
    const hiddenId = String(dig(list(operator.body, 'data')[0], 'id'));
    expect((await restricted.request('viewer', 'GET', `/api/events/${hiddenId}`)).status).toBe(404);
  });

  it('hides system events of an unreadable node, and does not link an unreadable node to a custom event', async () => {
    await restricted.request(
      'opschain',
      'PATCH',
      '/api/projects/retail',
      attrs({ description: 'Hidden change' }),
    );
    const viewer = await restricted.request(
      'viewer',
      'GET',
      '/api/events?filter[type_eq]=api:projects:update',
    );
    expect(list(viewer.body, 'data')).toEqual([]);
    const operator = await restricted.request(
      'operator',
      'GET',
      '/api/events?filter[type_eq]=api:projects:update',
    );
    expect(list(operator.body, 'data')).toHaveLength(1);
    const body = await post(restricted, 'viewer', { type: 'probe', node_path: '/projects/retail' });
    expect(dig(body, 'data', 'relationships')).toEqual({ source: { links: { source: null } } });
  });
});
