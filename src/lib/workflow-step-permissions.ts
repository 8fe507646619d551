import { isTerminalStatus } from '@contract/change';
import type { NodeAuthorisations } from '@contract/node';
import {
  approverNames,
  describeApprovers,
  isListedApprover,
  type Asker,
  type Verdict,
} from './step-permissions';

// What the signed-in user may do with a workflow run's wait step, and why not: the rules of change steps
// (src/lib/step-permissions.ts), with execute on the project's workflow runs
// (`meta.authorisations.workflow_runs.execute`) in place of execute on the target's changes.

export type WorkflowStepAction = 'approve' | 'reject' | 'continue';

export interface WorkflowStepVerdictInput {
  step: { status_code: string; requires_approval_from: string | null };
  asker: Asker;
  /** The project's `meta.authorisations`; null while unknown. */
  authorisations: NodeAuthorisations | null;
  groupNames?: ReadonlySet<string>;
}

/** Why the asker may not act on the project's workflow runs, or null when they may. */
export function runExecuteVerdict(authorisations: NodeAuthorisations | null): Verdict {
  if (authorisations === null) return 'Checking your permissions on this project…';
  return authorisations.workflow_runs?.execute === true
    ? null
    : 'You may not execute workflow runs in this project';
}

/** For each wait-step action, null when the asker may perform it, else why not. */
export function workflowStepVerdicts(input: WorkflowStepVerdictInput): Record<WorkflowStepAction, Verdict> {
  const { step, asker, authorisations, groupNames = new Set<string>() } = input;
  let decision: Verdict;
  if (step.status_code !== 'waiting_for_approval') decision = 'The step is not waiting for approval';
  else if (isListedApprover(asker, step.requires_approval_from) === false) {
    const names = approverNames(step.requires_approval_from);
    decision =
      names.length === 0
        ? 'The step names no approvers'
        : `Requires approval from ${describeApprovers(names, groupNames)}`;
  } else decision = runExecuteVerdict(authorisations);
  return {
    approve: decision,
    reject: decision,
    continue: step.status_code === 'waiting' ? runExecuteVerdict(authorisations) : 'The step is not waiting',
  };
}

/** Null when the asker may cancel the run, else why not. */
export function cancelRunVerdict(status: string, authorisations: NodeAuthorisations | null): Verdict {
  if (isTerminalStatus(status)) return 'The run has finished';
  return runExecuteVerdict(authorisations);
}
