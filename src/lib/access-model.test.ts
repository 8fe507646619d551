import { describe, expect, it } from 'vitest';
import {
  accessChanges,
  assignmentApplies,
  authorizerFor,
  IMPACT_CHECKS,
  explainAccess,
  grantsFor,
  impactSentence,
  policiesReaching,
  splitPath,
  summariseImpact,
  type AccessData,
  type AccessRule,
  type ImpactUser,
} from './access-model';

const rule = (
  id: string,
  path: string,
  allow: Partial<Pick<AccessRule, 'readable' | 'updatable' | 'executable'>>,
  system = false,
): AccessRule => ({
  id,
  name: id,
  path,
  readable: allow.readable ?? false,
  updatable: allow.updatable ?? false,
  executable: allow.executable ?? false,
  system,
});

const everyone = { id: 'a-all', username: null, groupname: null };
const ALL = { readable: true, updatable: true, executable: true };

/** The docs' sample set-up: everyone may do everything, unless a more specific rule says otherwise. */
function data(extra: Partial<AccessData> = {}): AccessData {
  return {
    rules: [rule('allow-all', '', ALL), ...(extra.rules ?? [])],
    policies: [
      { id: 'p-all', name: 'Allow all', system: false, ruleIds: ['allow-all'], assignments: [everyone] },
      ...(extra.policies ?? []),
    ],
  };
}

const viewer = { kind: 'user' as const, username: 'viewer', groups: ['viewers'] };

describe('splitPath', () => {
  it('splits a node path from the checked sub-path below it', () => {
    expect(splitPath('/projects/bank/environments/dev/properties')).toEqual({
      nodePath: '/projects/bank/environments/dev',
      subPath: '/properties',
    });
    expect(splitPath('/projects/bank/assets/soa/actions/deploy')).toEqual({
      nodePath: '/projects/bank/assets/soa',
      subPath: '/actions/deploy',
    });
    expect(splitPath('/projects/bank/')).toEqual({ nodePath: '/projects/bank', subPath: '' });
    expect(splitPath('/authorisation_rules')).toEqual({ nodePath: '', subPath: '/authorisation_rules' });
  });
});

describe('assignmentApplies', () => {
  it('reaches the named user, the members of the named group, everyone, and a user only while in a group', () => {
    const both = { id: 'x', username: 'viewer', groupname: 'qa' };
    expect(assignmentApplies({ id: 'u', username: 'viewer', groupname: null }, viewer)).toBe(true);
    expect(assignmentApplies({ id: 'g', username: null, groupname: 'viewers' }, viewer)).toBe(true);
    expect(assignmentApplies({ id: 'g', username: null, groupname: 'qa' }, viewer)).toBe(false);
    expect(assignmentApplies(everyone, viewer)).toBe(true);
    expect(assignmentApplies(both, viewer)).toBe(false);
    expect(assignmentApplies(both, { ...viewer, groups: ['qa'] })).toBe(true);
    expect(
      assignmentApplies({ id: 'g', username: null, groupname: 'qa' }, { kind: 'group', groupname: 'qa' }),
    ).toBe(true);
    expect(assignmentApplies({ id: 'u', username: 'viewer', groupname: null }, { kind: 'everyone' })).toBe(
      false,
    );
  });
});

describe('explainAccess (domain §5.2)', () => {
  it('denies reading an asset when a rule on one of its ancestors denies read, and names that ancestor', () => {
    const d = data({
      rules: [rule('no-dev', '^/projects/bank/environments/dev', { readable: false })],
      policies: [{ id: 'p', name: 'Hide dev', system: false, ruleIds: ['no-dev'], assignments: [everyone] }],
    });
    const answer = explainAccess(d, viewer, '/projects/bank/environments/dev/assets/soa');
    const read = answer.answers.find((a) => a.permission === 'read');
    expect(read?.allowed).toBe(false);
    expect(read?.nodeRead?.deniedAt).toBe('/projects/bank/environments/dev');
    expect(read?.summary).toContain('/projects/bank/environments/dev is not readable');
    expect(read?.summary).toContain('“no-dev” of policy “Hide dev”');
  });

  it('lets the closest (longest) matching rule decide update and execute', () => {
    const d = data({
      rules: [
        rule('bank-ro', '^/projects/bank', { readable: true }),
        rule('dev-rw', '^/projects/bank/environments/dev', { readable: true, updatable: true }),
      ],
      policies: [
        { id: 'p', name: 'Bank', system: false, ruleIds: ['bank-ro', 'dev-rw'], assignments: [everyone] },
      ],
    });
    const dev = explainAccess(d, viewer, '/projects/bank/environments/dev/properties');
    expect(dev.answers.map((a) => a.allowed)).toEqual([true, true, false]);
    expect(dev.answers[1]?.decision.winners.map((w) => w.grant.ruleId)).toEqual(['dev-rw']);
    const prod = explainAccess(d, viewer, '/projects/bank/environments/prod');
    expect(prod.answers.map((a) => a.allowed)).toEqual([true, false, false]);
  });

  it('ranks a user assignment above a group assignment above everyone at equal path length', () => {
    const d = data({
      rules: [rule('deny', '^/projects/bank', { readable: true }), rule('allow', '^/projects/bank', ALL)],
      policies: [
        {
          id: 'g',
          name: 'Group deny',
          system: false,
          ruleIds: ['deny'],
          assignments: [{ id: 'ag', username: null, groupname: 'viewers' }],
        },
        {
          id: 'u',
          name: 'User allow',
          system: false,
          ruleIds: ['allow'],
          assignments: [{ id: 'au', username: 'viewer', groupname: null }],
        },
      ],
    });
    expect(explainAccess(d, viewer, '/projects/bank').answers[1]?.allowed).toBe(true);
    expect(
      explainAccess(d, { kind: 'group', groupname: 'viewers' }, '/projects/bank').answers[1]?.allowed,
    ).toBe(false);
  });

  it('denies a tie of equally ranked rules that disagree, and says so', () => {
    const d = data({
      rules: [rule('a', '^/projects/bank', ALL), rule('b', '^/projects/bank', { readable: true })],
      policies: [{ id: 'p', name: 'Tie', system: false, ruleIds: ['a', 'b'], assignments: [everyone] }],
    });
    const update = explainAccess(d, viewer, '/projects/bank').answers[1];
    expect(update?.allowed).toBe(false);
    expect(update?.summary).toMatch(/tie denies/);
  });

  it('lets a system policy outrank a longer rule, and denies where no rule matches', () => {
    const d: AccessData = {
      rules: [
        rule('sys', '^/projects', { readable: true }, true),
        rule('long', '^/projects/bank/environments', ALL),
      ],
      policies: [
        { id: 's', name: 'System', system: true, ruleIds: ['sys'], assignments: [everyone] },
        { id: 'l', name: 'Long', system: false, ruleIds: ['long'], assignments: [everyone] },
      ],
    };
    expect(explainAccess(d, viewer, '/projects/bank/environments/dev').answers[1]?.allowed).toBe(false);
    const none = explainAccess({ rules: [], policies: [] }, viewer, '/events').answers[0];
    expect(none?.allowed).toBe(false);
    expect(none?.summary).toMatch(/no rule gives read/);
  });
});

describe('grantsFor', () => {
  it('skips rule ids a policy lists but the rules list does not hold', () => {
    const d = data({
      policies: [{ id: 'p', name: 'Ghost', system: false, ruleIds: ['gone'], assignments: [everyone] }],
    });
    expect(grantsFor(d, viewer).map((g) => g.ruleId)).toEqual(['allow-all']);
  });
});

describe('policiesReaching', () => {
  const d = data({
    rules: [rule('r1', '/projects', { readable: true }), rule('r2', '/x', { updatable: true })],
    policies: [
      {
        id: 'p-mixed',
        name: 'Viewers',
        system: false,
        ruleIds: ['r1', 'r2'],
        assignments: [
          { id: 'a1', username: null, groupname: 'viewers' },
          { id: 'a2', username: 'viewer', groupname: null },
          { id: 'a3', username: 'viewer', groupname: 'viewers' },
          { id: 'a4', username: 'viewer', groupname: null },
        ],
      },
      {
        id: 'p-other',
        name: 'Operators',
        system: false,
        ruleIds: ['r2'],
        assignments: [{ id: 'a5', username: 'operator', groupname: 'viewers' }],
      },
    ],
  });

  it('lists each policy reaching a user once, with every way it reaches them', () => {
    expect(policiesReaching(d, viewer)).toEqual([
      { policyId: 'p-all', policyName: 'Allow all', system: false, ruleCount: 1, via: ['as everyone'] },
      {
        policyId: 'p-mixed',
        policyName: 'Viewers',
        system: false,
        ruleCount: 2,
        via: ['through group viewers', 'directly', 'directly, while in group viewers'],
      },
    ]);
  });

  it('for a group, counts only assignments to that group or to everyone', () => {
    expect(
      policiesReaching(d, { kind: 'group', groupname: 'viewers' }).map((reach) => [
        reach.policyId,
        reach.via,
      ]),
    ).toEqual([
      ['p-all', ['as everyone']],
      ['p-mixed', ['through group viewers']],
    ]);
    expect(
      policiesReaching(d, { kind: 'user', username: 'nobody', groups: [] }).map((r) => r.policyId),
    ).toEqual(['p-all']);
  });
});

describe('impact preview', () => {
  it('names who loses what where, folding the nodes below into a count', () => {
    const before = data();
    const after = data({
      rules: [rule('no-bank', '^/projects/bank', { readable: false })],
      policies: [
        {
          id: 'p',
          name: 'No bank',
          system: false,
          ruleIds: ['no-bank'],
          assignments: [{ id: 'a', username: 'viewer', groupname: null }],
        },
      ],
    });
    const nodes = [
      '/projects/bank',
      '/projects/bank/environments/dev',
      '/projects/bank/environments/dev/assets/soa',
      '/projects/shop',
    ];
    const users = [
      { username: 'viewer', groups: [] },
      { username: 'operator', groups: [] },
    ];
    const changes = accessChanges(before, after, users, nodes);
    expect(changes.every((c) => c.username === 'viewer' && c.before && !c.after)).toBe(true);
    const lines = summariseImpact(changes);
    const read = lines.find((l) => l.permission === 'read');
    expect(read && impactSentence(read)).toBe('viewer loses read on /projects/bank and 2 nodes below');
    expect(accessChanges(before, before, users, nodes)).toEqual([]);
  });
});

describe('accessChanges skips only what cannot change', () => {
  // The brute force the pruning must agree with: every user × node × check, both ways.
  function bruteForce(before: AccessData, after: AccessData, users: ImpactUser[], nodes: string[]) {
    const out: string[] = [];
    for (const user of users) {
      const principal = { kind: 'user', username: user.username, groups: user.groups } as const;
      const was = authorizerFor(before, principal);
      const will = authorizerFor(after, principal);
      for (const node of nodes) {
        for (const { permission, subPath } of IMPACT_CHECKS) {
          const b = permission === 'read' ? was.canRead(node) : was.may(node, subPath, permission);
          const a = permission === 'read' ? will.canRead(node) : will.may(node, subPath, permission);
          if (a !== b) out.push(`${user.username} ${permission} ${node}${subPath} ${String(a)}`);
        }
      }
    }
    return out.sort();
  }

  it('agrees with evaluating everything, on generated rules, policies and edits', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const nodes = ['/projects/a', '/projects/a/environments/x', '/projects/b', '/projects/b/assets/c'];
    const patterns = [
      '',
      '^/',
      '^/projects/a',
      '^/projects/b',
      '^/projects/.*/properties',
      '^/projects/a/environments',
    ];
    const users: ImpactUser[] = [
      { username: 'u1', groups: ['g1'] },
      { username: 'u2', groups: ['g2'] },
      { username: 'u3', groups: [] },
    ];
    const assignees = [
      { username: 'u1', groupname: null },
      { username: null, groupname: 'g1' },
      { username: null, groupname: 'g2' },
      { username: null, groupname: null },
    ];
    const generate = (): AccessData => {
      const rules = Array.from({ length: 6 }, (_, i) => ({
        id: `r${String(i)}`,
        name: `r${String(i)}`,
        path: patterns[random(patterns.length)] ?? '',
        readable: random(3) > 0,
        updatable: random(2) === 0,
        executable: random(2) === 0,
        system: false,
      }));
      const policies = Array.from({ length: 3 }, (_, p) => ({
        id: `p${String(p)}`,
        name: `p${String(p)}`,
        system: p === 0 && random(4) === 0,
        ruleIds: rules.filter(() => random(2) === 0).map((rule) => rule.id),
        assignments: assignees
          .filter(() => random(2) === 0)
          .map((a, i) => ({ id: `a${String(p)}${String(i)}`, ...a })),
      }));
      return { rules, policies };
    };
    for (let round = 0; round < 200; round += 1) {
      const before = generate();
      const after = generate();
      const pruned = accessChanges(before, after, users, nodes)
        .map((c) => `${c.username} ${c.permission} ${c.path} ${String(c.after)}`)
        .sort();
      expect(pruned).toEqual(bruteForce(before, after, users, nodes));
    }
  });
});
