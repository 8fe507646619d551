import { describe, expect, it } from 'vitest';
import type { AccessData } from './access-model';
import { actionNamesIn, compileRulePath, lockoutPaths, testRulePath } from './rule-tester';

const NODES = [
  '/projects/bank',
  '/projects/bank/environments/dev',
  '/projects/bank/environments/prod',
  '/projects/bank/environments/test',
  '/projects/shop',
];

function compiled(path: string): RegExp {
  const check = compileRulePath(path);
  if (check.pattern === null) throw new Error(check.error);
  return check.pattern;
}

describe('compileRulePath', () => {
  it('anchors a path without ^ as the server stores it', () => {
    expect(compiled('/projects/bank').source).toBe('^\\/projects\\/bank');
    expect(compiled('/projects/bank').test('/x/projects/bank')).toBe(false);
  });

  it('explains a regex that does not compile', () => {
    const check = compileRulePath('/projects/(bank');
    expect(check.pattern).toBeNull();
    expect(check.error).toMatch(/^Not a valid regular expression/);
  });

  it('lets the empty path match everything', () => {
    expect(compiled('').test('/projects/shop')).toBe(true);
  });
});

describe('testRulePath', () => {
  it('lists the nodes and sub-paths an environment rule matches, with the count', () => {
    const result = testRulePath(compiled('^/projects/bank/environments/(dev|test)'), NODES);
    expect(result.total).toBe(8);
    expect(result.tried).toBe(20);
    expect(result.shown).toContain('/projects/bank/environments/dev');
    expect(result.shown).toContain('/projects/bank/environments/test/properties');
    expect(result.shown.some((path) => path.includes('/prod'))).toBe(false);
  });

  it('shows at most the limit and counts the rest', () => {
    const result = testRulePath(compiled('/projects'), NODES, ['deploy'], 3);
    expect(result.shown).toHaveLength(3);
    expect(result.total).toBe(25);
  });

  it('tries the actions it is given', () => {
    const result = testRulePath(compiled('/projects/shop/actions/deploy$'), NODES, ['deploy', 'build']);
    expect(result.shown).toEqual(['/projects/shop/actions/deploy']);
  });
});

describe('lockoutPaths', () => {
  const base: AccessData = {
    rules: [
      { id: 'all', name: 'all', path: '', readable: true, updatable: true, executable: true, system: false },
      {
        id: 'no-policies',
        name: 'no policies',
        path: '^/authorisation_policies',
        readable: false,
        updatable: false,
        executable: false,
        system: false,
      },
    ],
    policies: [
      {
        id: 'admin',
        name: 'admin',
        system: false,
        ruleIds: ['all'],
        assignments: [{ id: 'a1', username: 'alice', groupname: null }],
      },
    ],
  };
  const alice = { username: 'alice', groups: [] };

  it('names the security path a new deny takes away', () => {
    const after: AccessData = {
      ...base,
      policies: [
        ...base.policies,
        {
          id: 'lock',
          name: 'lock',
          system: false,
          ruleIds: ['no-policies'],
          assignments: [{ id: 'a2', username: null, groupname: null }],
        },
      ],
    };
    expect(lockoutPaths(base, after, alice)).toEqual(['/authorisation_policies']);
  });

  it('is empty when the user keeps read', () => {
    expect(lockoutPaths(base, base, alice)).toEqual([]);
  });

  it('names both paths when the only assignment goes', () => {
    const after: AccessData = {
      ...base,
      policies: [{ id: 'admin', name: 'admin', system: false, ruleIds: ['all'], assignments: [] }],
    };
    expect(lockoutPaths(base, after, alice)).toEqual(['/authorisation_policies', '/authorisation_rules']);
  });

  it('finds the action names a rule path spells out', () => {
    expect(actionNamesIn('^/projects/shop/.*/actions/deploy$')).toEqual(['deploy']);
    expect(actionNamesIn('/projects/[^/]+/actions/(deploy|roll-back)')).toEqual(['deploy', 'roll-back']);
    expect(actionNamesIn('^/projects/shop/.*')).toEqual([]);
    const pattern = compiled('/projects/shop/actions/(deploy|build)$');
    expect(
      testRulePath(pattern, NODES, actionNamesIn('/projects/shop/actions/(deploy|build)$')).shown,
    ).toEqual(['/projects/shop/actions/deploy', '/projects/shop/actions/build']);
  });
});
