import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { insertPolicy } from '../seeds/policies.ts';

const SPEC_LIST = '/api/projects/{project_code}/assets/{asset_code}/bookmarks';
const SPEC_ONE = '/api/projects/{project_code}/assets/{asset_code}/bookmarks/{bookmark_id}';
const ASSET = '/api/projects/bank/environments/dev/assets/soa_dev';

/** Walks a parsed JSON body: `dig(body, 'data', 'attributes', 'url')`. */
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

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator({ drive: false });
});
afterAll(async () => {
  await emu.close();
});

async function create(
  user: 'opschain' | 'operator',
  nodeUrl: string,
  url: string,
  description: string,
): Promise<string> {
  const res = await emu.request(
    user,
    'POST',
    `${nodeUrl}/bookmarks`,
    attrs({ url, description, created_by: null }),
  );
  expect(res.status).toBe(201);
  return String(dig(res.body, 'data', 'id'));
}

describe('bookmarks', () => {
  it('lists the bookmarks of a node with self and parent links', async () => {
    const res = await emu.contract('viewer', 'GET', '/api/projects/bank/bookmarks', SPEC_LIST);
    expect(res.status).toBe(200);
    const bookmarks = list(res.body, 'data');
    expect(bookmarks).toHaveLength(1);
    const id = String(dig(bookmarks[0], 'id'));
    expect(dig(bookmarks[0], 'type')).toBe('bookmark');
    expect(dig(bookmarks[0], 'attributes')).toMatchObject({
      url: 'https://wiki.bank.example.com/platform/runbooks',
      description: 'Platform runbooks',
      created_by: 'opschain',
    });
    expect(dig(bookmarks[0], 'links')).toEqual({
      self: `/api/projects/bank/bookmarks/${id}`,
      parent: '/api/projects/bank',
    });
  });

  it('creates a bookmark on an asset, defaulting created_by to the caller', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      `${ASSET}/bookmarks`,
      SPEC_LIST,
      attrs({
        url: 'https://soa-dev.bank.internal:7002/console',
        description: 'SOA console',
        created_by: null,
      }),
    );
    expect(res.status).toBe(201);
    const id = String(dig(res.body, 'data', 'id'));
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      url: 'https://soa-dev.bank.internal:7002/console',
      description: 'SOA console',
      created_by: 'operator',
    });
    expect(dig(res.body, 'data', 'links')).toEqual({ self: `${ASSET}/bookmarks/${id}`, parent: ASSET });
    const node = await emu.request('viewer', 'GET', ASSET);
    expect(dig(node.body, 'data', 'relationships', 'bookmarks', 'data')).toEqual([{ type: 'bookmark', id }]);
  });

  it('creates bookmarks on every kind of node, keeping an explicit created_by and a null one defaulted', async () => {
    for (const nodeUrl of [
      '/api/projects/website',
      '/api/projects/retail/environments/prod',
      '/api/projects/bank/assets/shared_db',
    ]) {
      const res = await emu.contract(
        'opschain',
        'POST',
        `${nodeUrl}/bookmarks`,
        SPEC_LIST,
        attrs({ url: 'http://example.com/a', description: 'A', created_by: 'release-bot' }),
      );
      expect(res.status).toBe(201);
      expect(dig(res.body, 'data', 'attributes', 'created_by')).toBe('release-bot');
      expect(dig(res.body, 'data', 'links', 'parent')).toBe(nodeUrl);
    }
    const defaulted = await emu.request(
      'operator',
      'POST',
      '/api/projects/website/bookmarks',
      attrs({ url: 'http://b.example', description: 'B', created_by: null }),
    );
    expect(dig(defaulted.body, 'data', 'attributes', 'created_by')).toBe('operator');
  });

  it('answers 422 with both blank-field errors at once, as the spec example', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      `${ASSET}/bookmarks`,
      SPEC_LIST,
      attrs({ url: '', description: '  ', created_by: null }),
    );
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      errors: [
        {
          status: 422,
          code: 'model error',
          title: "URL can't be blank",
          source: { pointer: '/data/attributes/url' },
        },
        {
          status: 422,
          code: 'model error',
          title: "Description can't be blank",
          source: { pointer: '/data/attributes/description' },
        },
      ],
    });
    const absent = await emu.request('operator', 'POST', `${ASSET}/bookmarks`, attrs({ created_by: 'x' }));
    expect(list(absent.body, 'errors').map((e) => dig(e, 'source', 'pointer'))).toEqual([
      '/data/attributes/description',
      '/data/attributes/url',
    ]);
  });

  it('refuses URLs that are not http or https, and values of the wrong type', async () => {
    for (const url of [
      'javascript:alert(1)',
      'ftp://files.example.com',
      'not a url',
      'data:text/html,hi',
      'https://',
    ]) {
      const res = await emu.request(
        'operator',
        'POST',
        `${ASSET}/bookmarks`,
        attrs({ url, description: 'x', created_by: null }),
      );
      expect(res.status).toBe(422);
      expect(dig(res.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/url');
    }
    const typed = await emu.request(
      'operator',
      'POST',
      `${ASSET}/bookmarks`,
      attrs({ url: 5, description: ['x'], created_by: 7 }),
    );
    expect(list(typed.body, 'errors').map((e) => dig(e, 'title'))).toEqual([
      'Url must be a string',
      'Description must be a string',
      'Created by must be a string or null',
    ]);
    const long = await emu.request(
      'operator',
      'POST',
      `${ASSET}/bookmarks`,
      attrs({ url: `https://x.example/${'a'.repeat(3000)}`, description: 'x', created_by: null }),
    );
    expect(dig(long.body, 'errors', 0, 'title')).toBe('URL is too long (maximum is 2048 characters)');
  });

  it('answers 400 for unpermitted attributes and a missing data member', async () => {
    const extra = await emu.contract(
      'operator',
      'POST',
      `${ASSET}/bookmarks`,
      SPEC_LIST,
      attrs({ url: 'https://a.example', description: 'a', created_by: null, invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    expect(dig(extra.body, 'errors', 0, 'meta', 'message')).toBe('found unpermitted parameter: :invalid');
    const missing = await emu.request('operator', 'POST', `${ASSET}/bookmarks`, { nothing: true });
    expect(missing.status).toBe(400);
  });

  it('shows a bookmark, and 404s one that is unknown or belongs to another node', async () => {
    const id = await create(
      'operator',
      '/api/projects/retail',
      'https://status.retail.example',
      'Status page',
    );
    const one = await emu.contract('viewer', 'GET', `/api/projects/retail/bookmarks/${id}`, SPEC_ONE);
    expect(one.status).toBe(200);
    expect(dig(one.body, 'data', 'attributes', 'description')).toBe('Status page');
    const unknown = await emu.contract('viewer', 'GET', '/api/projects/retail/bookmarks/nope', SPEC_ONE);
    expect(unknown.status).toBe(404);
    const elsewhere = await emu.request('viewer', 'GET', `/api/projects/bank/bookmarks/${id}`);
    expect(elsewhere.status).toBe(404);
    const noNode = await emu.request('viewer', 'GET', '/api/projects/nope/bookmarks');
    expect(noNode.status).toBe(404);
  });

  it('updates url and description, alone or together, bumping updated_at', async () => {
    const id = await create('operator', ASSET, 'https://old.example', 'Old');
    const url = `${ASSET}/bookmarks/${id}`;
    const before = await emu.request('viewer', 'GET', url);
    const res = await emu.contract(
      'operator',
      'PATCH',
      url,
      SPEC_ONE,
      attrs({ url: 'https://updated.server.com:8080/new/path', description: 'Updated' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      url: 'https://updated.server.com:8080/new/path',
      description: 'Updated',
    });
    expect(
      String(dig(res.body, 'data', 'attributes', 'updated_at')) >
        String(dig(before.body, 'data', 'attributes', 'updated_at')),
    ).toBe(true);
    expect(dig(res.body, 'data', 'attributes', 'created_at')).toBe(
      dig(before.body, 'data', 'attributes', 'created_at'),
    );
    // The contract's update requires both keys: a body with one of them is refused, changing nothing.
    const onlyDescription = await emu.request('operator', 'PATCH', url, attrs({ description: 'Renamed' }));
    expect(onlyDescription.status).toBe(422);
    expect(dig(onlyDescription.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/url');
    const shown = await emu.request('operator', 'GET', url);
    expect(dig(shown.body, 'data', 'attributes', 'description')).toBe('Updated');
  });

  it('answers 400, 404 and 422 to bad updates without changing the bookmark', async () => {
    const id = await create('operator', ASSET, 'https://keep.example', 'Keep');
    const url = `${ASSET}/bookmarks/${id}`;
    const unpermitted = await emu.contract(
      'operator',
      'PATCH',
      url,
      SPEC_ONE,
      attrs({ created_by: 'someone' }),
    );
    expect(unpermitted.status).toBe(400);
    const unknown = await emu.contract(
      'operator',
      'PATCH',
      `${ASSET}/bookmarks/nope`,
      SPEC_ONE,
      attrs({ url: 'https://x.example', description: 'x' }),
    );
    expect(unknown.status).toBe(404);
    const blank = await emu.request('operator', 'PATCH', url, attrs({ url: '', description: '' }));
    expect(blank.status).toBe(422);
    expect(list(blank.body, 'errors')).toHaveLength(2);
    const bad = await emu.request(
      'operator',
      'PATCH',
      url,
      attrs({ url: 'javascript:void(0)', description: 'x' }),
    );
    expect(bad.status).toBe(422);
    const shown = await emu.request('viewer', 'GET', url);
    expect(dig(shown.body, 'data', 'attributes')).toMatchObject({
      url: 'https://keep.example',
      description: 'Keep',
    });
  });

  it('deletes a bookmark with 204, after which it is gone', async () => {
    const id = await create('operator', ASSET, 'https://gone.example', 'Gone');
    const url = `${ASSET}/bookmarks/${id}`;
    const res = await emu.contract('operator', 'DELETE', url, SPEC_ONE);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await emu.request('viewer', 'GET', url)).status).toBe(404);
    const again = await emu.contract('operator', 'DELETE', url, SPEC_ONE);
    expect(again.status).toBe(404);
  });

  it('filters and sorts bookmarks in SQL', async () => {
    const nodeUrl = '/api/projects/retail/environments/dev';
    await create('operator', nodeUrl, 'https://b.example', 'Beta dashboard');
    await create('operator', nodeUrl, 'https://a.example', 'Alpha runbook');
    await create('opschain', nodeUrl, 'https://c.example', 'Gamma dashboard');
    const cont = await emu.request(
      'viewer',
      'GET',
      `${nodeUrl}/bookmarks?filter[description_cont]=dashboard&filter[sorts]=description%20desc`,
    );
    expect(list(cont.body, 'data').map((b) => dig(b, 'attributes', 'description'))).toEqual([
      'Gamma dashboard',
      'Beta dashboard',
    ]);
    const mine = await emu.request('viewer', 'GET', `${nodeUrl}/bookmarks?filter[created_by_eq]=opschain`);
    expect(list(mine.body, 'data').map((b) => dig(b, 'attributes', 'url'))).toEqual(['https://c.example']);
    const all = await emu.request('viewer', 'GET', `${nodeUrl}/bookmarks`);
    expect(list(all.body, 'data').map((b) => dig(b, 'attributes', 'url'))).toEqual([
      'https://b.example',
      'https://a.example',
      'https://c.example',
    ]);
  });

  it('records api:bookmarks:create, update and destroy', async () => {
    const nodeUrl = '/api/projects/retail/environments/test';
    const id = await create('operator', nodeUrl, 'https://events.example', 'Events');
    await emu.request(
      'operator',
      'PATCH',
      `${nodeUrl}/bookmarks/${id}`,
      attrs({ url: 'https://events.example', description: 'Events 2' }),
    );
    await emu.request('operator', 'DELETE', `${nodeUrl}/bookmarks/${id}`);
    const res = await emu.request(
      'opschain',
      'GET',
      '/api/events?filter[type_start]=api:bookmarks:&filter[url_params_environment_code_eq]=test&filter[url_params_project_code_eq]=retail',
    );
    const events = list(res.body, 'data');
    expect(events.map((e) => dig(e, 'attributes', 'type'))).toEqual([
      'api:bookmarks:create',
      'api:bookmarks:update',
      'api:bookmarks:destroy',
    ]);
    expect(events.map((e) => dig(e, 'attributes', 'username'))).toEqual(['operator', 'operator', 'operator']);
    expect(dig(events[0], 'attributes', 'request_body')).toEqual({
      url: 'https://events.example',
      description: 'Events',
      created_by: null,
    });
  });
});

describe('bookmark permissions', () => {
  let restricted: TestEmulator;
  beforeAll(async () => {
    restricted = await startEmulator({ drive: false });
    denyRead(restricted, 'viewer', '^/projects/retail');
  });
  afterAll(async () => {
    await restricted.close();
  });

  it('lets readers list but answers 403 to create, update or delete without update on the node', async () => {
    expect((await restricted.request('viewer', 'GET', '/api/projects/bank/bookmarks')).status).toBe(200);
    for (const user of ['viewer', 'approver'] as const) {
      const res = await restricted.request(
        user,
        'POST',
        '/api/projects/bank/bookmarks',
        attrs({ url: 'https://x.example', description: 'x', created_by: null }),
      );
      expect(res.status).toBe(403);
      expect(dig(res.body, 'errors', 0, 'code')).toBe('forbidden');
    }
    const id = String(
      dig(
        list((await restricted.request('viewer', 'GET', '/api/projects/bank/bookmarks')).body, 'data')[0],
        'id',
      ),
    );
    const patch = await restricted.request(
      'approver',
      'PATCH',
      `/api/projects/bank/bookmarks/${id}`,
      attrs({ url: 'https://x.example', description: 'x' }),
    );
    expect(patch.status).toBe(403);
    const del = await restricted.request('viewer', 'DELETE', `/api/projects/bank/bookmarks/${id}`);
    expect(del.status).toBe(403);
    expect((await restricted.request('viewer', 'GET', `/api/projects/bank/bookmarks/${id}`)).status).toBe(
      200,
    );
  });

  it('answers 404 on every bookmark route of a node the caller cannot read', async () => {
    const id = String(
      dig(
        (
          await restricted.request(
            'opschain',
            'POST',
            '/api/projects/retail/bookmarks',
            attrs({ url: 'https://r.example', description: 'r', created_by: null }),
          )
        ).body,
        'data',
        'id',
      ),
    );
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/projects/retail/bookmarks'],
      [
        'POST',
        '/api/projects/retail/bookmarks',
        attrs({ url: 'https://x.example', description: 'x', created_by: null }),
      ],
      ['GET', `/api/projects/retail/bookmarks/${id}`],
      [
        'PATCH',
        `/api/projects/retail/bookmarks/${id}`,
        attrs({ url: 'https://x.example', description: 'x' }),
      ],
      ['DELETE', `/api/projects/retail/bookmarks/${id}`],
      ['GET', '/api/projects/retail/environments/dev/assets/cart_dev/bookmarks'],
    ];
    for (const [method, url, body] of calls) {
      const res = await restricted.request('viewer', method, url, body);
      expect(res.status).toBe(404);
    }
  });
});
