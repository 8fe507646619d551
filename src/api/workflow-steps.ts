import { flattenWorkflowStep, workflowStepDocumentSchema, type WorkflowStep } from '@contract/workflow';
import { isApiError } from './errors';
import { fetchDocument } from './json-api';

// Deciding workflow wait steps (domain §9.4): `POST /api/workflow_steps/{id}/approve|reject|continue` with
// the optional `{data: {attributes: {message}}}`. Approving ends the step `approved`, rejecting `rejected`
// (and cancels the run), continuing `continued`. Answers: 200 the step; 403 not permitted (its body says
// status 422); 404 not visible; 422 `Cannot approve step because it is in the "approved" state` when the step
// no longer waits (someone else was quicker). The shape of the result follows change steps (src/api/steps.ts).

export type WorkflowStepDecision = 'approve' | 'reject' | 'continue';

const stepPath = (id: string) => `/workflow_steps/${encodeURIComponent(id)}`;

export async function getWorkflowStep(id: string, signal?: AbortSignal): Promise<WorkflowStep> {
  const document = await fetchDocument(workflowStepDocumentSchema, stepPath(id), { signal });
  return flattenWorkflowStep(document.data);
}

/** The request body the contract documents; a blank message is sent as none. */
export function decisionBody(message: string | undefined): { data: { attributes: { message?: string } } } {
  const text = message?.trim() ?? '';
  return { data: { attributes: text === '' ? {} : { message: text } } };
}

export interface WorkflowStepDecisionInput {
  stepId: string;
  decision: WorkflowStepDecision;
  /** Recorded with the decision; blank means none. */
  message?: string | undefined;
}

/**
 * `done` with the step as the server answered, or `not_waiting` when the step had stopped waiting: the step
 * as it is now (null when it could not be read again), to say "Already approved by alice".
 */
export type WorkflowStepDecisionResult =
  { outcome: 'done'; step: WorkflowStep } | { outcome: 'not_waiting'; step: WorkflowStep | null };

/**
 * Approves, rejects or continues a workflow wait step. A 422 (the step no longer waits) is a `not_waiting`
 * result; 403, 404 and network failures are thrown.
 */
export async function decideWorkflowStep({
  stepId,
  decision,
  message,
}: WorkflowStepDecisionInput): Promise<WorkflowStepDecisionResult> {
  try {
    const document = await fetchDocument(workflowStepDocumentSchema, `${stepPath(stepId)}/${decision}`, {
      method: 'POST',
      body: decisionBody(message),
    });
    return { outcome: 'done', step: flattenWorkflowStep(document.data) };
  } catch (error) {
    if (!isApiError(error, 422)) throw error;
    const step = await getWorkflowStep(stepId).catch(() => null);
    return { outcome: 'not_waiting', step };
  }
}
