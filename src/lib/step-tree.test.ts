import { describe, expect, it } from 'vitest';
import {
  countByStatus,
  countSteps,
  rollUpStatus,
  statusGroup,
  statusLabel,
  stepTreeFromSteps,
  type StepTreeNode,
  type StepTreeSource,
} from './step-tree';

interface StepSpec {
  id: string;
  status?: string;
  parallel?: boolean;
  children?: string[];
  /** `links.parent`: a step id, or null for the root (its link names the change). */
  parent?: string | null;
  action?: string;
  name?: string | null;
}

function step({
  id,
  status = 'success',
  parallel = false,
  children = [],
  parent,
  action,
  name,
}: StepSpec): StepTreeSource {
  return {
    id,
    attributes: {
      name: name === undefined ? id : name,
      action: action ?? id,
      status_code: status,
      started_at: status === 'pending' ? null : '2025-04-25T06:10:00.000000Z',
      finished_at: null,
      child_execution_strategy: parallel ? 'parallel' : 'sequential',
    },
    relationships: { children: { data: children.map((child) => ({ type: 'step', id: child })) } },
    links: { parent: parent === undefined || parent === null ? '/api/changes/c1' : `/api/steps/${parent}` },
  };
}

const shape = (node: StepTreeNode): unknown =>
  node.children.length === 0 ? node.id : { [node.id]: node.children.map(shape) };

describe('stepTreeFromSteps', () => {
  it('keeps the order of relationships.children and each step’s strategy', () => {
    const { tree, orphans } = stepTreeFromSteps([
      step({ id: 'b', parent: 'root' }),
      step({ id: 'root', children: ['a', 'b', 'c'] }),
      step({ id: 'c', parent: 'root', parallel: true, children: ['c2', 'c1'] }),
      step({ id: 'a', parent: 'root' }),
      step({ id: 'c1', parent: 'c' }),
      step({ id: 'c2', parent: 'c' }),
    ]);
    expect(orphans).toEqual([]);
    expect(tree && shape(tree)).toEqual({ root: ['a', 'b', { c: ['c2', 'c1'] }] });
    expect(tree?.childExecution).toBe('sequential');
    expect(tree?.children[2]?.childExecution).toBe('parallel');
  });

  it('builds nested trees several levels deep', () => {
    const { tree } = stepTreeFromSteps([
      step({ id: 'r', children: ['p'] }),
      step({ id: 'p', parent: 'r', parallel: true, children: ['h1', 'h2'] }),
      step({ id: 'h1', parent: 'p', children: ['i1', 'v1'] }),
      step({ id: 'h2', parent: 'p', children: ['i2'] }),
      step({ id: 'i1', parent: 'h1' }),
      step({ id: 'v1', parent: 'h1' }),
      step({ id: 'i2', parent: 'h2' }),
    ]);
    expect(tree && shape(tree)).toEqual({ r: [{ p: [{ h1: ['i1', 'v1'] }, { h2: ['i2'] }] }] });
    expect(tree && countSteps(tree)).toBe(7);
  });

  it('prefers the root the change names, and finds one without it', () => {
    const steps = [step({ id: 'x', children: ['y'] }), step({ id: 'y', parent: 'x' })];
    expect(stepTreeFromSteps(steps, 'x').tree?.id).toBe('x');
    expect(stepTreeFromSteps(steps).tree?.id).toBe('x');
    expect(stepTreeFromSteps(steps, 'gone').tree?.id).toBe('x');
  });

  it('hangs a step whose parent is missing under the root and reports it, without throwing', () => {
    const { tree, orphans } = stepTreeFromSteps([
      step({ id: 'root', children: ['a'] }),
      step({ id: 'a', parent: 'root' }),
      step({ id: 'lost', parent: 'not-sent' }),
      step({ id: 'lost-child', parent: 'lost' }),
    ]);
    expect(orphans).toEqual(['lost']);
    expect(tree && shape(tree)).toEqual({ root: ['a', { lost: ['lost-child'] }] });
  });

  it('attaches a second parentless step to the root as an orphan', () => {
    const { tree, orphans } = stepTreeFromSteps([step({ id: 'root' }), step({ id: 'other' })], 'root');
    expect(orphans).toEqual(['other']);
    expect(tree && shape(tree)).toEqual({ root: ['other'] });
  });

  it('links a child that only names its parent (a child appended while the parent runs)', () => {
    const { tree, orphans } = stepTreeFromSteps([
      step({ id: 'root', children: ['a'] }),
      step({ id: 'a', parent: 'root' }),
      step({ id: 'b', parent: 'root' }),
    ]);
    expect(orphans).toEqual([]);
    expect(tree && shape(tree)).toEqual({ root: ['a', 'b'] });
  });

  it('survives cycles and duplicates: every step appears once', () => {
    const { tree } = stepTreeFromSteps([
      step({ id: 'root', children: ['a', 'a', 'root'] }),
      step({ id: 'a', parent: 'root', children: ['root'] }),
      step({ id: 'a', parent: 'root' }),
      step({ id: 'loop1', parent: 'loop2', children: ['loop2'] }),
      step({ id: 'loop2', parent: 'loop1', children: ['loop1'] }),
    ]);
    expect(tree && countSteps(tree)).toBe(4);
  });

  it('takes steps flattened by the API module too (child_ids, parent_id)', () => {
    const flat = (id: string, child_ids: string[], parent_id: string | null) => ({
      id,
      name: id,
      action: id,
      status_code: 'running',
      started_at: null,
      finished_at: null,
      child_execution_strategy: 'parallel' as const,
      child_ids,
      parent_id,
    });
    const { tree, orphans } = stepTreeFromSteps(
      [flat('root', ['a', 'b'], null), flat('a', [], 'root'), flat('b', [], 'root'), flat('stray', [], null)],
      'root',
    );
    expect(tree && shape(tree)).toEqual({ root: ['a', 'b', 'stray'] });
    expect(tree?.childExecution).toBe('parallel');
    expect(orphans).toEqual(['stray']);
  });

  it('answers null for no steps', () => {
    expect(stepTreeFromSteps([])).toEqual({ tree: null, orphans: [] });
  });

  it('names a step after its action when it has no name, shows the action when it differs, marks wait steps', () => {
    const { tree } = stepTreeFromSteps([
      step({ id: 'root', name: null, action: 'deploy', children: ['h', 'w'] }),
      step({ id: 'h', name: 'host-1', action: 'provision_host', parent: 'root' }),
      step({ id: 'w', name: 'wait_for_confirmation', action: 'opschain_wait_step_1', parent: 'root' }),
    ]);
    expect(tree).toMatchObject({ name: 'deploy', kind: 'action', detail: undefined });
    expect(tree?.children[0]).toMatchObject({ name: 'host-1', detail: 'provision_host' });
    expect(tree?.children[1]?.kind).toBe('wait');
  });
});

describe('statuses', () => {
  // A failed sequential change: the failed step, its earlier sibling done, the later ones aborted.
  const failed = stepTreeFromSteps([
    step({ id: 'failing', status: 'error', children: ['prepare', 'migrate', 'restart', 'cleanup'] }),
    step({ id: 'prepare', parent: 'failing', status: 'success' }),
    step({ id: 'migrate', parent: 'failing', status: 'error' }),
    step({ id: 'restart', parent: 'failing', status: 'aborted' }),
    step({ id: 'cleanup', parent: 'failing', status: 'aborted' }),
  ]).tree;

  it('counts the statuses of a subtree, aborted siblings after a failure included', () => {
    expect(failed && countByStatus(failed)).toEqual({ error: 2, success: 1, aborted: 2 });
  });

  it('rolls up the most telling status: failed before waiting before running before pending and done', () => {
    const parallel = stepTreeFromSteps([
      step({ id: 'p', status: 'running', parallel: true, children: ['a', 'b', 'c'] }),
      step({ id: 'a', parent: 'p', status: 'success' }),
      step({ id: 'b', parent: 'p', status: 'waiting_for_approval' }),
      step({ id: 'c', parent: 'p', status: 'pending' }),
    ]).tree;
    expect(parallel && rollUpStatus(parallel)).toBe('waiting_for_approval');
    const aborted = failed?.children[2];
    expect(aborted && rollUpStatus(aborted)).toBe('aborted');
    expect(failed?.children[0] && rollUpStatus(failed.children[0])).toBe('success');
    const nested = stepTreeFromSteps([
      step({ id: 'r', status: 'running', children: ['x'] }),
      step({ id: 'x', parent: 'r', status: 'running', children: ['y'] }),
      step({ id: 'y', parent: 'x', status: 'error' }),
    ]).tree;
    expect(nested && rollUpStatus(nested)).toBe('error');
  });

  it('groups statuses, and an unknown status shows as sent', () => {
    expect(statusGroup('rejected')).toBe('failed');
    expect(statusGroup('waiting')).toBe('waiting');
    expect(statusGroup('continued')).toBe('success');
    expect(statusGroup('aborted')).toBe('stopped');
    expect(statusGroup('skipped')).toBe('unknown');
    expect(statusLabel('waiting_for_approval')).toBe('Waiting for approval');
    expect(statusLabel('skipped')).toBe('skipped');
  });
});
