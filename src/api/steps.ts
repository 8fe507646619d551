import { stepDocumentSchema, type StepAttributes, type StepResource } from '@contract/change';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { changeKeys } from './changes';
import { isApiError } from './errors';
import { fetchDocument, flatten, type Flat } from './json-api';

// Steps of changes (domain §7.2, §7.5): `GET /api/steps/{id}`, and the decisions a person makes on one —
// approve / reject (`waiting_for_approval`), continue (`waiting`) — plus `skip_on_retry` on a failed step.
// Bodies are as the contract writes them: `{data: {attributes: {message}}}`, message optional.

export type Step = Flat<StepAttributes, unknown>;

export type StepDecision = 'approve' | 'reject' | 'continue';

export const stepKeys = {
  all: ['steps'] as const,
  details: () => [...stepKeys.all, 'detail'] as const,
  detail: (id: string) => [...stepKeys.details(), id] as const,
};

const stepPath = (id: string) => `/steps/${encodeURIComponent(id)}`;
const toStep = (resource: StepResource): Step => flatten(resource);

export async function getStep(id: string, signal?: AbortSignal): Promise<Step> {
  const document = await fetchDocument(stepDocumentSchema, stepPath(id), { signal });
  return toStep(document.data);
}

export const stepQuery = (id: string) =>
  queryOptions({ queryKey: stepKeys.detail(id), queryFn: ({ signal }) => getStep(id, signal) });

export interface StepDecisionInput {
  stepId: string;
  decision: StepDecision;
  /** Recorded with the decision (`approved_by[].message`); blank means none. */
  message?: string | undefined;
}

/**
 * What became of a decision: `done` with the step as the server answered, or `not_waiting` when the step had
 * stopped waiting (someone else approved, rejected or continued it first, or the change was cancelled): the
 * step as it is now (null when it could not be read again), to say "Already approved by alice".
 */
export type StepDecisionResult =
  { outcome: 'done'; step: Step } | { outcome: 'not_waiting'; step: Step | null };

function decisionBody(message: string | undefined): { data: { attributes: { message?: string } } } {
  const text = message?.trim() ?? '';
  return { data: { attributes: text === '' ? {} : { message: text } } };
}

/**
 * Approves, rejects or continues a step. The server answers 422 when the step is not waiting (any more):
 * that is a `not_waiting` result, not an error. 403 (not an approver, no execute permission), 404 and
 * network failures are thrown.
 */
export async function decideStep({
  stepId,
  decision,
  message,
}: StepDecisionInput): Promise<StepDecisionResult> {
  try {
    const document = await fetchDocument(stepDocumentSchema, `${stepPath(stepId)}/${decision}`, {
      method: 'POST',
      body: decisionBody(message),
    });
    return { outcome: 'done', step: toStep(document.data) };
  } catch (error) {
    if (!isApiError(error, 422)) throw error;
    const step = await getStep(stepId).catch(() => null);
    return { outcome: 'not_waiting', step };
  }
}

export interface SkipOnRetryInput {
  stepId: string;
  skip: boolean;
}

/** Flags (or unflags) a failed step to be skipped when the change is run again. */
export async function setSkipOnRetry({ stepId, skip }: SkipOnRetryInput): Promise<Step> {
  const document = await fetchDocument(stepDocumentSchema, stepPath(stepId), {
    method: 'PATCH',
    body: { data: { attributes: { skip_on_retry: skip } } },
  });
  return toStep(document.data);
}

/** A decision on a step changes the step, its change (status, approvals) and the lists showing either. */
function refreshAfterStepUpdate(
  queryClient: QueryClient,
  step: Step | null,
  stepId: string,
): Promise<unknown> {
  if (step !== null) queryClient.setQueryData(stepKeys.detail(stepId), step);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: stepKeys.all }),
    queryClient.invalidateQueries({ queryKey: changeKeys.all }),
  ]);
}

export function useDecideStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideStep,
    onSuccess: (result, { stepId }) => refreshAfterStepUpdate(queryClient, result.step, stepId),
  });
}

export function useSetSkipOnRetry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setSkipOnRetry,
    onSuccess: (step, { stepId }) => refreshAfterStepUpdate(queryClient, step, stepId),
  });
}
