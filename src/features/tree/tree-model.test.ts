import { describe, expect, it } from 'vitest';
import type { NodeSummary } from '@/api/node-summary';
import { flattenTree, LARGE_LEVEL, pathsToReveal, type Level, type TreeModelInput } from './tree-model';

function project(code: string, name = code, extra: Partial<NodeSummary> = {}): NodeSummary {
  return {
    kind: 'project',
    id: `id-${code}`,
    code,
    name,
    description: null,
    archived: false,
    path: `/projects/${code}`,
    projectCode: code,
    projectType: 'Enterprise',
    meta: { can_have_children: true, child_node_types: ['environment', 'asset'], can_have_workflows: true },
    ...extra,
  };
}

function environment(
  projectCode: string,
  code: string,
  name = code,
  extra: Partial<NodeSummary> = {},
): NodeSummary {
  return {
    kind: 'environment',
    id: `id-${projectCode}-${code}`,
    code,
    name,
    description: null,
    archived: false,
    path: `/projects/${projectCode}/environments/${code}`,
    projectCode,
    environmentCode: code,
    meta: { can_have_children: true, child_node_types: ['asset'], can_have_workflows: false },
    ...extra,
  };
}

function asset(ownerPath: string, code: string, name = code, extra: Partial<NodeSummary> = {}): NodeSummary {
  return {
    kind: 'asset',
    id: `id-${ownerPath}-${code}`,
    code,
    name,
    description: null,
    archived: false,
    path: `${ownerPath}/assets/${code}`,
    projectCode: ownerPath.split('/')[2] ?? '',
    meta: { can_have_children: false, child_node_types: [], can_have_workflows: false },
    ...extra,
  };
}

const ready = (nodes: NodeSummary[], serverMatches?: NodeSummary[]): Level => ({
  status: 'ready',
  nodes,
  serverMatches,
});

const bank = project('bank', 'Core Banking');
const retail = project('retail', 'Retail Store');
const website = project('website', 'Website', {
  projectType: 'Standard',
  meta: { can_have_children: true, child_node_types: ['environment'], can_have_workflows: false },
});
const dev = environment('bank', 'dev', 'Development');
const prod = environment('bank', 'prod', 'Production');
const sharedDb = asset('/projects/bank', 'shared_db', 'Shared database');
const soaDev = asset('/projects/bank/environments/dev', 'soa_dev', 'SOA Development');
const ledgerDev = asset('/projects/bank/environments/dev', 'ledger_dev', 'Ledger Development');

function input(overrides: Partial<TreeModelInput> = {}): TreeModelInput {
  return {
    root: ready([bank, retail, website]),
    levels: new Map([
      [bank.path, ready([dev, prod, sharedDb])],
      [dev.path, ready([soaDev, ledgerDev])],
    ]),
    expanded: new Set(),
    filter: '',
    showArchived: false,
    selectedPath: null,
    ...overrides,
  };
}

const paths = (model: ReturnType<typeof flattenTree>) => model.rows.map((row) => row.node.path);

describe('flattenTree', () => {
  it('keeps a node the server says leads to a match while its level loads, and drops it once loaded without one', () => {
    const loading = input({
      levels: new Map([[retail.path, { status: 'loading', nodes: [] }]]),
      expanded: new Set([retail.path]),
      filter: 'checkout',
      leadsToMatch: new Set([retail.path]),
    });
    const model = flattenTree(loading);
    expect(paths(model)).toEqual([retail.path]);
    expect(model.rows[0]).toMatchObject({ isMatch: false, isContext: true, childStatus: 'loading' });

    const loaded = flattenTree({ ...loading, levels: new Map([[retail.path, ready([])]]) });
    expect(paths(loaded)).toEqual([]);
  });

  it('shows only the projects while nothing is expanded', () => {
    const model = flattenTree(input());

    expect(paths(model)).toEqual(['/projects/bank', '/projects/retail', '/projects/website']);
    expect(model.rootCount).toEqual({ shown: 3, total: 3 });
    expect(model.rows.map((row) => [row.level, row.posInSet, row.setSize])).toEqual([
      [1, 1, 3],
      [1, 2, 3],
      [1, 3, 3],
    ]);
  });

  it('shows the children of a level that is still arriving, marked as streaming', () => {
    const model = flattenTree(
      input({
        levels: new Map([[bank.path, { status: 'streaming', nodes: [dev] }]]),
        expanded: new Set([bank.path]),
      }),
    );

    expect(paths(model)).toEqual(['/projects/bank', dev.path, '/projects/retail', '/projects/website']);
    expect(model.rows[0]).toMatchObject({ childStatus: 'streaming', childCount: { shown: 1, total: 1 } });
  });

  it('shows no children, and no count, while a level is loading or failed', () => {
    for (const status of ['loading', 'error'] as const) {
      const model = flattenTree(
        input({ levels: new Map([[bank.path, { status, nodes: [] }]]), expanded: new Set([bank.path]) }),
      );
      expect(paths(model)).toEqual(['/projects/bank', '/projects/retail', '/projects/website']);
      expect(model.rows[0]).toMatchObject({ childStatus: status, childCount: null });
    }
  });

  it('shows an expanded project’s environments, then the assets it owns, one level deeper', () => {
    const model = flattenTree(input({ expanded: new Set([bank.path, dev.path]) }));

    expect(paths(model)).toEqual([
      '/projects/bank',
      '/projects/bank/environments/dev',
      '/projects/bank/environments/dev/assets/soa_dev',
      '/projects/bank/environments/dev/assets/ledger_dev',
      '/projects/bank/environments/prod',
      '/projects/bank/assets/shared_db',
      '/projects/retail',
      '/projects/website',
    ]);
    const soa = model.rows[2];
    expect(soa).toMatchObject({ level: 3, posInSet: 1, setSize: 2, parentIndex: 1, isExpandable: false });
    expect(model.rows[0]).toMatchObject({
      isExpanded: true,
      childStatus: 'ready',
      childCount: { shown: 3, total: 3 },
    });
    expect(model.rows[4]).toMatchObject({ isExpanded: false, childStatus: null, childCount: null });
  });

  it('marks an expanded node whose children are still loading, or failed', () => {
    const loading = flattenTree(input({ expanded: new Set([retail.path]) }));
    const failed = flattenTree(
      input({
        expanded: new Set([retail.path]),
        levels: new Map([[retail.path, { status: 'error', nodes: [] }]]),
      }),
    );

    expect(loading.rows[1]).toMatchObject({ isExpanded: true, childStatus: 'loading' });
    expect(failed.rows[1]).toMatchObject({ isExpanded: true, childStatus: 'error' });
    expect(paths(failed)).toHaveLength(3);
  });

  it('treats assets as leaves and Standard projects by their flags', () => {
    const model = flattenTree(input({ expanded: new Set([bank.path]) }));

    expect(model.rows.find((row) => row.node === sharedDb)?.isExpandable).toBe(false);
    expect(model.rows.find((row) => row.node === website)?.isExpandable).toBe(true);
    const leafProject = project('empty', 'Empty', {
      meta: { can_have_children: true, child_node_types: [], can_have_workflows: false },
    });
    expect(flattenTree(input({ root: ready([leafProject]) })).rows[0]?.isExpandable).toBe(false);
  });

  it('hides archived nodes unless asked, and counts only what it would show', () => {
    const oldEnv = environment('bank', 'old', 'Old', { archived: true });
    const levels = new Map([[bank.path, ready([dev, oldEnv])]]);

    const hidden = flattenTree(input({ levels, expanded: new Set([bank.path]) }));
    const shown = flattenTree(input({ levels, expanded: new Set([bank.path]), showArchived: true }));

    expect(paths(hidden)).not.toContain(oldEnv.path);
    expect(hidden.rows[0]?.childCount).toEqual({ shown: 1, total: 1 });
    expect(paths(shown)).toContain(oldEnv.path);
    expect(shown.rows[0]?.childCount).toEqual({ shown: 2, total: 2 });
  });

  it('keeps an archived node visible while it, or something below it, is selected', () => {
    const oldEnv = environment('bank', 'old', 'Old', { archived: true });
    const oldAsset = asset(oldEnv.path, 'legacy', 'Legacy', { archived: true });
    const levels = new Map([
      [bank.path, ready([dev, oldEnv])],
      [oldEnv.path, ready([oldAsset])],
    ]);

    const model = flattenTree(
      input({ levels, expanded: new Set([bank.path, oldEnv.path]), selectedPath: oldAsset.path }),
    );

    expect(paths(model)).toContain(oldEnv.path);
    expect(model.rows.find((row) => row.node === oldAsset)?.isSelected).toBe(true);
  });

  it('narrows to matches by name or code, keeping the ancestors of matches in loaded levels', () => {
    const model = flattenTree(input({ expanded: new Set([bank.path, dev.path]), filter: '  LEDGER ' }));

    expect(paths(model)).toEqual([
      '/projects/bank',
      '/projects/bank/environments/dev',
      '/projects/bank/environments/dev/assets/ledger_dev',
    ]);
    expect(model.rows.map((row) => row.isMatch)).toEqual([false, false, true]);
    expect(model.rows.map((row) => row.isContext)).toEqual([true, true, false]);
    expect(model.rows[1]?.childCount).toEqual({ shown: 1, total: 2 });
    expect(model.rootCount).toEqual({ shown: 1, total: 3 });
  });

  it('matches codes too', () => {
    expect(paths(flattenTree(input({ filter: 'websi' })))).toEqual(['/projects/website']);
  });

  it('shows a project whose collapsed, loaded levels hold a match, so expanding reveals it', () => {
    const model = flattenTree(input({ filter: 'soa' }));

    expect(paths(model)).toEqual(['/projects/bank']);
    expect(model.rows[0]).toMatchObject({ isExpanded: false, isMatch: false });
  });

  it('uses the server’s matches for a large level once they arrive', () => {
    const many = Array.from({ length: LARGE_LEVEL + 1 }, (_, index) =>
      asset('/projects/retail', `a${String(index)}`, `Asset ${String(index)}`),
    );
    const serverFound = [asset('/projects/retail', 'extra', 'Found only by the server')];
    const levels = new Map([[retail.path, ready(many, serverFound)]]);

    const model = flattenTree(input({ levels, expanded: new Set([retail.path]), filter: 'Asset 1' }));

    expect(paths(model)).toEqual(['/projects/retail', '/projects/retail/assets/extra']);
    expect(model.rows[1]?.isMatch).toBe(true);
  });

  it('narrows a large level on the client until the server answers', () => {
    const many = Array.from({ length: LARGE_LEVEL + 1 }, (_, index) =>
      asset('/projects/retail', `a${String(index)}`, `Asset ${String(index)}`),
    );
    const levels = new Map([[retail.path, ready(many)]]);

    const model = flattenTree(input({ levels, expanded: new Set([retail.path]), filter: 'asset 20' }));

    expect(paths(model).slice(1)).toEqual(['/projects/retail/assets/a20', '/projects/retail/assets/a200']);
  });

  it('flattens and filters a level of 10,000 children', () => {
    const many = Array.from({ length: 10_000 }, (_, index) =>
      asset('/projects/bank', `asset_${String(index)}`, `Asset ${String(index)}`),
    );
    const levels = new Map([[bank.path, ready(many)]]);

    const all = flattenTree(input({ levels, expanded: new Set([bank.path]) }));
    const some = flattenTree(input({ levels, expanded: new Set([bank.path]), filter: 'asset 99' }));

    expect(all.rows).toHaveLength(10_003);
    // bank (for its descendants), then Asset 99, 990-999 and 9900-9999.
    expect(some.rows).toHaveLength(1 + 1 + 10 + 100);
    expect(some.rows[0]?.childCount).toEqual({ shown: 111, total: 10_000 });
  });

  it('shows nothing until the projects are loaded', () => {
    expect(flattenTree(input({ root: { status: 'loading', nodes: [] } }))).toEqual({
      rows: [],
      rootCount: { shown: 0, total: 0 },
    });
  });
});

describe('pathsToReveal', () => {
  it('lists the loaded nodes above a match, so typing a filter opens them', () => {
    expect(pathsToReveal(input({ filter: 'soa' }))).toEqual([bank.path, dev.path]);
  });

  it('reveals nothing without a filter or when only top-level nodes match', () => {
    expect(pathsToReveal(input())).toEqual([]);
    expect(pathsToReveal(input({ filter: 'retail' }))).toEqual([]);
  });
});
