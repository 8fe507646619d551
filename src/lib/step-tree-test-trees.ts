import type { StepTreeNode } from './step-tree';

// Small trees written as nested literals, for the step-tree tests (layout, navigation, outline).

export interface TreeSpec {
  id: string;
  status?: string;
  parallel?: boolean;
  children?: TreeSpec[];
}

export function treeOf({ id, status = 'success', parallel = false, children = [] }: TreeSpec): StepTreeNode {
  return {
    id,
    name: id,
    status,
    started_at: status === 'pending' ? null : '2025-04-25T06:10:00.000Z',
    finished_at: status === 'running' || status === 'pending' ? null : '2025-04-25T06:11:05.000Z',
    childExecution: parallel ? 'parallel' : 'sequential',
    children: children.map(treeOf),
  };
}

/** A tree of about `count` steps: sequential stages of parallel groups of short sequential chains. */
export function bigTree(count: number): StepTreeNode {
  let made = 1;
  const next = () => `s${String(made++)}`;
  const stages: TreeSpec[] = [];
  while (made < count) {
    const groups: TreeSpec[] = [];
    const stage: TreeSpec = { id: next(), parallel: true, children: groups };
    for (let g = 0; g < 8 && made < count; g++) {
      const chain: TreeSpec[] = [];
      const group: TreeSpec = { id: next(), children: chain };
      for (let c = 0; c < 4 && made < count; c++) chain.push({ id: next() });
      groups.push(group);
    }
    stages.push(stage);
  }
  return treeOf({ id: 's0', children: stages });
}
