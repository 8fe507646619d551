import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUser } from '@contract/demo-users.ts';
import { attrs, startEmulator, type ApiResponse, type TestEmulator } from '@server/test/emulator.ts';

const RULES = '/api/authorisation_rules';
const RULE = '/api/authorisation_rules/{authorisation_rule_id}';
const POLICIES = '/api/authorisation_policies';
const POLICY = '/api/authorisation_policies/{authorisation_policy_id}';
const ASSIGNMENTS = '/api/authorisation_policies/{authorisation_policy_id}/assignments';
const POLICY_RULES = '/api/authorisation_policies/{authorisation_policy_id}/rules';
const POLICY_RULE = '/api/authorisation_policies/{authorisation_policy_id}/rules/{policy_rule_id}';

interface ResourceData {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { id: string; type: string }[] }>;
  links: Record<string, string>;
}
interface ErrorObject {
  status: number;
  code?: string;
  title: string;
  source?: { pointer?: string };
  meta?: { message?: string };
}

// The contract helper has already validated these shapes against the spec; these only give them types.
function one(res: ApiResponse): ResourceData {
  return (res.body as { data: ResourceData }).data;
}
function many(res: ApiResponse): ResourceData[] {
  return (res.body as { data: ResourceData[] }).data;
}
function errorsOf(res: ApiResponse): ErrorObject[] {
  return (res.body as { errors: ErrorObject[] }).errors;
}
function pointers(res: ApiResponse): string[] {
  return errorsOf(res).map((e) => e.source?.pointer ?? '');
}
function relatedIds(resource: ResourceData, name: string): string[] {
  return (resource.relationships?.[name]?.data ?? []).map((r) => r.id);
}

const ruleBody = (over: Record<string, unknown> = {}): ReturnType<typeof attrs> =>
  attrs({
    name: 'Deny dev',
    path: '/projects/bank/environments/dev',
    readable: false,
    updatable: false,
    executable: false,
    ...over,
  });

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function createRule(over: Record<string, unknown> = {}): Promise<ResourceData> {
  const res = await emu.request('opschain', 'POST', RULES, ruleBody(over));
  expect(res.status).toBe(201);
  return one(res);
}

async function createPolicy(over: Record<string, unknown> = {}): Promise<ResourceData> {
  const res = await emu.request(
    'opschain',
    'POST',
    POLICIES,
    attrs({ name: 'Test policy', description: null, ...over }),
  );
  expect(res.status).toBe(201);
  return one(res);
}

async function policyNamed(name: string): Promise<ResourceData> {
  const res = await emu.request('opschain', 'GET', `${POLICIES}?filter[name_eq]=${encodeURIComponent(name)}`);
  const found = many(res)[0];
  if (!found) throw new Error(`no policy ${name}`);
  return found;
}

function eventCount(type: string): number {
  const row = emu.app.emulator.db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type) as {
    n: number;
  };
  return row.n;
}

describe('authorisation rules', () => {
  it('lists the seeded rules, the superuser rule marked system and linked to its policy', async () => {
    const res = await emu.contract('opschain', 'GET', RULES, RULES);
    expect(res.status).toBe(200);
    const superuser = many(res).find((r) => r.attributes.name === 'Superuser access');
    expect(superuser?.attributes).toMatchObject({
      path: '',
      readable: true,
      updatable: true,
      executable: true,
      system: true,
    });
    const policy = await policyNamed('Superuser');
    expect(superuser ? relatedIds(superuser, 'authorisation_policies') : []).toEqual([policy.id]);
    expect(superuser?.links.self).toBe(`/api/authorisation_rules/${superuser?.id ?? ''}`);
  });

  it('creates a rule, anchoring its path with ^ and recording the caller and a system event', async () => {
    const before = eventCount('api:authorisation_rules:create');
    const res = await emu.contract(
      'opschain',
      'POST',
      RULES,
      RULES,
      ruleBody({ name: 'Deny access to Development' }),
    );
    expect(res.status).toBe(201);
    const rule = one(res);
    expect(rule.type).toBe('authorisation_rule');
    expect(rule.attributes).toMatchObject({
      name: 'Deny access to Development',
      path: '^/projects/bank/environments/dev',
      readable: false,
      updatable: false,
      executable: false,
      system: false,
      created_by: 'opschain',
    });
    expect(relatedIds(rule, 'authorisation_policies')).toEqual([]);
    expect(eventCount('api:authorisation_rules:create')).toBe(before + 1);
  });

  it('keeps an already anchored path and the empty path (which matches everything) as given', async () => {
    expect((await createRule({ path: '^/projects/retail' })).attributes.path).toBe('^/projects/retail');
    expect((await createRule({ path: '' })).attributes.path).toBe('');
  });

  it('shows a rule, and answers 404 for an unknown id', async () => {
    const rule = await createRule({ name: 'Shown' });
    const res = await emu.contract('viewer', 'GET', `${RULES}/${rule.id}`, RULE);
    expect(res.status).toBe(200);
    expect(one(res).attributes.name).toBe('Shown');
    const missing = await emu.contract('opschain', 'GET', `${RULES}/abc`, RULE);
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)[0]?.meta?.message).toBe("Couldn't find AuthorisationRule with 'id'=abc");
  });

  it('answers 422 with one pointer per missing field on create', async () => {
    const res = await emu.request('opschain', 'POST', RULES, attrs({ name: 'Only a name' }));
    expect(res.status).toBe(422);
    expect(pointers(res)).toEqual([
      '/data/attributes/path',
      '/data/attributes/readable',
      '/data/attributes/updatable',
      '/data/attributes/executable',
    ]);
    expect(errorsOf(res).every((e) => e.code === 'model error' && e.status === 422)).toBe(true);
  });

  it('answers 422 for malformed values instead of failing', async () => {
    const res = await emu.request(
      'opschain',
      'POST',
      RULES,
      ruleBody({ name: 42, path: 7, readable: 'yes', updatable: null }),
    );
    expect(res.status).toBe(422);
    expect(errorsOf(res).map((e) => e.title)).toEqual([
      'Name must be a string',
      'Path must be a string',
      'Readable must be true or false',
      "Updatable can't be blank",
    ]);
    const blank = await emu.request('opschain', 'POST', RULES, ruleBody({ name: '   ' }));
    expect(errorsOf(blank)[0]?.title).toBe("Name can't be blank");
  });

  it('refuses invalid and catastrophic-backtracking paths on the path pointer', async () => {
    const invalid = await emu.request('opschain', 'POST', RULES, ruleBody({ path: '/projects/(bank' }));
    expect(invalid.status).toBe(422);
    expect(errorsOf(invalid)[0]).toMatchObject({
      source: { pointer: '/data/attributes/path' },
      title: 'Path is not a valid regular expression',
    });
    const nested = await emu.request('opschain', 'POST', RULES, ruleBody({ path: '(a+)+$' }));
    expect(nested.status).toBe(422);
    expect(errorsOf(nested)[0]?.title).toMatch(/^Path must not repeat a group/);
    const documented = await emu.request(
      'opschain',
      'POST',
      RULES,
      ruleBody({ path: '^(/[^/]+/[^/]+)*/changes' }),
    );
    expect(documented.status).toBe(201);
  });

  it('answers 400 for an unpermitted attribute, a missing data member and missing attributes', async () => {
    const extra = await emu.contract('opschain', 'POST', RULES, RULES, ruleBody({ invalid: 1 }));
    expect(extra.status).toBe(400);
    expect(errorsOf(extra)[0]).toMatchObject({
      title: 'Action Controller - Unpermitted Parameters',
      meta: { message: 'found unpermitted parameter: :invalid' },
    });
    const noData = await emu.contract('opschain', 'POST', RULES, RULES, { name: 'x' });
    expect(noData.status).toBe(400);
    expect(errorsOf(noData)[0]?.meta?.message).toBe('param is missing or the value is empty: data');
    const noAttributes = await emu.request('opschain', 'POST', RULES, {
      data: { type: 'authorisation_rule' },
    });
    expect(noAttributes.status).toBe(400);
    const notJson = await emu.request('opschain', 'POST', RULES, '{"data":');
    expect(notJson.status).toBe(400);
  });

  it('updates every field of a rule and keeps its creation time', async () => {
    const rule = await createRule({ name: 'Before' });
    const res = await emu.contract(
      'opschain',
      'PATCH',
      `${RULES}/${rule.id}`,
      RULE,
      ruleBody({
        name: 'Deny all on dev environment',
        path: '/projects/demo/environments/dev',
        readable: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(one(res).attributes).toMatchObject({
      name: 'Deny all on dev environment',
      path: '^/projects/demo/environments/dev',
      readable: true,
      created_at: rule.attributes.created_at,
    });
    expect(eventCount('api:authorisation_rules:update')).toBeGreaterThanOrEqual(1);
  });

  it('requires every field on PATCH too, and answers 400 and 404 like create and show', async () => {
    const rule = await createRule();
    const partial = await emu.request('opschain', 'PATCH', `${RULES}/${rule.id}`, attrs({ name: 'Renamed' }));
    expect(partial.status).toBe(422);
    expect(pointers(partial)).toEqual([
      '/data/attributes/path',
      '/data/attributes/readable',
      '/data/attributes/updatable',
      '/data/attributes/executable',
    ]);
    const extra = await emu.contract(
      'opschain',
      'PATCH',
      `${RULES}/${rule.id}`,
      RULE,
      ruleBody({ invalid: true }),
    );
    expect(extra.status).toBe(400);
    const missing = await emu.contract('opschain', 'PATCH', `${RULES}/nope`, RULE, ruleBody());
    expect(missing.status).toBe(404);
    const unchanged = await emu.request('opschain', 'GET', `${RULES}/${rule.id}`);
    expect(one(unchanged).attributes.name).toBe('Deny dev');
  });

  it('deletes a rule and unlinks it from its policies', async () => {
    const policy = await createPolicy({
      authorisation_rules: [{ path: '/projects/x', readable: true, updatable: false, executable: false }],
    });
    const ruleId = relatedIds(policy, 'authorisation_rules')[0] ?? '';
    const res = await emu.contract('opschain', 'DELETE', `${RULES}/${ruleId}`, RULE);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = await emu.request('opschain', 'GET', `${POLICIES}/${policy.id}`);
    expect(relatedIds(one(after), 'authorisation_rules')).toEqual([]);
    expect(relatedIds(one(after), 'policy_rules')).toEqual([]);
    const again = await emu.contract('opschain', 'DELETE', `${RULES}/${ruleId}`, RULE);
    expect(again.status).toBe(404);
  });

  it('refuses to change or delete a system rule with a 422 on base', async () => {
    const list = await emu.request('opschain', 'GET', `${RULES}?filter[system_true]=1`);
    const system = many(list)[0];
    expect(system?.attributes.system).toBe(true);
    const id = system?.id ?? '';
    const patch = await emu.request('opschain', 'PATCH', `${RULES}/${id}`, ruleBody({ path: '' }));
    expect(patch.status).toBe(422);
    expect(errorsOf(patch)[0]).toMatchObject({
      source: { pointer: '/data/attributes/base' },
      title: 'System authorisation rules cannot be changed or deleted',
    });
    expect((await emu.request('opschain', 'DELETE', `${RULES}/${id}`)).status).toBe(422);
    expect(one(await emu.request('opschain', 'GET', `${RULES}/${id}`)).attributes.path).toBe('');
  });

  it('filters and sorts in the list', async () => {
    await createRule({ name: 'zz filter target', path: '/projects/zz' });
    const byName = await emu.contract('opschain', 'GET', `${RULES}?filter[name_cont]=FILTER target`, RULES);
    expect(many(byName).map((r) => r.attributes.path)).toEqual(['^/projects/zz']);
    const system = await emu.request('opschain', 'GET', `${RULES}?filter[system_true]=1`);
    expect(many(system).map((r) => r.attributes.name)).toEqual(['Superuser access']);
    const sorted = await emu.request('opschain', 'GET', `${RULES}?filter[sorts]=name desc`);
    const names = many(sorted).map((r) => String(r.attributes.name));
    expect(names[0]).toBe('zz filter target');
    expect(names).toEqual([...names].sort().reverse());
  });

  it('lets every demo user read rules but only the superuser change them (403 otherwise)', async () => {
    const rule = await createRule();
    for (const user of ['operator', 'approver', 'viewer'] as const) {
      expect((await emu.request(user, 'GET', RULES)).status).toBe(200);
      const post = await emu.request(user, 'POST', RULES, ruleBody());
      expect(post.status).toBe(403);
      expect(errorsOf(post)[0]?.title).toBe('You are not permitted to change authorisation rules');
      expect(
        (await emu.request(user, 'PATCH', `${RULES}/${rule.id}`, ruleBody({ name: 'hijacked' }))).status,
      ).toBe(403);
      expect((await emu.request(user, 'DELETE', `${RULES}/${rule.id}`)).status).toBe(403);
    }
    expect(one(await emu.request('opschain', 'GET', `${RULES}/${rule.id}`)).attributes.name).toBe('Deny dev');
  });
});

describe('authorisation policies', () => {
  it('lists the seeded policies with their links and relationships', async () => {
    const res = await emu.contract('viewer', 'GET', POLICIES, POLICIES);
    const names = many(res).map((p) => p.attributes.name);
    expect(names.slice(0, 5)).toEqual(['Superuser', 'Allow all', 'Operators', 'Approvers', 'Viewers']);
    const operators = many(res)[2];
    expect(operators?.links).toEqual({
      self: `/api/authorisation_policies/${operators?.id ?? ''}`,
      policy_rules: `/api/authorisation_policies/${operators?.id ?? ''}/rules`,
      policy_assignments: `/api/authorisation_policies/${operators?.id ?? ''}/assignments`,
    });
    expect(operators ? relatedIds(operators, 'authorisation_rules') : []).toHaveLength(2);
    expect(operators ? relatedIds(operators, 'policy_rules') : []).toHaveLength(2);
    expect(operators ? relatedIds(operators, 'policy_assignments') : []).toHaveLength(1);
  });

  it('creates a policy without rules', async () => {
    const before = eventCount('api:authorisation_policies:create');
    const res = await emu.contract(
      'opschain',
      'POST',
      POLICIES,
      POLICIES,
      attrs({ name: 'amado', description: 'Qui atque debitis rerum.' }),
    );
    expect(res.status).toBe(201);
    const policy = one(res);
    expect(policy.attributes).toMatchObject({
      name: 'amado',
      description: 'Qui atque debitis rerum.',
      system: false,
      created_by: 'opschain',
    });
    expect(relatedIds(policy, 'authorisation_rules')).toEqual([]);
    expect(relatedIds(policy, 'policy_assignments')).toEqual([]);
    expect(eventCount('api:authorisation_policies:create')).toBe(before + 1);
  });

  it('creates a policy whose inline rules become anchored, unnamed rule records linked to it', async () => {
    const res = await emu.contract(
      'opschain',
      'POST',
      POLICIES,
      POLICIES,
      attrs({
        name: 'johnnie',
        description: 'Tenetur possimus illo dolor.',
        authorisation_rules: [
          { path: '/projects/opc/assets/prj_soa', readable: false, updatable: false, executable: false },
          {
            path: '/projects/opc/environments/dev',
            readable: true,
            updatable: false,
            executable: true,
            name: 'Dev',
          },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const ruleIds = relatedIds(one(res), 'authorisation_rules');
    expect(ruleIds).toHaveLength(2);
    expect(relatedIds(one(res), 'policy_rules')).toHaveLength(2);
    const rules = await Promise.all(
      ruleIds.map((id) => emu.contract('opschain', 'GET', `${RULES}/${id}`, RULE)),
    );
    expect(rules.map((r) => one(r).attributes)).toMatchObject([
      { name: null, path: '^/projects/opc/assets/prj_soa', readable: false, executable: false },
      { name: 'Dev', path: '^/projects/opc/environments/dev', readable: true, executable: true },
    ]);
    expect(rules.map((r) => relatedIds(one(r), 'authorisation_policies'))).toEqual([
      [one(res).id],
      [one(res).id],
    ]);
  });

  it('shows a policy, and answers 404 for an unknown one', async () => {
    const policy = await createPolicy({ name: 'Shown policy' });
    const res = await emu.contract('approver', 'GET', `${POLICIES}/${policy.id}`, POLICY);
    expect(one(res).attributes.name).toBe('Shown policy');
    const missing = await emu.contract('opschain', 'GET', `${POLICIES}/abc`, POLICY);
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)[0]?.meta?.message).toBe("Couldn't find AuthorisationPolicy with 'id'=abc");
  });

  it('replaces the rules on PATCH, and removes them all when the list is omitted', async () => {
    const policy = await createPolicy({
      authorisation_rules: [{ path: '/projects/a', readable: true, updatable: true, executable: true }],
    });
    const oldRule = relatedIds(policy, 'authorisation_rules')[0] ?? '';
    const res = await emu.contract(
      'opschain',
      'PATCH',
      `${POLICIES}/${policy.id}`,
      POLICY,
      attrs({
        name: 'michel',
        description: 'Praesentium ab quia maxime.',
        authorisation_rules: [{ path: '/projects/b', readable: true, updatable: false, executable: false }],
      }),
    );
    expect(res.status).toBe(200);
    expect(one(res).attributes).toMatchObject({
      name: 'michel',
      description: 'Praesentium ab quia maxime.',
      created_at: policy.attributes.created_at,
    });
    const newRules = relatedIds(one(res), 'authorisation_rules');
    expect(newRules).toHaveLength(1);
    expect(newRules).not.toContain(oldRule);
    // The replaced rule record survives, unlinked: it is a resource of its own.
    const old = await emu.request('opschain', 'GET', `${RULES}/${oldRule}`);
    expect(relatedIds(one(old), 'authorisation_policies')).toEqual([]);

    const cleared = await emu.contract(
      'opschain',
      'PATCH',
      `${POLICIES}/${policy.id}`,
      POLICY,
      attrs({ name: 'lorenzo', description: null }),
    );
    expect(relatedIds(one(cleared), 'authorisation_rules')).toEqual([]);
    expect(relatedIds(one(cleared), 'policy_rules')).toEqual([]);
  });

  it('answers 422 with pointers for a blank name, a missing description and bad inline rules', async () => {
    const res = await emu.request(
      'opschain',
      'POST',
      POLICIES,
      attrs({
        name: ' ',
        description: null,
        authorisation_rules: [
          { path: '/ok', readable: true, updatable: true, executable: true },
          { path: '(.*)*', readable: 'maybe' },
        ],
      }),
    );
    expect(res.status).toBe(422);
    // The contract requires `description` (null allowed): leaving it out is refused before the model checks.
    const noDescription = await emu.request('opschain', 'POST', POLICIES, attrs({ name: 'x' }));
    expect(pointers(noDescription)).toEqual(['/data/attributes/description']);
    expect(pointers(res)).toEqual([
      '/data/attributes/name',
      '/data/attributes/authorisation_rules/1/path',
      '/data/attributes/authorisation_rules/1/readable',
      '/data/attributes/authorisation_rules/1/updatable',
      '/data/attributes/authorisation_rules/1/executable',
    ]);
    const notList = await emu.request(
      'opschain',
      'POST',
      POLICIES,
      attrs({ name: 'x', description: null, authorisation_rules: 'all' }),
    );
    expect(pointers(notList)).toEqual(['/data/attributes/authorisation_rules']);
    const notObject = await emu.request(
      'opschain',
      'POST',
      POLICIES,
      attrs({ name: 'x', description: 3, authorisation_rules: [5] }),
    );
    expect(pointers(notObject)).toEqual([
      '/data/attributes/description',
      '/data/attributes/authorisation_rules/0',
    ]);
  });

  it('answers 400 for unpermitted attributes (also inside inline rules) and a missing data member', async () => {
    const extra = await emu.contract(
      'opschain',
      'POST',
      POLICIES,
      POLICIES,
      attrs({ name: 'x', description: null, invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    const nested = await emu.request(
      'opschain',
      'POST',
      POLICIES,
      attrs({
        name: 'x',
        description: null,
        authorisation_rules: [{ path: '', readable: true, updatable: true, executable: true, system: true }],
      }),
    );
    expect(nested.status).toBe(400);
    expect(errorsOf(nested)[0]?.meta?.message).toBe('found unpermitted parameter: :system');
    const noData = await emu.contract('opschain', 'POST', POLICIES, POLICIES, {});
    expect(noData.status).toBe(400);
    const policy = await createPolicy();
    const patchExtra = await emu.contract(
      'opschain',
      'PATCH',
      `${POLICIES}/${policy.id}`,
      POLICY,
      attrs({ name: 'x', description: null, invalid: 1 }),
    );
    expect(patchExtra.status).toBe(400);
    const patchMissing = await emu.contract(
      'opschain',
      'PATCH',
      `${POLICIES}/nope`,
      POLICY,
      attrs({ name: 'x', description: null }),
    );
    expect(patchMissing.status).toBe(404);
  });

  it('deletes a policy with its rule links and assignments', async () => {
    const policy = await createPolicy({
      authorisation_rules: [{ path: '/projects/gone', readable: false, updatable: false, executable: false }],
    });
    await emu.request(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/assignments`,
      attrs({ assignments: [{ username: 'viewer' }] }),
    );
    const res = await emu.contract('opschain', 'DELETE', `${POLICIES}/${policy.id}`, POLICY);
    expect(res.status).toBe(204);
    const db = emu.app.emulator.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM policy_rules WHERE policy_id = ?').get(policy.id)).toEqual({
      n: 0,
    });
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM policy_assignments WHERE policy_id = ?').get(policy.id),
    ).toEqual({ n: 0 });
    expect((await emu.contract('opschain', 'GET', `${POLICIES}/${policy.id}`, POLICY)).status).toBe(404);
    expect((await emu.contract('opschain', 'DELETE', `${POLICIES}/${policy.id}`, POLICY)).status).toBe(404);
  });

  it('keeps system policies read-only: PATCH, DELETE, rule links and assignments answer 422', async () => {
    const superuser = await policyNamed('Superuser');
    const base = `${POLICIES}/${superuser.id}`;
    const patch = await emu.request(
      'opschain',
      'PATCH',
      base,
      attrs({ name: 'Mine now', description: null }),
    );
    expect(patch.status).toBe(422);
    expect(errorsOf(patch)[0]?.title).toBe('System authorisation policies cannot be changed or deleted');
    expect((await emu.request('opschain', 'DELETE', base)).status).toBe(422);
    expect(
      (await emu.request('opschain', 'POST', `${base}/assignments`, attrs({ assignments: [] }))).status,
    ).toBe(422);
    const rule = await createRule();
    expect(
      (await emu.request('opschain', 'POST', `${base}/rules`, attrs({ authorisation_rule_id: rule.id })))
        .status,
    ).toBe(422);
    const linkId = relatedIds(superuser, 'policy_rules')[0] ?? '';
    expect((await emu.request('opschain', 'DELETE', `${base}/rules/${linkId}`)).status).toBe(422);
    const after = await emu.request('opschain', 'GET', base);
    expect(one(after).attributes.name).toBe('Superuser');
    expect(relatedIds(one(after), 'policy_assignments')).toHaveLength(1);
  });

  it('filters and sorts the list', async () => {
    const system = await emu.contract('opschain', 'GET', `${POLICIES}?filter[system_true]=1`, POLICIES);
    expect(many(system).map((p) => p.attributes.name)).toEqual(['Superuser']);
    const viewers = await emu.request(
      'opschain',
      'GET',
      `${POLICIES}?filter[name_cont]=view&filter[system_false]=1`,
    );
    expect(many(viewers).map((p) => p.attributes.name)).toEqual(['Viewers']);
    const sorted = await emu.request(
      'opschain',
      'GET',
      `${POLICIES}?filter[sorts]=name asc&filter[created_by_eq]=opschain&filter[description_not_null]=1`,
    );
    const names = many(sorted).map((p) => String(p.attributes.name));
    expect(names).toEqual([...names].sort());
  });

  it('answers 403 to users who may not change policies', async () => {
    const policy = await createPolicy();
    for (const user of ['operator', 'approver', 'viewer'] as const) {
      expect(
        (await emu.request(user, 'POST', POLICIES, attrs({ name: 'x', description: null }))).status,
      ).toBe(403);
      expect(
        (
          await emu.request(
            user,
            'PATCH',
            `${POLICIES}/${policy.id}`,
            attrs({ name: 'x', description: null }),
          )
        ).status,
      ).toBe(403);
      expect((await emu.request(user, 'DELETE', `${POLICIES}/${policy.id}`)).status).toBe(403);
    }
  });
});

describe('policy rules', () => {
  it('links one rule, then several, and lists the links', async () => {
    const policy = await createPolicy();
    const a = await createRule({ name: 'a' });
    const b = await createRule({ name: 'b' });
    const c = await createRule({ name: 'c' });
    const single = await emu.contract(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      POLICY_RULES,
      attrs({ authorisation_rule_id: a.id }),
    );
    expect(single.status).toBe(201);
    const link = many(single)[0];
    expect(link?.attributes).toMatchObject({
      id: link?.id,
      authorisation_policy_id: policy.id,
      authorisation_rule_id: a.id,
      created_by: 'opschain',
    });
    expect(link?.links.self).toBe(`/api/authorisation_policies/${policy.id}/rules/${link?.id ?? ''}`);

    const several = await emu.contract(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      POLICY_RULES,
      attrs({ authorisation_rule_id: [b.id, c.id, b.id] }),
    );
    expect(many(several).map((l) => l.attributes.authorisation_rule_id)).toEqual([b.id, c.id]);

    const list = await emu.contract('viewer', 'GET', `${POLICIES}/${policy.id}/rules`, POLICY_RULES);
    expect(many(list).map((l) => l.attributes.authorisation_rule_id)).toEqual([a.id, b.id, c.id]);
    const filtered = await emu.request(
      'opschain',
      'GET',
      `${POLICIES}/${policy.id}/rules?filter[authorisation_rule_id_eq]=${c.id}`,
    );
    expect(many(filtered).map((l) => l.attributes.authorisation_rule_id)).toEqual([c.id]);
    const shown = await emu.request('opschain', 'GET', `${POLICIES}/${policy.id}`);
    expect(relatedIds(one(shown), 'authorisation_rules')).toEqual([a.id, b.id, c.id]);
  });

  it('treats linking an already linked rule as a no-op that answers the existing link', async () => {
    const policy = await createPolicy();
    const rule = await createRule();
    const first = await emu.request(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      attrs({ authorisation_rule_id: rule.id }),
    );
    const second = await emu.contract(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      POLICY_RULES,
      attrs({ authorisation_rule_id: [rule.id] }),
    );
    expect(second.status).toBe(201);
    expect(many(second)[0]?.id).toBe(many(first)[0]?.id);
    const list = await emu.request('opschain', 'GET', `${POLICIES}/${policy.id}/rules`);
    expect(many(list)).toHaveLength(1);
  });

  it('answers 422 for unknown, system, empty and malformed rule ids, linking nothing', async () => {
    const policy = await createPolicy();
    const rule = await createRule();
    const unknown = await emu.request(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      attrs({ authorisation_rule_id: [rule.id, 'no-such-rule'] }),
    );
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)).toMatchObject([
      {
        title: 'Authorisation rule no-such-rule does not exist',
        source: { pointer: '/data/attributes/authorisation_rule_id' },
      },
    ]);
    const system = many(await emu.request('opschain', 'GET', `${RULES}?filter[system_true]=1`))[0];
    const systemLink = await emu.request(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      attrs({ authorisation_rule_id: system?.id }),
    );
    expect(systemLink.status).toBe(422);
    for (const bad of [[], 42, null, [''], [{ id: rule.id }]]) {
      const res = await emu.request(
        'opschain',
        'POST',
        `${POLICIES}/${policy.id}/rules`,
        attrs({ authorisation_rule_id: bad }),
      );
      expect(res.status).toBe(422);
    }
    expect(many(await emu.request('opschain', 'GET', `${POLICIES}/${policy.id}/rules`))).toEqual([]);
  });

  it('answers 400 for unpermitted or missing parameters and 404 for an unknown policy', async () => {
    const policy = await createPolicy();
    const extra = await emu.contract(
      'opschain',
      'POST',
      `${POLICIES}/${policy.id}/rules`,
      POLICY_RULES,
      attrs({ authorisation_rule_id: 'x', invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    const noData = await emu.contract('opschain', 'POST', `${POLICIES}/${policy.id}/rules`, POLICY_RULES, {
      authorisation_rule_id: 'x',
    });
    expect(noData.status).toBe(400);
    expect((await emu.request('opschain', 'GET', `${POLICIES}/nope/rules`)).status).toBe(404);
    expect(
      (await emu.request('opschain', 'POST', `${POLICIES}/nope/rules`, attrs({ authorisation_rule_id: 'x' })))
        .status,
    ).toBe(404);
  });

  it('unlinks a rule with DELETE, keeping the rule, and answers 404 for links of other policies', async () => {
    const policy = await createPolicy({
      authorisation_rules: [{ path: '/p', readable: true, updatable: true, executable: true }],
    });
    const other = await createPolicy({
      authorisation_rules: [{ path: '/q', readable: true, updatable: true, executable: true }],
    });
    const linkId = relatedIds(policy, 'policy_rules')[0] ?? '';
    const ruleId = relatedIds(policy, 'authorisation_rules')[0] ?? '';
    const foreign = await emu.contract(
      'opschain',
      'DELETE',
      `${POLICIES}/${other.id}/rules/${linkId}`,
      POLICY_RULE,
    );
    expect(foreign.status).toBe(404);
    expect(errorsOf(foreign)[0]?.meta?.message).toBe(`Couldn't find PolicyRule with 'id'=${linkId}`);
    const before = eventCount('api:policy_rules:destroy');
    const res = await emu.contract(
      'opschain',
      'DELETE',
      `${POLICIES}/${policy.id}/rules/${linkId}`,
      POLICY_RULE,
    );
    expect(res.status).toBe(204);
    expect(eventCount('api:policy_rules:destroy')).toBe(before + 1);
    expect(many(await emu.request('opschain', 'GET', `${POLICIES}/${policy.id}/rules`))).toEqual([]);
    expect((await emu.request('opschain', 'GET', `${RULES}/${ruleId}`)).status).toBe(200);
    expect(
      (await emu.contract('opschain', 'DELETE', `${POLICIES}/${policy.id}/rules/${linkId}`, POLICY_RULE))
        .status,
    ).toBe(404);
  });

  it('answers 403 to users who may not change policies', async () => {
    const policy = await createPolicy({
      authorisation_rules: [{ path: '/p', readable: true, updatable: true, executable: true }],
    });
    const rule = await createRule();
    const linkId = relatedIds(policy, 'policy_rules')[0] ?? '';
    expect(
      (
        await emu.request(
          'operator',
          'POST',
          `${POLICIES}/${policy.id}/rules`,
          attrs({ authorisation_rule_id: rule.id }),
        )
      ).status,
    ).toBe(403);
    expect((await emu.request('viewer', 'DELETE', `${POLICIES}/${policy.id}/rules/${linkId}`)).status).toBe(
      403,
    );
    expect((await emu.request('viewer', 'GET', `${POLICIES}/${policy.id}/rules`)).status).toBe(200);
  });
});

describe('policy assignments', () => {
  const assign = (user: DemoUser, policyId: string, assignments: unknown): Promise<ApiResponse> =>
    emu.contract(user, 'POST', `${POLICIES}/${policyId}/assignments`, ASSIGNMENTS, attrs({ assignments }));

  it('lists the assignments of a policy', async () => {
    const operators = await policyNamed('Operators');
    const res = await emu.contract('viewer', 'GET', `${POLICIES}/${operators.id}/assignments`, ASSIGNMENTS);
    const only = many(res)[0];
    expect(many(res)).toHaveLength(1);
    expect(only?.attributes).toMatchObject({
      username: null,
      groupname: 'operators',
      created_by: 'opschain',
    });
    expect(only?.links.self).toBe(
      `/api/authorisation_policies/${operators.id}/assignments/${only?.id ?? ''}`,
    );
  });

  it('replaces the whole set on POST, keeping assignments that stay', async () => {
    const policy = await createPolicy();
    const first = await assign('opschain', policy.id, [
      { username: 'limepoint' },
      { groupname: 'ldap-group' },
      { username: 'limepoint' },
    ]);
    expect(first.status).toBe(200);
    expect(many(first).map((a) => [a.attributes.username, a.attributes.groupname])).toEqual([
      ['limepoint', null],
      [null, 'ldap-group'],
    ]);
    const kept = many(first)[0]?.id;
    const second = await assign('opschain', policy.id, [
      { username: 'limepoint' },
      { username: 'limepoint', groupname: 'qa' },
    ]);
    expect(many(second).map((a) => [a.attributes.username, a.attributes.groupname])).toEqual([
      ['limepoint', null],
      ['limepoint', 'qa'],
    ]);
    expect(many(second)[0]?.id).toBe(kept);
    const everyone = await assign('opschain', policy.id, [{ username: null, groupname: null }]);
    expect(many(everyone).map((a) => a.attributes)).toMatchObject([{ username: null, groupname: null }]);
    const none = await assign('opschain', policy.id, []);
    expect(many(none)).toEqual([]);
    const listed = await emu.request('opschain', 'GET', `${POLICIES}/${policy.id}`);
    expect(relatedIds(one(listed), 'policy_assignments')).toEqual([]);
    expect(eventCount('api:policy_assignments:create')).toBeGreaterThanOrEqual(4);
  });

  it('filters the list', async () => {
    const policy = await createPolicy();
    await assign('opschain', policy.id, [{ username: 'viewer' }, { groupname: 'qa' }]);
    const res = await emu.contract(
      'opschain',
      'GET',
      `${POLICIES}/${policy.id}/assignments?filter[groupname_eq]=qa`,
      ASSIGNMENTS,
    );
    expect(many(res).map((a) => a.attributes.groupname)).toEqual(['qa']);
    const users = await emu.request(
      'opschain',
      'GET',
      `${POLICIES}/${policy.id}/assignments?filter[username_null]=0`,
    );
    expect(many(users).map((a) => a.attributes.username)).toEqual(['viewer']);
  });

  it('answers 400 for unpermitted keys and missing parameters, 422 for malformed entries', async () => {
    const policy = await createPolicy();
    const url = `${POLICIES}/${policy.id}/assignments`;
    const extra = await emu.contract(
      'opschain',
      'POST',
      url,
      ASSIGNMENTS,
      attrs({ assignments: [{ username: 'a', role: 'admin' }] }),
    );
    expect(extra.status).toBe(400);
    expect(errorsOf(extra)[0]?.meta?.message).toBe('found unpermitted parameter: :role');
    const noData = await emu.contract('opschain', 'POST', url, ASSIGNMENTS, {});
    expect(noData.status).toBe(400);
    const nullList = await emu.contract('opschain', 'POST', url, ASSIGNMENTS, attrs({ assignments: null }));
    expect(nullList.status).toBe(400);
    expect(errorsOf(nullList)[0]?.meta?.message).toBe('param is missing or the value is empty: assignments');
    const notList = await emu.request('opschain', 'POST', url, attrs({ assignments: 'everyone' }));
    expect(notList.status).toBe(422);
    const bad = await emu.request(
      'opschain',
      'POST',
      url,
      attrs({ assignments: ['x', { username: 5 }, { groupname: '  ' }] }),
    );
    expect(bad.status).toBe(422);
    // Wrong types are refused by the contract before the model looks at blank names.
    expect(pointers(bad)).toEqual([
      '/data/attributes/assignments/0',
      '/data/attributes/assignments/1/username',
    ]);
    const blank = await emu.request('opschain', 'POST', url, attrs({ assignments: [{ groupname: '  ' }] }));
    expect(pointers(blank)).toEqual(['/data/attributes/assignments/0/groupname']);
    expect(many(await emu.request('opschain', 'GET', url))).toEqual([]);
  });

  it('answers 404 for an unknown policy and 403 to users who may not change policies', async () => {
    expect((await emu.request('opschain', 'GET', `${POLICIES}/nope/assignments`)).status).toBe(404);
    expect(
      (await emu.request('opschain', 'POST', `${POLICIES}/nope/assignments`, attrs({ assignments: [] })))
        .status,
    ).toBe(404);
    const policy = await createPolicy();
    const res = await emu.request(
      'operator',
      'POST',
      `${POLICIES}/${policy.id}/assignments`,
      attrs({ assignments: [{ username: 'operator' }] }),
    );
    expect(res.status).toBe(403);
    expect(errorsOf(res)[0]?.title).toBe('You are not permitted to change authorisation policies');
  });
});
