import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  indexStepTree,
  nextFailed,
  nextStep,
  nextWaiting,
  revealIn,
  searchSteps,
  visibleSteps,
} from './step-tree-nav';
import { treeOf } from './step-tree-test-trees';

// deploy ─┬ build (error)
//         ├ test ═╦ unit (waiting)
//         │       ╚ integration (error)
//         └ release ─ notify (waiting_for_approval)
const tree = treeOf({
  id: 'deploy',
  status: 'error',
  children: [
    { id: 'build', status: 'error' },
    {
      id: 'test',
      parallel: true,
      children: [
        { id: 'unit', status: 'waiting' },
        { id: 'integration', status: 'error' },
      ],
    },
    { id: 'release', status: 'aborted', children: [{ id: 'notify', status: 'waiting_for_approval' }] },
  ],
});
const index = indexStepTree(tree);
const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

describe('step tree navigation', () => {
  it('indexes steps in pre-order with parent and depth', () => {
    expect(ids(index.order)).toEqual(['deploy', 'build', 'test', 'unit', 'integration', 'release', 'notify']);
    expect(index.byId.get('integration')).toMatchObject({ parentId: 'test', depth: 2, order: 4 });
  });

  it('searches names ignoring case and blanks, in pre-order', () => {
    expect(ids(searchSteps(index, '  T '))).toEqual(['test', 'unit', 'integration', 'notify']);
    expect(ids(searchSteps(index, 'UNIT'))).toEqual(['unit']);
    expect(searchSteps(index, '   ')).toEqual([]);
    expect(searchSteps(index, 'nothing like it')).toEqual([]);
  });

  it('jumps to the next failed step after the selection, wrapping round', () => {
    expect(nextFailed(index, undefined)?.id).toBe('deploy');
    expect(nextFailed(index, 'deploy')?.id).toBe('build');
    expect(nextFailed(index, 'build')?.id).toBe('integration');
    expect(nextFailed(index, 'integration')?.id).toBe('deploy');
    expect(nextFailed(index, 'notify')?.id).toBe('deploy');
  });

  it('jumps to the next waiting step (continue or approval), wrapping round', () => {
    expect(nextWaiting(index, 'deploy')?.id).toBe('unit');
    expect(nextWaiting(index, 'unit')?.id).toBe('notify');
    expect(nextWaiting(index, 'notify')?.id).toBe('unit');
  });

  it('finds a lone match again from itself, and nothing when nothing matches', () => {
    expect(nextStep(index, 'release', (n) => n.id === 'release')?.id).toBe('release');
    expect(nextStep(index, 'release', () => false)).toBeUndefined();
    expect(nextFailed(indexStepTree(treeOf({ id: 'ok' })), undefined)).toBeUndefined();
  });

  it('starts from the top when the selection is not in the tree', () => {
    expect(nextWaiting(index, 'gone')?.id).toBe('unit');
  });

  it('shows every step when nothing is collapsed, with level and position among siblings', () => {
    const rows = visibleSteps(tree, new Set());
    expect(
      rows.map((r) => `${r.node.id}:${String(r.depth)}:${String(r.position)}/${String(r.siblings)}`),
    ).toEqual([
      'deploy:0:1/1',
      'build:1:1/3',
      'test:1:2/3',
      'unit:2:1/2',
      'integration:2:2/2',
      'release:1:3/3',
      'notify:2:1/1',
    ]);
    expect(rows[3]?.parentId).toBe('test');
  });

  it('hides what collapsed steps contain', () => {
    expect(ids(visibleSteps(tree, new Set(['test', 'release'])).map((r) => r.node))).toEqual([
      'deploy',
      'build',
      'test',
      'release',
    ]);
    expect(ids(visibleSteps(tree, new Set(['deploy'])).map((r) => r.node))).toEqual(['deploy']);
  });

  it('names the ancestors to expand to reveal a step, root first', () => {
    expect(ancestorIds(index, 'integration')).toEqual(['deploy', 'test']);
    expect(ancestorIds(index, 'deploy')).toEqual([]);
    expect(ancestorIds(index, 'gone')).toEqual([]);
  });

  it('reveals a step by expanding only its collapsed ancestors, and changes nothing when it shows', () => {
    const collapsed = new Set(['deploy', 'test', 'release']);
    expect([...revealIn(index, collapsed, 'unit')]).toEqual(['release']);
    const open = new Set(['release']);
    expect(revealIn(index, open, 'unit')).toBe(open);
  });
});
