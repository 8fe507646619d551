import type { StepTreeNode } from '@contract/workflow';
import { describe, expect, it } from 'vitest';
import { workflowRunTree } from './workflow-run-tree';

const shape: StepTreeNode = {
  id: 'root',
  name: 'release',
  type: 'workflow_noop_step',
  child_execution_strategy: 'sequential',
  children: [
    {
      id: 'c1',
      name: 'deploy',
      type: 'workflow_change_step',
      action: 'deploy',
      target: '/projects/bank/assets/web',
      children: [],
    },
    { id: 'w1', name: 'sign off', type: 'workflow_wait_step', children: [] },
    { id: 'n1', name: 'child', type: 'workflow_workflow_step', target: 'other', children: [] },
  ],
};

describe('workflowRunTree', () => {
  it('joins statuses and times by id and marks steps not yet created as pending', () => {
    const tree = workflowRunTree(shape, [
      { id: 'root', status_code: 'running', started_at: '2026-01-01T00:00:00Z', finished_at: null },
      {
        id: 'c1',
        status_code: 'success',
        started_at: '2026-01-01T00:00:00Z',
        finished_at: '2026-01-01T00:01:00Z',
      },
      { id: 'w1', status_code: 'waiting_for_approval', started_at: null, finished_at: null },
    ]);
    expect(tree.status).toBe('running');
    expect(tree.children.map((node) => node.status)).toEqual(['success', 'waiting_for_approval', 'pending']);
    expect(tree.children[0]?.finished_at).toBe('2026-01-01T00:01:00Z');
  });

  it('names each kind and describes change and workflow steps', () => {
    const tree = workflowRunTree(shape, []);
    expect(tree.kind).toBeUndefined();
    expect(tree.childExecution).toBe('sequential');
    expect(tree.children.map((node) => [node.kind, node.detail])).toEqual([
      ['change', 'deploy on /projects/bank/assets/web'],
      ['wait', undefined],
      ['workflow', 'other'],
    ]);
  });
});
