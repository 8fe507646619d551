import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { insertPolicy } from '../seeds/policies.ts';

/** Walks a parsed JSON body: `dig(body, 'data', 0, 'attributes', 'cn')`. */
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

function attribute(items: unknown[], name: string): unknown[] {
  return items.map((item) => dig(item, 'attributes', name));
}

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator({ drive: false });
});
afterAll(async () => {
  await emu.close();
});

describe('GET /api/info', () => {
  it("describes the emulated release with the spec's attribute names", async () => {
    const res = await emu.contract('viewer', 'GET', '/api/info', '/api/info');
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'id')).toBe('0');
    expect(dig(res.body, 'data', 'type')).toBe('info');
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      version: '2025-04-25',
      runner_image: 'limepoint/opschain-runner:2025-04-25',
      api_version: '7.1.5.1',
      'ldap_available?': false,
    });
    expect(String(dig(res.body, 'data', 'attributes', 'db_version'))).toMatch(/^SQLite \d+\.\d+/);
    expect(dig(res.body, 'data', 'links')).toEqual({ self: '/api/info' });
  });

  it('needs credentials like every other /api call', async () => {
    expect((await emu.request(null, 'GET', '/api/info')).status).toBe(401);
  });
});

describe('GET /api/users', () => {
  it('lists the users by name with their groups and auth provider', async () => {
    const res = await emu.contract('viewer', 'GET', '/api/users', '/api/users');
    expect(res.status).toBe(200);
    const users = list(res.body, 'data');
    expect(attribute(users, 'username')).toEqual(['approver', 'operator', 'opschain', 'viewer']);
    expect(attribute(users, 'groupnames')).toEqual([['approvers', 'qa'], ['operators'], [], ['viewers']]);
    expect(attribute(users, 'auth_provider')).toEqual(['local', 'local', 'local', 'local']);
    expect(users.every((u) => dig(u, 'type') === 'user' && typeof dig(u, 'id') === 'string')).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('password');
  });

  it('filters and sorts users', async () => {
    const one = await emu.contract('viewer', 'GET', '/api/users?filter[username_eq]=operator', '/api/users');
    expect(attribute(list(one.body, 'data'), 'username')).toEqual(['operator']);
    const sorted = await emu.request(
      'viewer',
      'GET',
      '/api/users?filter[username_start]=op&filter[sorts]=username%20desc',
    );
    expect(attribute(list(sorted.body, 'data'), 'username')).toEqual(['opschain', 'operator']);
  });
});

describe('GET /api/groups', () => {
  it('lists the groups by cn, identified by their DN', async () => {
    const res = await emu.contract('viewer', 'GET', '/api/groups', '/api/groups');
    expect(res.status).toBe(200);
    const groups = list(res.body, 'data');
    expect(attribute(groups, 'cn')).toEqual(['approvers', 'operators', 'qa', 'viewers']);
    expect(dig(groups[2], 'id')).toBe('cn=qa,ou=groups,dc=opschain,dc=io');
    expect(dig(groups[2], 'type')).toBe('group');
    expect(dig(groups[2], 'attributes', 'alternative_cns')).toEqual([]);
  });

  it('filters and sorts groups', async () => {
    const res = await emu.contract(
      'viewer',
      'GET',
      '/api/groups?filter[cn_in][]=qa&filter[cn_in][]=viewers&filter[sorts]=cn%20desc',
      '/api/groups',
    );
    expect(attribute(list(res.body, 'data'), 'cn')).toEqual(['viewers', 'qa']);
  });
});

describe('users and groups permissions', () => {
  let restricted: TestEmulator;
  beforeAll(async () => {
    restricted = await startEmulator({ drive: false });
    const core = restricted.app.emulator;
    core.tx(() => {
      insertPolicy(
        core,
        { name: 'No directory for viewer', description: null },
        [
          { name: 'no users', path: '^/users', read: false, update: false, execute: false },
          { name: 'no groups', path: '^/groups', read: false, update: false, execute: false },
        ],
        [{ username: 'viewer' }],
      );
    });
    core.authzChanged();
  });
  afterAll(async () => {
    await restricted.close();
  });

  it('answers 403 without read on /users or /groups, and keeps answering others', async () => {
    for (const url of ['/api/users', '/api/groups']) {
      const denied = await restricted.request('viewer', 'GET', url);
      expect(denied.status).toBe(403);
      expect(dig(denied.body, 'errors', 0, 'status')).toBe(403);
      expect((await restricted.request('approver', 'GET', url)).status).toBe(200);
    }
  });
});
