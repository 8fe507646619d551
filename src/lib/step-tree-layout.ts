import { countSteps, type StepTreeNode } from './step-tree';

// A tree layout for step trees, top to bottom, in linear time (two walks: sizes, then places). Step
// trees are trees of sequential chains and parallel fan-outs, so no general graph layout is needed:
//
//   - a step's own action runs first, so a step sits above its children, centred over them;
//   - sequential children stack downwards in order, each under the end of the one before;
//   - parallel children sit side by side under their parent.
//
// Edges follow execution: parent → first child (sequential) or every child (parallel); after a
// sequential child, the steps that end its subtree lead to the next sibling. Collapsed steps count
// as leaves. Positions depend only on the shape of the tree, so a status change never moves a node.

export interface StepTreeLayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Vertical space between a step and what runs after it. */
  rankGap: number;
  /** Horizontal space between parallel branches. */
  branchGap: number;
}

export const DEFAULT_LAYOUT_OPTIONS: StepTreeLayoutOptions = {
  nodeWidth: 240,
  nodeHeight: 64,
  rankGap: 36,
  branchGap: 24,
};

export interface PositionedStep {
  id: string;
  node: StepTreeNode;
  /** Top-left corner, as React Flow positions nodes. */
  x: number;
  y: number;
  depth: number;
  /** Steps hidden below this one because it is collapsed (0 when expanded or a leaf). */
  hiddenCount: number;
}

export interface StepTreeEdge {
  id: string;
  source: string;
  target: string;
  /** `child`: a parent starts its children; `next`: a sequential sibling starts after the one before. */
  kind: 'child' | 'next';
}

export interface StepTreeLayout {
  /** In pre-order (a parent before its children, siblings in order). */
  steps: PositionedStep[];
  edges: StepTreeEdge[];
  width: number;
  height: number;
}

interface Size {
  width: number;
  height: number;
}

export function layoutStepTree(
  tree: StepTreeNode,
  collapsed: ReadonlySet<string> = new Set(),
  options: StepTreeLayoutOptions = DEFAULT_LAYOUT_OPTIONS,
): StepTreeLayout {
  const { nodeWidth, nodeHeight, rankGap, branchGap } = options;
  const sizes = new Map<StepTreeNode, Size>();
  const isOpen = (node: StepTreeNode) => node.children.length > 0 && !collapsed.has(node.id);

  const measure = (node: StepTreeNode): Size => {
    let size: Size = { width: nodeWidth, height: nodeHeight };
    if (isOpen(node)) {
      const childSizes = node.children.map(measure);
      if (node.childExecution === 'parallel') {
        const row = childSizes.reduce((sum, s) => sum + s.width, 0) + branchGap * (childSizes.length - 1);
        const tallest = Math.max(...childSizes.map((s) => s.height));
        size = { width: Math.max(nodeWidth, row), height: nodeHeight + rankGap + tallest };
      } else {
        const widest = Math.max(...childSizes.map((s) => s.width));
        const column = childSizes.reduce((sum, s) => sum + rankGap + s.height, 0);
        size = { width: Math.max(nodeWidth, widest), height: nodeHeight + column };
      }
    }
    sizes.set(node, size);
    return size;
  };

  const steps: PositionedStep[] = [];
  const edges: StepTreeEdge[] = [];
  const edge = (source: string, target: string, kind: StepTreeEdge['kind']) =>
    edges.push({ id: `${source}->${target}`, source, target, kind });

  /** Places the subtree in the box whose top-left is (left, top); returns the steps that end it. */
  const place = (node: StepTreeNode, left: number, top: number, depth: number): string[] => {
    const size = sizes.get(node) ?? { width: nodeWidth, height: nodeHeight };
    const open = isOpen(node);
    steps.push({
      id: node.id,
      node,
      x: left + (size.width - nodeWidth) / 2,
      y: top,
      depth,
      hiddenCount: !open && node.children.length > 0 ? countSteps(node) - 1 : 0,
    });
    if (!open) return [node.id];
    const childTop = top + nodeHeight + rankGap;
    if (node.childExecution === 'parallel') {
      const row = node.children.reduce((sum, child) => sum + widthOf(child), 0);
      let x = left + (size.width - row - branchGap * (node.children.length - 1)) / 2;
      const ends: string[] = [];
      for (const child of node.children) {
        edge(node.id, child.id, 'child');
        for (const end of place(child, x, childTop, depth + 1)) ends.push(end);
        x += widthOf(child) + branchGap;
      }
      return ends;
    }
    let y = childTop;
    let before: string[] = [node.id];
    node.children.forEach((child, index) => {
      for (const source of before) edge(source, child.id, index === 0 ? 'child' : 'next');
      const childSize = sizes.get(child) ?? { width: nodeWidth, height: nodeHeight };
      before = place(child, left + (size.width - childSize.width) / 2, y, depth + 1);
      y += childSize.height + rankGap;
    });
    return before;
  };
  const widthOf = (node: StepTreeNode) => sizes.get(node)?.width ?? nodeWidth;

  const total = measure(tree);
  place(tree, 0, 0, 0);
  return { steps, edges, width: total.width, height: total.height };
}
