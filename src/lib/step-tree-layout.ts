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
//
// A wide fan (more than BUNDLE_MIN_EDGES edges leaving one step, or joining into one) is also described as
// a bundle: one drop, a bar and short drops, drawn as one path instead of an edge per step (a run of 40
// stages of 49 parallel steps has ~3,900 edges, and React Flow re-checked each one on every frame of a pan).

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
  /** The bundle that draws this edge, when it is part of a wide fan. */
  bundle?: string;
}

export interface Point {
  x: number;
  y: number;
}

/** Edges of one wide fan: from the bottom centres of `sources` to the top centres of `targets`. */
export interface StepTreeBundle {
  id: string;
  kind: StepTreeEdge['kind'];
  sources: Point[];
  targets: Point[];
}

/** Above this many edges out of one step (or into one), a fan is drawn as a bundle. */
export const BUNDLE_MIN_EDGES = 8;

export interface StepTreeLayout {
  /** In pre-order (a parent before its children, siblings in order). */
  steps: PositionedStep[];
  edges: StepTreeEdge[];
  /** Wide fans, each drawn as one path; their edges name them (`StepTreeEdge.bundle`). */
  bundles: StepTreeBundle[];
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
  const bundles: StepTreeBundle[] = [];
  const edge = (source: string, target: string, kind: StepTreeEdge['kind'], bundle?: StepTreeBundle) =>
    edges.push({
      id: `${source}->${target}`,
      source,
      target,
      kind,
      ...(bundle === undefined ? {} : { bundle: bundle.id }),
    });
  /** A bundle for a fan of `count` edges, or none when it is narrow enough to draw edge by edge. */
  const bundleFor = (count: number, id: string, kind: StepTreeEdge['kind']): StepTreeBundle | undefined => {
    if (count <= BUNDLE_MIN_EDGES) return undefined;
    const bundle: StepTreeBundle = { id, kind, sources: [], targets: [] };
    bundles.push(bundle);
    return bundle;
  };
  const bottomOf = (step: PositionedStep): Point => ({ x: step.x + nodeWidth / 2, y: step.y + nodeHeight });

  /** Places the subtree in the box whose top-left is (left, top); returns the steps that end it. */
  const place = (node: StepTreeNode, left: number, top: number, depth: number): PositionedStep[] => {
    const size = sizes.get(node) ?? { width: nodeWidth, height: nodeHeight };
    const open = isOpen(node);
    const self: PositionedStep = {
      id: node.id,
      node,
      x: left + (size.width - nodeWidth) / 2,
      y: top,
      depth,
      hiddenCount: !open && node.children.length > 0 ? countSteps(node) - 1 : 0,
    };
    steps.push(self);
    if (!open) return [self];
    const childTop = top + nodeHeight + rankGap;
    if (node.childExecution === 'parallel') {
      const row = node.children.reduce((sum, child) => sum + widthOf(child), 0);
      let x = left + (size.width - row - branchGap * (node.children.length - 1)) / 2;
      const ends: PositionedStep[] = [];
      const fan = bundleFor(node.children.length, `${node.id}=>`, 'child');
      fan?.sources.push(bottomOf(self));
      for (const child of node.children) {
        edge(node.id, child.id, 'child', fan);
        fan?.targets.push({ x: x + widthOf(child) / 2, y: childTop });
        for (const end of place(child, x, childTop, depth + 1)) ends.push(end);
        x += widthOf(child) + branchGap;
      }
      return ends;
    }
    // Every step of a sequential column is centred on it.
    const centre = left + size.width / 2;
    let y = childTop;
    let before: PositionedStep[] = [self];
    node.children.forEach((child, index) => {
      const kind = index === 0 ? 'child' : 'next';
      const join = bundleFor(before.length, `=>${child.id}`, kind);
      join?.sources.push(...before.map(bottomOf));
      join?.targets.push({ x: centre, y });
      for (const source of before) edge(source.id, child.id, kind, join);
      const childSize = sizes.get(child) ?? { width: nodeWidth, height: nodeHeight };
      before = place(child, centre - childSize.width / 2, y, depth + 1);
      y += childSize.height + rankGap;
    });
    return before;
  };
  const widthOf = (node: StepTreeNode) => sizes.get(node)?.width ?? nodeWidth;

  const total = measure(tree);
  place(tree, 0, 0, 0);
  return { steps, edges, bundles, width: total.width, height: total.height };
}

/**
 * A bundle as SVG path data: a drop from each source to a bar half a rank gap above the highest target, the
 * bar across every source and target, and a drop from the bar to each target (ending `inset` short of it, on
 * its handle).
 */
export function bundlePath(bundle: StepTreeBundle, rankGap: number, inset = 0): string {
  const points = [...bundle.sources, ...bundle.targets];
  if (bundle.sources.length === 0 || bundle.targets.length === 0) return '';
  const bar = Math.min(...bundle.targets.map((t) => t.y)) - rankGap / 2;
  const left = Math.min(...points.map((p) => p.x));
  const right = Math.max(...points.map((p) => p.x));
  const parts = bundle.sources.map((s) => `M${String(s.x)} ${String(s.y)}V${String(bar)}`);
  parts.push(`M${String(left)} ${String(bar)}H${String(right)}`);
  for (const t of bundle.targets) parts.push(`M${String(t.x)} ${String(bar)}V${String(t.y - inset)}`);
  return parts.join('');
}
