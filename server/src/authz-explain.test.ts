import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { createPolicy, replaceAssignments } from './authorisation-store.ts';
import { Authorizer, type Permission, type RuleGrant } from '@contract/authz.ts';

let nextId = 0;

/** A rule reaching the caller; by default an unnamed, non-system rule assigned to everyone. */
function grant(path: string, overrides: Partial<RuleGrant> = {}): RuleGrant {
  nextId += 1;
  return {
    ruleId: `rule-${String(nextId)}`,
    ruleName: null,
    path,
    readable: true,
    updatable: true,
    executable: true,
    ruleSystem: false,
    policyId: `policy-${String(nextId)}`,
    policyName: `Policy ${String(nextId)}`,
    policySystem: false,
    assignmentId: `assignment-${String(nextId)}`,
    username: null,
    groupname: null,
    ...overrides,
  };
}

const readOnly = { updatable: false, executable: false } as const;
const BANK = '/projects/bank';
const DEV = '/projects/bank/environments/dev';
const SOA = '/projects/bank/environments/dev/assets/soa';

describe('Authorizer.explain', () => {
  it('ranks the matching rules (system, then longer path, then user › group › everyone) and names the winner', () => {
    const everyone = grant('^/projects');
    const group = grant('^/projects', { groupname: 'operators', ...readOnly });
    const user = grant('^/projects', { username: 'ana', ...readOnly });
    const longer = grant('^/projects/bank', { groupname: 'operators' });
    const unrelated = grant('^/projects/retail');
    const authz = new Authorizer('ana', ['operators'], [everyone, group, user, longer, unrelated]);

    const decision = authz.explain(BANK, 'update');

    expect(decision.ranking.map((ranked) => ranked.grant.ruleId)).toEqual([
      longer.ruleId,
      user.ruleId,
      group.ruleId,
      everyone.ruleId,
    ]);
    expect(decision.ranking.map((ranked) => ranked.rank)).toEqual([
      { system: false, pathLength: 15, assignee: 'group' },
      { system: false, pathLength: 10, assignee: 'user' },
      { system: false, pathLength: 10, assignee: 'group' },
      { system: false, pathLength: 10, assignee: 'everyone' },
    ]);
    expect(decision.winners.map((winner) => winner.grant)).toEqual([longer]);
    expect(decision).toMatchObject({ path: BANK, permission: 'update', allowed: true, reason: 'allowed' });
  });

  it('lets a system policy outrank a longer rule, and says which policy and assignment brought it', () => {
    const superuser = grant('', { policyName: 'Superuser', policySystem: true, username: 'root' });
    const denyBank = grant('^/projects/bank', { readable: false, ...readOnly, username: 'root' });
    const authz = new Authorizer('root', [], [denyBank, superuser]);

    const [winner] = authz.explain(BANK, 'read').winners;

    expect(winner?.grant).toMatchObject({
      policyId: superuser.policyId,
      policyName: 'Superuser',
      assignmentId: superuser.assignmentId,
    });
    expect(winner?.rank.system).toBe(true);
    expect(authz.explain(BANK, 'read').allowed).toBe(true);
  });

  it('denies a tie when one of the top rules denies, and shows both winners with the one that denied', () => {
    const allows = grant('^/projects/bank');
    const denies = grant('^/projects/bank', readOnly);
    const authz = new Authorizer('ana', [], [allows, denies]);

    const decision = authz.explain(BANK, 'execute');

    expect(decision.allowed).toBe(false);
    expect(decision.reason).toBe('denied-by-top-rule');
    expect(decision.winners.map((winner) => [winner.grant.ruleId, winner.allows])).toEqual([
      [allows.ruleId, true],
      [denies.ruleId, false],
    ]);
  });

  it('says when no rule matches (no access at all)', () => {
    const authz = new Authorizer('ana', [], [grant('^/projects/retail')]);

    expect(authz.explain(BANK, 'read')).toEqual({
      path: BANK,
      permission: 'read',
      allowed: false,
      reason: 'no-matching-rule',
      ranking: [],
      winners: [],
    });
  });
});

describe('Authorizer.explainRead', () => {
  it('names the ancestor path that denied reading, with the rule that denied it', () => {
    const all = grant('');
    // `$`: the rule hides the environment itself, not its asset's own path.
    const hideDev = grant(`^${DEV}$`, { readable: false, ...readOnly, ruleName: 'Hide dev' });
    const authz = new Authorizer('ana', [], [all, hideDev]);

    const read = authz.explainRead(SOA);

    expect(read.allowed).toBe(false);
    expect(read.deniedAt).toBe(DEV);
    expect(read.prefixes.map((decision) => [decision.path, decision.allowed])).toEqual([
      [BANK, true],
      [DEV, false],
    ]);
    expect(read.prefixes[1]?.winners.map((winner) => winner.grant.ruleName)).toEqual(['Hide dev']);
    // The asset's own path is readable: only the ancestor check hides it, as canRead says.
    expect(authz.decide(SOA, 'read')).toBe(true);
    expect(authz.canRead(SOA)).toBe(false);
  });

  it('lists every prefix when the node is readable', () => {
    const authz = new Authorizer('ana', [], [grant('')]);

    expect(authz.explainRead(SOA)).toMatchObject({ allowed: true, deniedAt: null });
    expect(authz.explainRead(SOA).prefixes.map((decision) => decision.path)).toEqual([BANK, DEV, SOA]);
  });
});

describe('decide and explain agree', () => {
  const PATHS = [BANK, DEV, SOA, '/projects/retail', '/authorisation_rules', '/events'];
  const RULE_PATHS = [
    '',
    '^/projects',
    '^/projects/bank',
    `^${DEV}$`,
    '^/projects/retail',
    '^/events',
    '^/a',
  ];
  const grantArb = fc.record({
    path: fc.constantFrom(...RULE_PATHS),
    readable: fc.boolean(),
    updatable: fc.boolean(),
    executable: fc.boolean(),
    ruleSystem: fc.boolean(),
    policySystem: fc.boolean(),
    username: fc.constantFrom(null, 'ana'),
    groupname: fc.constantFrom(null, 'operators'),
  });

  it('gives the same answer for any rules, path and permission', () => {
    fc.assert(
      fc.property(
        fc.array(grantArb, { maxLength: 8 }),
        fc.constantFrom(...PATHS),
        fc.constantFrom<Permission>('read', 'update', 'execute'),
        (specs, path, perm) => {
          const authz = new Authorizer(
            'ana',
            ['operators'],
            specs.map((spec) => grant(spec.path, spec)),
          );
          const decision = authz.explain(path, perm);
          expect(decision.allowed).toBe(authz.decide(path, perm));
          expect(authz.explainRead(path).allowed).toBe(authz.canRead(path));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the authorisation store', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('invalidates the permission cache on its own writes: the next request sees the change', () => {
    const emulator = emu.app.emulator;
    const viewer = { username: 'viewer', groups: ['viewers'] };
    const before = emulator.authorizerFor(viewer);
    expect(emulator.authorizerFor(viewer)).toBe(before);
    expect(before.may('/projects/website', '', 'update')).toBe(false);

    const rule = {
      name: null,
      path: '^/projects/website',
      readable: true,
      updatable: true,
      executable: false,
    };
    const policyId = createPolicy(
      emulator,
      { name: 'Website editors', description: null, rules: [rule] },
      'opschain',
    );
    const unassigned = emulator.authorizerFor(viewer);
    expect(unassigned).not.toBe(before);
    expect(unassigned.may('/projects/website', '', 'update')).toBe(false);

    replaceAssignments(emulator, policyId, [{ username: 'viewer', groupname: null }], 'opschain');

    const after = emulator.authorizerFor(viewer);
    expect(after.may('/projects/website', '', 'update')).toBe(true);
    expect(after.explain('/projects/website', 'update').winners.map((w) => w.grant.policyName)).toEqual([
      'Website editors',
    ]);
  });
});
