import type { StepTreeNode as RunShapeNode, WorkflowStepType } from '@contract/workflow';
import type { StepTreeKind, StepTreeNode } from './step-tree';

// A workflow run's `step_tree` (its shape, without statuses) joined with its step resources (statuses and
// times) by id, in the step graph's shape (src/lib/step-tree.ts). A step the answer did not include shows as
// pending: it has not been created yet.

/** What the join needs of a run step. */
export interface RunStepFacts {
  id: string;
  status_code: string;
  started_at: string | null;
  finished_at: string | null;
}

const KINDS: Record<WorkflowStepType, StepTreeKind | undefined> = {
  workflow_noop_step: undefined,
  workflow_change_step: 'change',
  workflow_wait_step: 'wait',
  workflow_workflow_step: 'workflow',
};

function detailOf(node: RunShapeNode): string | undefined {
  if (node.type === 'workflow_change_step') {
    const action = node.action ?? '';
    return node.target === undefined ? action : `${action} on ${node.target}`;
  }
  if (node.type === 'workflow_workflow_step') return node.target;
  return undefined;
}

/** The run's tree with each node's status from its step; linear in the number of nodes. */
export function workflowRunTree(shape: RunShapeNode, steps: readonly RunStepFacts[]): StepTreeNode {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const build = (node: RunShapeNode): StepTreeNode => {
    const step = byId.get(node.id);
    return {
      id: node.id,
      name: node.name,
      status: step?.status_code ?? 'pending',
      started_at: step?.started_at ?? null,
      finished_at: step?.finished_at ?? null,
      childExecution: node.child_execution_strategy ?? 'sequential',
      children: node.children.map(build),
      kind: KINDS[node.type],
      detail: detailOf(node),
    };
  };
  return build(shape);
}
