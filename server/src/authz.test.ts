import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  attrs,
  basicAuth,
  startEmulator,
  type ApiResponse,
  type TestEmulator,
} from '@server/test/emulator.ts';
import { DEMO_USERS, type DemoUser } from '@contract/demo-users.ts';
import { groupsOf } from './auth.ts';
import { nodePrefixes, normaliseRulePath, type Authorizer, type Permission } from '@contract/authz.ts';
import { unsafeRulePathReason } from './authz.ts';
import { insertUser } from './seeds/policies.ts';

const PROJECT = '/projects/bank';
const ENVIRONMENT = '/projects/bank/environments/dev';
const ASSET = '/projects/bank/environments/dev/assets/soa_dev';
const PROJECT_ASSET = '/projects/bank/assets/shared_db';
const NODE_PATHS = [PROJECT, ENVIRONMENT, ASSET, PROJECT_ASSET] as const;
const ADMIN_PATHS = ['/authorisation_rules', '/authorisation_policies', '/users', '/events'] as const;
const PERMISSIONS: readonly Permission[] = ['read', 'update', 'execute'];

/** What the product requires of the demo users: permissions on project nodes and on the admin endpoints. */
const REQUIRED: Record<DemoUser, { nodes: readonly Permission[]; admin: readonly Permission[] }> = {
  opschain: { nodes: ['read', 'update', 'execute'], admin: ['read', 'update', 'execute'] },
  operator: { nodes: ['read', 'update', 'execute'], admin: ['read'] },
  approver: { nodes: ['read', 'execute'], admin: ['read'] },
  viewer: { nodes: ['read'], admin: ['read'] },
};

interface MatrixCell {
  user: DemoUser;
  path: string;
  perm: Permission;
  allowed: boolean;
}

const MATRIX: MatrixCell[] = DEMO_USERS.flatMap((user) => [
  ...NODE_PATHS.flatMap((path) =>
    PERMISSIONS.map((perm) => ({ user, path, perm, allowed: REQUIRED[user].nodes.includes(perm) })),
  ),
  ...ADMIN_PATHS.flatMap((path) =>
    PERMISSIONS.map((perm) => ({ user, path, perm, allowed: REQUIRED[user].admin.includes(perm) })),
  ),
]);

interface ResourceData {
  id: string;
  attributes: Record<string, unknown>;
  meta?: { authorisations?: Record<string, Record<string, boolean>> };
}

function one(res: ApiResponse): ResourceData {
  return (res.body as { data: ResourceData }).data;
}
function codes(res: ApiResponse): string[] {
  return (res.body as { data: ResourceData[] }).data.map((n) => String(n.attributes.code));
}
function facets(res: ApiResponse): Record<string, Record<string, boolean>> {
  return one(res).meta?.authorisations ?? {};
}

interface InlineRule {
  path: string;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
}

const allow = (path: string): InlineRule => ({ path, readable: true, updatable: true, executable: true });
const readOnly = (path: string): InlineRule => ({
  path,
  readable: true,
  updatable: false,
  executable: false,
});
const denyAll = (path: string): InlineRule => ({
  path,
  readable: false,
  updatable: false,
  executable: false,
});

/** Creates a policy with inline rules and assigns it, through the API, as the superuser. */
async function grant(
  emu: TestEmulator,
  rules: InlineRule[],
  assignments: { username?: string | null; groupname?: string | null }[],
): Promise<string> {
  const created = await emu.request(
    'opschain',
    'POST',
    '/api/authorisation_policies',
    attrs({ name: 'Test grant', description: null, authorisation_rules: rules }),
  );
  expect(created.status).toBe(201);
  const id = one(created).id;
  const assigned = await emu.request(
    'opschain',
    'POST',
    `/api/authorisation_policies/${id}/assignments`,
    attrs({ assignments }),
  );
  expect(assigned.status).toBe(200);
  return id;
}

const patchDescription = (emu: TestEmulator, user: DemoUser, path: string): Promise<ApiResponse> =>
  emu.request(user, 'PATCH', `/api${path}`, attrs({ description: `edited by ${user}` }));

describe("the demo users' authorisation matrix", () => {
  let emu: TestEmulator;
  const authorizers = new Map<DemoUser, Authorizer>();
  beforeAll(async () => {
    emu = await startEmulator();
    for (const user of DEMO_USERS) {
      authorizers.set(
        user,
        emu.app.emulator.authorizerFor({ username: user, groups: groupsOf(emu.app.emulator.db, user) }),
      );
    }
  });
  afterAll(async () => {
    await emu.close();
  });

  it.each(MATRIX)('$user: $perm on $path is allowed = $allowed', ({ user, path, perm, allowed }) => {
    const authz = authorizers.get(user);
    const decision = path.startsWith('/projects/') ? authz?.may(path, '', perm) : authz?.decide(path, perm);
    expect(decision).toBe(allowed);
  });

  it.each(DEMO_USERS)(
    '%s meets the matrix over HTTP: project update and rule changes only where allowed',
    async (user) => {
      expect(
        (await emu.request(user, 'GET', '/api/projects/bank/environments/dev/assets/soa_dev')).status,
      ).toBe(200);
      expect((await patchDescription(emu, user, ENVIRONMENT)).status).toBe(
        REQUIRED[user].nodes.includes('update') ? 200 : 403,
      );
      expect((await emu.request(user, 'GET', '/api/authorisation_rules')).status).toBe(200);
      expect((await emu.request(user, 'GET', '/api/authorisation_policies')).status).toBe(200);
      const create = await emu.request(
        user,
        'POST',
        '/api/authorisation_policies',
        attrs({ name: `by ${user}`, description: null }),
      );
      expect(create.status).toBe(REQUIRED[user].admin.includes('update') ? 201 : 403);
    },
  );

  it("shows each user's permissions in meta.authorisations of GET /api/projects/bank", async () => {
    const seen: Record<string, unknown> = {};
    for (const user of DEMO_USERS) {
      const f = facets(await emu.request(user, 'GET', '/api/projects/bank'));
      seen[user] = { self: f.self, changes: f.changes, properties: f.properties };
    }
    expect(seen).toEqual({
      opschain: {
        self: { update: true },
        changes: { read: true, execute: true },
        properties: { read: true, update: true },
      },
      operator: {
        self: { update: true },
        changes: { read: true, execute: true },
        properties: { read: true, update: true },
      },
      approver: {
        self: { update: false },
        changes: { read: true, execute: true },
        properties: { read: true, update: false },
      },
      viewer: {
        self: { update: false },
        changes: { read: true, execute: false },
        properties: { read: true, update: false },
      },
    });
  });
});

describe('rule evaluation through the API', () => {
  let emu: TestEmulator;
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('hides the children of a node the caller may not read, in lookups and in lists', async () => {
    // `$` stops the rule matching the child's own path: only the parent check can hide the asset.
    await grant(emu, [denyAll('^/projects/bank/environments/dev$')], [{ username: 'operator' }]);
    expect((await emu.request('operator', 'GET', '/api/projects/bank/environments/dev')).status).toBe(404);
    expect(
      (await emu.request('operator', 'GET', '/api/projects/bank/environments/dev/assets/soa_dev')).status,
    ).toBe(404);
    expect((await emu.request('operator', 'GET', '/api/projects/bank/environments/dev/assets')).status).toBe(
      404,
    );
    expect(codes(await emu.request('operator', 'GET', '/api/projects/bank/environments'))).toEqual([
      'test',
      'prod',
    ]);
    expect(
      (await emu.request('operator', 'GET', '/api/projects/bank/environments/test/assets/soa_test')).status,
    ).toBe(200);
    const authz = emu.app.emulator.authorizerFor({ username: 'operator', groups: ['operators'] });
    expect(authz.decide(ASSET, 'read')).toBe(true);
    expect(authz.canRead(ASSET)).toBe(false);
    // Other users are unaffected.
    expect(codes(await emu.request('viewer', 'GET', '/api/projects/bank/environments'))).toEqual([
      'dev',
      'test',
      'prod',
    ]);
  });

  it('lets the closest (longest) matching rule decide', async () => {
    await grant(
      emu,
      [allow('^/projects/bank'), readOnly('^/projects/bank/environments/prod')],
      [{ username: 'viewer' }],
    );
    expect((await patchDescription(emu, 'viewer', PROJECT)).status).toBe(200);
    expect((await patchDescription(emu, 'viewer', ENVIRONMENT)).status).toBe(200);
    expect((await patchDescription(emu, 'viewer', '/projects/bank/environments/prod')).status).toBe(403);
    expect((await patchDescription(emu, 'viewer', '/projects/retail')).status).toBe(403);
    expect(facets(await emu.request('viewer', 'GET', '/api/projects/bank'))).toMatchObject({
      self: { update: true },
      changes: { read: true, execute: true },
      properties: { update: true },
    });
  });

  it('lets system policies outrank every other rule', async () => {
    const deny = [denyAll('^/projects/bank/environments/dev')];
    await grant(emu, deny, [{ username: 'opschain' }, { username: 'operator' }]);
    expect((await emu.request('opschain', 'GET', '/api/projects/bank/environments/dev')).status).toBe(200);
    expect((await patchDescription(emu, 'opschain', ENVIRONMENT)).status).toBe(200);
    expect((await emu.request('operator', 'GET', '/api/projects/bank/environments/dev')).status).toBe(404);
  });

  it('denies when equally ranked rules disagree, and allows once the denying policy is gone', async () => {
    await grant(emu, [allow('^/projects/bank')], [{ username: 'viewer' }]);
    const denying = await grant(emu, [readOnly('^/projects/bank')], [{ username: 'viewer' }]);
    expect((await patchDescription(emu, 'viewer', PROJECT)).status).toBe(403);
    expect((await emu.request('opschain', 'DELETE', `/api/authorisation_policies/${denying}`)).status).toBe(
      204,
    );
    expect((await patchDescription(emu, 'viewer', PROJECT)).status).toBe(200);
  });

  it('ranks a user assignment above a group assignment above everyone at equal path length', async () => {
    const everyone = await grant(emu, [readOnly('^/projects/retail')], [{ username: null, groupname: null }]);
    expect((await patchDescription(emu, 'operator', '/projects/retail')).status).toBe(403);
    await grant(emu, [allow('^/projects/retail')], [{ groupname: 'operators' }]);
    expect((await patchDescription(emu, 'operator', '/projects/retail')).status).toBe(200);
    await grant(emu, [readOnly('^/projects/retail')], [{ username: 'operator' }]);
    expect((await patchDescription(emu, 'operator', '/projects/retail')).status).toBe(403);
    expect((await emu.request('opschain', 'DELETE', `/api/authorisation_policies/${everyone}`)).status).toBe(
      204,
    );
  });

  it('applies a policy assigned to a user only to that user', async () => {
    await grant(emu, [allow('^/projects/website')], [{ username: 'viewer' }]);
    expect((await patchDescription(emu, 'viewer', '/projects/website')).status).toBe(200);
    expect((await patchDescription(emu, 'approver', '/projects/website')).status).toBe(403);
  });

  it('applies a policy assigned to a group to its members only', async () => {
    await grant(emu, [allow('^/projects/website')], [{ groupname: 'approvers' }]);
    expect((await patchDescription(emu, 'approver', '/projects/website')).status).toBe(200);
    expect((await patchDescription(emu, 'viewer', '/projects/website')).status).toBe(403);
  });

  it('applies a policy assigned to a user in a group only while the user is in that group', async () => {
    await grant(emu, [allow('^/projects/website')], [{ username: 'viewer', groupname: 'qa' }]);
    // approver is in qa but is not the user; viewer is the user but not in qa.
    expect((await patchDescription(emu, 'approver', '/projects/website')).status).toBe(403);
    expect((await patchDescription(emu, 'viewer', '/projects/website')).status).toBe(403);
    // No API manages LDAP membership, so the test changes it in the database.
    const db = emu.app.emulator.db;
    db.prepare("INSERT INTO group_members (group_cn, username) VALUES ('qa', 'viewer')").run();
    expect((await patchDescription(emu, 'viewer', '/projects/website')).status).toBe(200);
    db.prepare("DELETE FROM group_members WHERE group_cn = 'qa' AND username = 'viewer'").run();
    expect((await patchDescription(emu, 'viewer', '/projects/website')).status).toBe(403);
  });

  it('applies a policy assigned to everyone to every user but the superuser', async () => {
    await grant(emu, [denyAll('^/projects/retail')], [{ username: null, groupname: null }]);
    for (const user of ['operator', 'approver', 'viewer'] as const) {
      expect((await emu.request(user, 'GET', '/api/projects/retail')).status).toBe(404);
      expect(codes(await emu.request(user, 'GET', '/api/projects'))).toEqual(['bank', 'website']);
    }
    expect((await emu.request('opschain', 'GET', '/api/projects/retail')).status).toBe(200);
  });

  it('gives no access at all, read included, when no rule matches', async () => {
    insertUser(emu.app.emulator, 'newcomer', 'newcomer');
    const get = (url: string) =>
      emu.app.inject({ method: 'GET', url, headers: { authorization: basicAuth('newcomer') } });
    // The seeded "Allow all" policy (assigned to everyone) is what lets a new user in.
    expect((await get('/api/projects/bank')).statusCode).toBe(200);
    const allowAll = await emu.request(
      'opschain',
      'GET',
      '/api/authorisation_policies?filter[name_eq]=Allow all',
    );
    const allowAllId = (allowAll.body as { data: { id: string }[] }).data[0]?.id ?? '';
    expect(
      (
        await emu.request(
          'opschain',
          'POST',
          `/api/authorisation_policies/${allowAllId}/assignments`,
          attrs({ assignments: [] }),
        )
      ).status,
    ).toBe(200);
    expect((await get('/api/projects/bank')).statusCode).toBe(404);
    const list = await get('/api/projects');
    expect(list.json()).toEqual({ data: [], meta: { authorisations: { update: false } } });
    expect((await get('/api/authorisation_rules')).statusCode).toBe(403);
    // The demo users keep what their group policies give them.
    expect((await emu.request('viewer', 'GET', '/api/projects/bank')).status).toBe(200);
  });

  it('changes the facets in meta.authorisations with the rules', async () => {
    expect(facets(await emu.request('viewer', 'GET', '/api/projects/bank')).self).toEqual({ update: false });
    await grant(
      emu,
      [allow('^/projects/bank'), readOnly('^/projects/bank/properties')],
      [{ username: 'viewer' }],
    );
    const f = facets(await emu.request('viewer', 'GET', '/api/projects/bank'));
    expect(f.self).toEqual({ update: true });
    expect(f.properties).toEqual({ read: true, update: false });
    expect(f.settings).toEqual({ read: true, update: true });
    expect(f.changes).toEqual({ read: true, execute: true });
    await grant(emu, [denyAll('^/projects/bank/changes')], [{ username: 'viewer' }]);
    expect(facets(await emu.request('viewer', 'GET', '/api/projects/bank')).changes).toEqual({
      read: false,
      execute: false,
    });
  });

  it('takes effect as soon as a rule changes, without a restart', async () => {
    const policy = await grant(emu, [readOnly('^/projects/bank')], [{ username: 'operator' }]);
    expect((await patchDescription(emu, 'operator', PROJECT)).status).toBe(403);
    const shown = await emu.request('opschain', 'GET', `/api/authorisation_policies/${policy}`);
    const ruleId = (
      shown.body as { data: { relationships: { authorisation_rules: { data: { id: string }[] } } } }
    ).data.relationships.authorisation_rules.data[0]?.id;
    const patched = await emu.request(
      'opschain',
      'PATCH',
      `/api/authorisation_rules/${ruleId ?? ''}`,
      attrs({ name: 'now allowed', ...allow('^/projects/bank') }),
    );
    expect(patched.status).toBe(200);
    expect((await patchDescription(emu, 'operator', PROJECT)).status).toBe(200);
  });
});

describe('the rule path guard', () => {
  it.each([
    ['(a+)+$', 'must not repeat a group'],
    ['(.*)*', 'must not repeat a group'],
    ['^(a|a)*$', 'must not repeat a group'],
    ['^(a|aa)+$', 'must not repeat a group'],
    ['^(\\w+\\s?)*$', 'must not repeat a group'],
    ['^(x+x+)+y', 'must not repeat a group'],
    ['^(/[^/]+(\\.x)?)*$', 'must not repeat a group'],
    ['^((/a)*)*', 'must not repeat a group'],
    ['^(a)\\1', 'must not use back-references'],
    ['^(?<x>a)\\k<x>', 'must not use back-references'],
    ['^(?=(a+)+b)', 'must not repeat anything inside a lookaround'],
    ['^.*.*.*x', 'has too many open-ended repetitions'],
    [`^${'a?'.repeat(20)}${'a'.repeat(20)}`, 'has too many open-ended repetitions'],
    ['^/projects/(bank', 'is not a valid regular expression'],
    [`^/${'a'.repeat(500)}`, 'is too long (maximum is 500 characters)'],
  ])('rejects %j', (path, reason) => {
    expect(unsafeRulePathReason(path)).toContain(reason);
  });

  const SAFE = [
    '',
    '^/projects',
    '^/projects/bank/environments/(dev|test)',
    '^(/[^/]+/[^/]+)*/changes',
    '^(/[^/]+/[^/]+)*/actions/deploy',
    '^/projects/[^/]+/environments/prod$',
    '^/projects/[^/]+(/environments/[^/]+)?(/assets/[^/]+)?$',
    '^/projects/bank/.*',
    '^.*dev.*',
    '^/projects/(?!secret)',
    '^/projects/[a-z_]{1,50}$',
    '^/authorisation_rules',
    '^/projects/opc|^/projects/demo',
  ];

  it.each(SAFE)('accepts %j', (path) => {
    expect(unsafeRulePathReason(path)).toBeNull();
  });

  it('runs every accepted pattern quickly on long adversarial paths', () => {
    const inputs = [
      '/a'.repeat(200) + '!',
      'a'.repeat(400),
      '/projects/' + 'd'.repeat(390),
      '/x/y'.repeat(100) + '/change',
    ];
    for (const path of SAFE) {
      const regex = new RegExp(path);
      const started = performance.now();
      for (const input of inputs) regex.test(input);
      // Generous for a shared machine: the rejected shapes take seconds to hours on these inputs.
      expect(performance.now() - started).toBeLessThan(250);
    }
  });

  it('anchors rule paths with ^ unless they already are, and leaves the match-all path empty', () => {
    expect(normaliseRulePath('/projects/bank')).toBe('^/projects/bank');
    expect(normaliseRulePath('^/projects/bank')).toBe('^/projects/bank');
    expect(normaliseRulePath('')).toBe('');
  });

  it('lists the node prefixes a read check walks', () => {
    expect(nodePrefixes(ASSET)).toEqual([PROJECT, ENVIRONMENT, ASSET]);
    expect(nodePrefixes(PROJECT_ASSET)).toEqual([PROJECT, PROJECT_ASSET]);
  });
});
