import { alreadyDecidedMessage } from '@/lib/step-permissions';
import type { DecisionResult, InboxDecision, InboxItem } from './approvals';
import { errorText, isApiError } from './errors';
import { decideStep } from './steps';
import { decideWorkflowStep } from './workflow-steps';

// Deciding inbox items through the change step or workflow step API (src/api/steps.ts, workflow-steps.ts).

export interface DecideInboxItemInput {
  item: Pick<InboxItem, 'id' | 'source'>;
  decision: InboxDecision;
  message?: string;
}

function refusal(error: unknown): DecisionResult {
  if (isApiError(error, 404))
    return { outcome: 'refused', message: 'The step no longer exists, or you may no longer see it.' };
  if (isApiError(error)) return { outcome: 'refused', message: error.errors.map(errorText).join('; ') };
  return { outcome: 'refused', message: error instanceof Error ? error.message : 'The request failed.' };
}

/**
 * Approves, rejects or continues one inbox item through the change step or workflow step API; never throws
 * (the result says what happened, so one failure in a bulk decision loses nothing else).
 */
export async function decideInboxItem({
  item,
  decision,
  message,
}: DecideInboxItemInput): Promise<DecisionResult> {
  try {
    const result =
      item.source === 'workflow'
        ? await decideWorkflowStep({ stepId: item.id, decision, message })
        : await decideStep({ stepId: item.id, decision, message });
    if (result.outcome === 'done') return { outcome: 'done' };
    // Only wait steps can have been decided; any other type means the id now names something else.
    const step = result.step !== null && 'approved_by' in result.step ? result.step : null;
    return { outcome: 'already-decided', message: alreadyDecidedMessage(step) };
  } catch (error) {
    return refusal(error);
  }
}
