import { describe, expect, it } from 'vitest';
import {
  BUNDLE_MIN_EDGES,
  bundlePath,
  DEFAULT_LAYOUT_OPTIONS,
  layoutStepTree,
  type StepTreeLayout,
} from './step-tree-layout';
import { bigTree, treeOf } from './step-tree-test-trees';

const { nodeWidth, nodeHeight } = DEFAULT_LAYOUT_OPTIONS;

function at(layout: StepTreeLayout, id: string) {
  const step = layout.steps.find((s) => s.id === id);
  if (step === undefined) throw new Error(`${id} is not laid out`);
  return step;
}
const edgesOf = (layout: StepTreeLayout) => layout.edges.map((e) => `${e.source}-${e.kind}->${e.target}`);
const centreX = (layout: StepTreeLayout, id: string) => at(layout, id).x + nodeWidth / 2;

describe('layoutStepTree', () => {
  it('puts a lone step at the origin', () => {
    const layout = layoutStepTree(treeOf({ id: 'r' }));
    expect(layout.steps).toMatchObject([{ id: 'r', x: 0, y: 0, depth: 0, hiddenCount: 0 }]);
    expect(layout).toMatchObject({ edges: [], width: nodeWidth, height: nodeHeight });
  });

  it('stacks sequential children downwards under their parent and chains them', () => {
    const layout = layoutStepTree(treeOf({ id: 'r', children: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }));
    const ys = ['r', 'a', 'b', 'c'].map((id) => at(layout, id).y);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    expect(new Set(ys).size).toBe(4);
    expect(new Set(['r', 'a', 'b', 'c'].map((id) => centreX(layout, id))).size).toBe(1);
    expect(edgesOf(layout)).toEqual(['r-child->a', 'a-next->b', 'b-next->c']);
  });

  it('fans parallel children out side by side, the parent centred above them', () => {
    const layout = layoutStepTree(
      treeOf({ id: 'r', parallel: true, children: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }),
    );
    expect(new Set(['a', 'b', 'c'].map((id) => at(layout, id).y)).size).toBe(1);
    expect(at(layout, 'a').y).toBeGreaterThan(at(layout, 'r').y);
    expect(at(layout, 'a').x).toBeLessThan(at(layout, 'b').x);
    expect(at(layout, 'b').x).toBeLessThan(at(layout, 'c').x);
    expect(centreX(layout, 'r')).toBe(centreX(layout, 'b'));
    expect(edgesOf(layout)).toEqual(['r-child->a', 'r-child->b', 'r-child->c']);
  });

  it('joins the ends of a parallel group to the step that runs after it', () => {
    const layout = layoutStepTree(
      treeOf({
        id: 'deploy',
        children: [
          { id: 'build' },
          { id: 'test', parallel: true, children: [{ id: 'unit' }, { id: 'integration' }] },
          { id: 'release' },
        ],
      }),
    );
    expect(edgesOf(layout)).toEqual([
      'deploy-child->build',
      'build-next->test',
      'test-child->unit',
      'test-child->integration',
      'unit-next->release',
      'integration-next->release',
    ]);
    expect(at(layout, 'release').y).toBeGreaterThan(at(layout, 'unit').y);
  });

  it('leads from the last step of a nested sequential chain to the next sibling', () => {
    const layout = layoutStepTree(
      treeOf({ id: 'r', children: [{ id: 'a', children: [{ id: 'a1' }, { id: 'a2' }] }, { id: 'b' }] }),
    );
    expect(edgesOf(layout)).toEqual(['r-child->a', 'a-child->a1', 'a1-next->a2', 'a2-next->b']);
  });

  it('lays a collapsed step out as a leaf and says how many steps it hides', () => {
    const tree = treeOf({
      id: 'r',
      parallel: true,
      children: [{ id: 'a', children: [{ id: 'a1' }, { id: 'a2', children: [{ id: 'x' }] }] }, { id: 'b' }],
    });
    const layout = layoutStepTree(tree, new Set(['a']));
    expect(layout.steps.map((s) => s.id)).toEqual(['r', 'a', 'b']);
    expect(at(layout, 'a').hiddenCount).toBe(3);
    expect(at(layout, 'b').hiddenCount).toBe(0);
    expect(layout.height).toBe(nodeHeight * 2 + DEFAULT_LAYOUT_OPTIONS.rankGap);
  });

  it('lists steps in pre-order with their depth', () => {
    const layout = layoutStepTree(
      treeOf({ id: 'r', children: [{ id: 'a', children: [{ id: 'a1' }] }, { id: 'b' }] }),
    );
    expect(layout.steps.map((s) => `${s.id}@${String(s.depth)}`)).toEqual(['r@0', 'a@1', 'a1@2', 'b@1']);
  });

  it('never overlaps two steps, and keeps every step inside the reported size', () => {
    const layout = layoutStepTree(bigTree(600));
    expect(layout.steps).toHaveLength(600);
    const sorted = [...layout.steps].sort((p, q) => p.y - q.y || p.x - q.x);
    const problems: string[] = [];
    sorted.forEach((a, i) => {
      if (a.x < 0 || a.x + nodeWidth > layout.width || a.y + nodeHeight > layout.height)
        problems.push(`${a.id} outside`);
      for (const b of sorted.slice(i + 1)) {
        if (b.y >= a.y + nodeHeight) break;
        if (Math.abs(a.x - b.x) < nodeWidth) problems.push(`${a.id} overlaps ${b.id}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('keeps every position when only statuses change', () => {
    const before = layoutStepTree(
      treeOf({
        id: 'r',
        children: [
          { id: 'a', status: 'running' },
          { id: 'b', status: 'pending' },
        ],
      }),
    );
    const after = layoutStepTree(
      treeOf({
        id: 'r',
        children: [
          { id: 'a', status: 'success' },
          { id: 'b', status: 'running' },
        ],
      }),
    );
    expect(after.steps.map(({ id, x, y }) => ({ id, x, y }))).toEqual(
      before.steps.map(({ id, x, y }) => ({ id, x, y })),
    );
  });

  it('lays out 2,000 steps with one edge into every step but the root', () => {
    const layout = layoutStepTree(bigTree(2000));
    expect(layout.steps).toHaveLength(2000);
    expect(new Set(layout.edges.map((e) => e.target)).size).toBe(1999);
  });
});

describe('wide fans', () => {
  const wide = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${String(i)}` }));

  it('leave fans of up to BUNDLE_MIN_EDGES edges to be drawn edge by edge', () => {
    const layout = layoutStepTree(
      treeOf({
        id: 'r',
        children: [{ id: 'p', parallel: true, children: wide(BUNDLE_MIN_EDGES) }, { id: 'after' }],
      }),
    );
    expect(layout.bundles).toEqual([]);
    expect(layout.edges.every((e) => e.bundle === undefined)).toBe(true);
  });

  it('bundle a wide fan-out and the join after it, every edge still listed and naming its bundle', () => {
    const n = BUNDLE_MIN_EDGES + 1;
    const layout = layoutStepTree(
      treeOf({ id: 'r', children: [{ id: 'p', parallel: true, children: wide(n) }, { id: 'after' }] }),
    );
    const [fan, join] = layout.bundles;
    expect(layout.bundles).toHaveLength(2);
    expect(fan).toMatchObject({ id: 'p=>', kind: 'child' });
    expect(fan?.sources).toEqual([{ x: centreX(layout, 'p'), y: at(layout, 'p').y + nodeHeight }]);
    expect(fan?.targets).toEqual(wide(n).map(({ id }) => ({ x: centreX(layout, id), y: at(layout, id).y })));
    expect(join).toMatchObject({ id: '=>after', kind: 'next' });
    expect(join?.sources).toEqual(
      wide(n).map(({ id }) => ({ x: centreX(layout, id), y: at(layout, id).y + nodeHeight })),
    );
    expect(join?.targets).toEqual([{ x: centreX(layout, 'after'), y: at(layout, 'after').y }]);
    expect(layout.edges.filter((e) => e.bundle === 'p=>')).toHaveLength(n);
    expect(layout.edges.filter((e) => e.bundle === '=>after')).toHaveLength(n);
    expect(edgesOf(layout)[0]).toBe('r-child->p');
    expect(layout.edges[0]?.bundle).toBeUndefined();
  });

  it('draws a bundle as drops to a bar half a rank gap above its targets, and drops from it', () => {
    const path = bundlePath(
      {
        id: 'b',
        kind: 'child',
        sources: [{ x: 100, y: 64 }],
        targets: [
          { x: 20, y: 100 },
          { x: 180, y: 100 },
        ],
      },
      36,
      4,
    );
    expect(path).toBe('M100 64V82M20 82H180M20 82V96M180 82V96');
  });
});
