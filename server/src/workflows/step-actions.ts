/**
 * What people do to workflow run steps (domain §9.4): continue a wait step, approve or reject an approval
 * step, flag `skip_on_retry`. The rules are those of change steps (§7.5):
 *
 * - acting needs execute permission on `<project>/workflow_runs`; approving and rejecting also needs the caller
 *   to be listed in the step's `requires_approval_from` (comma list), by username or through a group;
 * - refused → 403, with the body the spec documents for approve/reject (its `status` member says 422);
 * - a step not waiting for that action → 422 `Cannot approve step because it is in the "…" state`. Approval
 *   steps wait in `waiting_for_approval` and plain wait steps in `waiting`, so approving a plain wait step or
 *   continuing an approval step is such a 422 too;
 * - the state change is a conditional UPDATE, so of two simultaneous approvals exactly one succeeds.
 */
import type { Principal } from '../auth.ts';
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from '../context.ts';
import { approverNames } from '../engine/access.ts';
import { ApiHttpError, forbidden, modelError } from '../errors.ts';
import { isPlainObject, readAttributes } from '../jsonapi.ts';
import { findNodeById } from '../nodes.ts';
import { canExecuteRuns } from './access.ts';
import { cancelRun, refreshRunStatus, setStep } from './engine.ts';
import type { RunStepRow } from './runs.ts';
import { getRun, getRunStep, stepEvent } from './runs.ts';

export type StepOperation = 'continue' | 'approve' | 'reject';

export interface Actor {
  principal: Principal;
  authz: Authorizer;
}

/** `{data: {attributes: {message}}}`, all optional. */
export function readMessage(body: unknown): string | null {
  if (body === undefined || body === null || (isPlainObject(body) && Object.keys(body).length === 0))
    return null;
  const attrs = readAttributes(body, ['message'], { allowEmpty: true });
  const message = attrs.message;
  if (message === undefined || message === null) return null;
  if (typeof message !== 'string') throw modelError('message', 'Message must be a string');
  return message;
}

function projectPathOf(emu: Emulator, step: RunStepRow): string {
  const run = getRun(emu, step.run_id);
  const project = run ? findNodeById(emu, run.project_id) : undefined;
  return project?.path ?? '';
}

function stateError(operation: StepOperation, status: string): ApiHttpError {
  return modelError('base', `Cannot ${operation} step because it is in the "${status}" state`);
}

/** The 403 of approve and reject, shaped as the spec's example (body status 422, code "model error"). */
function notPermitted(operation: 'approve' | 'reject'): ApiHttpError {
  return new ApiHttpError(403, [
    {
      status: 422,
      code: 'model error',
      title: `You are not permitted to ${operation} this step`,
      source: { pointer: '/data/attributes/base' },
    },
  ]);
}

function isListed(principal: Principal, requiresApprovalFrom: string | null): boolean {
  const names = approverNames(requiresApprovalFrom);
  return names.includes(principal.username) || principal.groups.some((g) => names.includes(g));
}

const RECORD_COLUMN = { continue: 'continued_by', approve: 'approved_by', reject: 'rejected_by' } as const;
const WAITING_STATE = {
  continue: 'waiting',
  approve: 'waiting_for_approval',
  reject: 'waiting_for_approval',
} as const;
const FINAL_STATE = { continue: 'continued', approve: 'approved', reject: 'rejected' } as const;

/**
 * Checks permission (recording `api:workflow_steps:<op>:denied` when refused, outside any transaction so the
 * record stays), then applies the operation in one transaction. Returns the updated step.
 */
export function operateOnStep(
  emu: Emulator,
  actor: Actor,
  step: RunStepRow,
  operation: StepOperation,
  message: string | null,
): RunStepRow {
  const mayExecute = canExecuteRuns(actor.authz, projectPathOf(emu, step));
  if (operation === 'continue') {
    if (!mayExecute) throw forbidden('You are not permitted to continue this step');
  } else {
    if (step.type !== 'workflow_wait_step' || step.requires_approval_from === null)
      throw stateError(operation, step.status_code);
    if (!mayExecute || !isListed(actor.principal, step.requires_approval_from)) {
      emu.tx(() => {
        stepEvent(emu, step, `${operation}:denied`, actor.principal.username);
      });
      throw notPermitted(operation);
    }
  }
  return emu.tx(() => {
    const now = emu.now();
    const record = JSON.stringify({ username: actor.principal.username, message });
    const column = RECORD_COLUMN[operation];
    const changed = emu
      .sql(
        `UPDATE workflow_steps SET status_code = ?, ${column} = json_insert(${column}, '$[#]', json(?)), finished_at = ?,
           lock_version = lock_version + 1, updated_at = ?
         WHERE id = ? AND type = 'workflow_wait_step' AND status_code = ?`,
      )
      .run(FINAL_STATE[operation], record, now, now, step.id, WAITING_STATE[operation]).changes;
    const fresh = getRunStep(emu, step.id);
    if (!fresh) throw stateError(operation, step.status_code);
    if (changed !== 1) throw stateError(operation, fresh.status_code);
    stepEvent(emu, fresh, operation === 'reject' ? 'cancel' : 'success', actor.principal.username);
    const run = getRun(emu, fresh.run_id);
    // A rejected approval cancels the whole run (domain §9.3).
    if (run && operation === 'reject') cancelRun(emu, run, actor.principal.username, fresh.id);
    else if (run) refreshRunStatus(emu, run);
    return getRunStep(emu, step.id) ?? fresh;
  });
}

export function setSkipOnRetry(emu: Emulator, actor: Actor, step: RunStepRow, body: unknown): RunStepRow {
  const attrs = readAttributes(body, ['skip_on_retry']);
  const value = attrs.skip_on_retry;
  if (value !== true && value !== false)
    throw modelError('skip_on_retry', 'Skip on retry must be true or false');
  if (!canExecuteRuns(actor.authz, projectPathOf(emu, step)))
    throw forbidden('You are not permitted to change this step');
  return emu.tx(() => {
    setStep(emu, step.id, { skip_on_retry: value ? 1 : 0 });
    return getRunStep(emu, step.id) ?? step;
  });
}
