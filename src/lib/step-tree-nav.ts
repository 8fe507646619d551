import { statusGroup, type StatusGroup, type StepTreeNode } from './step-tree';

// Finding one's way in a step tree: search by name, jump to the next failed or waiting step, which
// steps show given the collapsed ones, and what to expand to reveal a step. Pure and linear; build the
// index once per tree.

export interface IndexedStep {
  node: StepTreeNode;
  parentId: string | null;
  depth: number;
  /** Position in pre-order (the order the outline lists steps in). */
  order: number;
}

export interface StepTreeIndex {
  /** Every step in pre-order. */
  order: readonly StepTreeNode[];
  byId: ReadonlyMap<string, IndexedStep>;
}

export function indexStepTree(tree: StepTreeNode): StepTreeIndex {
  const order: StepTreeNode[] = [];
  const byId = new Map<string, IndexedStep>();
  const stack: { node: StepTreeNode; parentId: string | null; depth: number }[] = [
    { node: tree, parentId: null, depth: 0 },
  ];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, parentId, depth } = entry;
    if (byId.has(node.id)) continue;
    byId.set(node.id, { node, parentId, depth, order: order.length });
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push({ node: child, parentId: node.id, depth: depth + 1 });
    }
  }
  return { order, byId };
}

/** Steps whose name (or detail) contains the query, ignoring case, in pre-order; none for a blank query. */
export function searchSteps(index: StepTreeIndex, query: string): StepTreeNode[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [];
  return index.order.filter(
    (node) =>
      node.name.toLocaleLowerCase().includes(needle) ||
      (node.detail?.toLocaleLowerCase().includes(needle) ?? false),
  );
}

/**
 * The first step after `fromId` (in pre-order, wrapping round) that matches; from the top when nothing
 * is selected. The selected step itself comes last, so a lone match is found again.
 */
export function nextStep(
  index: StepTreeIndex,
  fromId: string | undefined,
  matches: (node: StepTreeNode) => boolean,
): StepTreeNode | undefined {
  const { order } = index;
  const start = fromId === undefined ? -1 : (index.byId.get(fromId)?.order ?? -1);
  for (let offset = 1; offset <= order.length; offset++) {
    const node = order[(start + offset + order.length) % order.length];
    if (node !== undefined && matches(node)) return node;
  }
  return undefined;
}

const inGroup = (group: StatusGroup) => (node: StepTreeNode) => statusGroup(node.status) === group;

/** The next step that failed (`error`, `rejected`) after the selection, wrapping round. */
export function nextFailed(index: StepTreeIndex, fromId: string | undefined): StepTreeNode | undefined {
  return nextStep(index, fromId, inGroup('failed'));
}

/** The next step waiting for someone (to continue it or to approve it) after the selection, wrapping round. */
export function nextWaiting(index: StepTreeIndex, fromId: string | undefined): StepTreeNode | undefined {
  return nextStep(index, fromId, inGroup('waiting'));
}

export interface VisibleStep {
  node: StepTreeNode;
  depth: number;
  parentId: string | null;
  /** 1-based position among its siblings, and their number (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
}

/** The steps that show (in pre-order) when the steps in `collapsed` hide their descendants. */
export function visibleSteps(tree: StepTreeNode, collapsed: ReadonlySet<string>): VisibleStep[] {
  const visible: VisibleStep[] = [];
  const stack: VisibleStep[] = [{ node: tree, depth: 0, parentId: null, position: 1, siblings: 1 }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    visible.push(entry);
    const { node } = entry;
    if (collapsed.has(node.id)) continue;
    const count = node.children.length;
    for (let i = count - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined)
        stack.push({
          node: child,
          depth: entry.depth + 1,
          parentId: node.id,
          position: i + 1,
          siblings: count,
        });
    }
  }
  return visible;
}

/** The ids of the step's ancestors, root first (what to expand so it shows); empty for the root or an unknown id. */
export function ancestorIds(index: StepTreeIndex, id: string): string[] {
  const ids: string[] = [];
  for (let parent = index.byId.get(id)?.parentId ?? null; parent !== null;) {
    ids.push(parent);
    parent = index.byId.get(parent)?.parentId ?? null;
  }
  return ids.reverse();
}

/** `collapsed` without the ancestors of `id`: the collapsed set in which `id` shows. Same set when nothing changes. */
export function revealIn(
  index: StepTreeIndex,
  collapsed: ReadonlySet<string>,
  id: string,
): ReadonlySet<string> {
  const hiding = ancestorIds(index, id).filter((ancestor) => collapsed.has(ancestor));
  if (hiding.length === 0) return collapsed;
  const next = new Set(collapsed);
  for (const ancestor of hiding) next.delete(ancestor);
  return next;
}
