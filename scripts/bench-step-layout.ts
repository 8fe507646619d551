// Step graph layout benchmark (issue 11): the console's linear tree layout against dagre on the same
// 2,000-step tree (nested sequential and parallel groups, as the emulator's big_tree). Prints numbers and
// asserts nothing. Run by `npm run bench` (or `npm run bench -- layout`); on its own:
// `TSX_TSCONFIG_PATH=tsconfig.base.json node --import tsx scripts/bench-step-layout.ts`.
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LAYOUT_OPTIONS, layoutStepTree } from '../src/lib/step-tree-layout.ts';
import { indexStepTree, visibleSteps } from '../src/lib/step-tree-nav.ts';
import { bigTree } from '../src/lib/step-tree-test-trees.ts';

const STEPS = Number(process.env.BENCH_STEPS ?? 2000);
const OWN_ROUNDS = 50;
const DAGRE_ROUNDS = 3;
/** The budget from the issue: page open to painted graph. */
const BUDGET_MS = 1000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const tree = bigTree(STEPS);
const { nodeWidth, nodeHeight, rankGap, branchGap } = DEFAULT_LAYOUT_OPTIONS;

const ownCold = time(() => layoutStepTree(tree));
const own = Array.from({ length: OWN_ROUNDS }, () => time(() => layoutStepTree(tree)));
const withNavigation = Array.from({ length: OWN_ROUNDS }, () =>
  time(() => {
    layoutStepTree(tree);
    indexStepTree(tree);
    visibleSteps(tree, new Set());
  }),
);

// dagre gets the same nodes and edges the tree layout draws.
const { edges } = layoutStepTree(tree);
const dagre = Array.from({ length: DAGRE_ROUNDS }, () =>
  time(() => {
    const graph = new Graph();
    graph.setGraph({ rankdir: 'TB', nodesep: branchGap, ranksep: rankGap });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const step of indexStepTree(tree).order)
      graph.setNode(step.id, { width: nodeWidth, height: nodeHeight });
    for (const edge of edges) graph.setEdge(edge.source, edge.target);
    dagreLayout(graph);
  }),
);

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
console.log(
  `\nStep graph layout, ${String(STEPS)} steps, ${String(edges.length)} edges (Node ${process.version})`,
);
console.log(
  `  tree layout (ours)        cold ${ms(ownCold)}, median ${ms(median(own))} of ${String(OWN_ROUNDS)}`,
);
console.log(`  + index and outline rows  median ${ms(median(withNavigation))}`);
console.log(
  `  dagre (rankdir TB)        median ${ms(median(dagre))} of ${String(DAGRE_ROUNDS)} (min ${ms(Math.min(...dagre))})`,
);
console.log(
  `  budget: ${String(BUDGET_MS)} ms from page open to painted graph; a frame is 16 ms — the tree layout runs on the main thread`,
);
