import {
  flattenWorkflowStep,
  workflowStepDocumentSchema,
  type WorkflowStep,
  type WorkflowWaitStepAttributes,
} from '@contract/workflow';
import { errorText, isApiError } from './errors';
import { fetchDocument } from './json-api';

// Deciding workflow wait steps (domain §9.4): `POST /api/workflow_steps/{id}/approve|reject|continue` with
// the optional `{data: {attributes: {message}}}`. Approving ends the step `approved`, rejecting `rejected`
// (and cancels the run), continuing `continued`. Answers: 200 the step; 403 not permitted (its body says
// status 422); 404 not visible; 422 `Cannot approve step because it is in the "approved" state` when someone
// else was quicker. That 422 is read back as "already decided by X" by asking for the step again.

export type WorkflowStepDecision = 'approve' | 'reject' | 'continue';

/** What became of one decision, in words a person can act on. */
export type DecisionResult =
  | { outcome: 'done' }
  /** Someone (`by`, when known) decided first; `decision` is what they did. */
  | { outcome: 'already-decided'; by: string | null; decision: string; message: string }
  /** The server refused (not permitted, gone, unreachable), with its reason. */
  | { outcome: 'refused'; message: string };

/** The request body the contract documents; a blank message is sent as none. */
export function decisionBody(message: string | undefined): { data: { attributes: { message?: string } } } {
  const text = message?.trim() ?? '';
  return { data: { attributes: text === '' ? {} : { message: text } } };
}

const WRONG_STATE = /because it is in the "([^"]+)" state/;

const PAST_TENSE: Record<string, string> = {
  approved: 'approved',
  rejected: 'rejected',
  continued: 'continued',
  queued: 'approved',
  success: 'continued',
  cancelled: 'cancelled',
};

/** Who decided a wait step, from its records: the latest approval, rejection or continuation. */
export function decidedBy(
  step: Pick<WorkflowWaitStepAttributes, 'approved_by' | 'rejected_by' | 'continued_by'>,
): { by: string; decision: string } | null {
  const records = [
    ...(step.approved_by ?? []).map((record) => ({ by: record.username, decision: 'approved' })),
    ...(step.rejected_by ?? []).map((record) => ({ by: record.username, decision: 'rejected' })),
    ...(step.continued_by ?? []).map((record) => ({ by: record.username, decision: 'continued' })),
  ];
  return records.at(-1) ?? null;
}

/** "Already approved by approver", or without a name when the server does not say. */
export function alreadyDecidedMessage(by: string | null, decision: string): string {
  return by === null ? `Already ${decision} by someone else` : `Already ${decision} by ${by}`;
}

export async function getWorkflowStep(id: string, signal?: AbortSignal): Promise<WorkflowStep> {
  const document = await fetchDocument(
    workflowStepDocumentSchema,
    `/workflow_steps/${encodeURIComponent(id)}`,
    {
      signal,
    },
  );
  return flattenWorkflowStep(document.data);
}

async function whoDecided(id: string, state: string): Promise<{ by: string | null; decision: string }> {
  const fallback = { by: null, decision: PAST_TENSE[state] ?? `moved on (${state})` };
  try {
    const step = await getWorkflowStep(id);
    if (step.type !== 'workflow_wait_step') return fallback;
    return decidedBy(step) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Turns a failed decision into its result; `lookUp` finds who was quicker after a wrong-state 422. */
export async function failedDecision(
  error: unknown,
  lookUp: (state: string) => Promise<{ by: string | null; decision: string }>,
): Promise<DecisionResult> {
  if (isApiError(error, 422)) {
    const state = error.errors.map((entry) => WRONG_STATE.exec(errorText(entry))?.[1]).find(Boolean);
    if (state !== undefined) {
      const { by, decision } = await lookUp(state);
      return { outcome: 'already-decided', by, decision, message: alreadyDecidedMessage(by, decision) };
    }
  }
  if (isApiError(error, 404)) {
    return { outcome: 'refused', message: 'The step no longer exists, or you may no longer see it.' };
  }
  if (isApiError(error)) return { outcome: 'refused', message: error.errors.map(errorText).join('; ') };
  return { outcome: 'refused', message: error instanceof Error ? error.message : 'The request failed.' };
}

export interface DecideWorkflowStepInput {
  id: string;
  decision: WorkflowStepDecision;
  message?: string;
}

/** Approves, rejects or continues a workflow wait step; never throws (the result says what happened). */
export async function decideWorkflowStep({
  id,
  decision,
  message,
}: DecideWorkflowStepInput): Promise<DecisionResult> {
  try {
    await fetchDocument(workflowStepDocumentSchema, `/workflow_steps/${encodeURIComponent(id)}/${decision}`, {
      method: 'POST',
      body: decisionBody(message),
    });
    return { outcome: 'done' };
  } catch (error) {
    return failedDecision(error, (state) => whoDecided(id, state));
  }
}
