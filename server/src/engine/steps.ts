import type { StepAttributes } from '@contract/change.ts';
import type { Principal } from '../auth.ts';
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from '../context.ts';
import type { Resource } from '../jsonapi.ts';
import { toMany } from '../jsonapi.ts';
import { canExecuteChanges, mayApprove } from './access.ts';
import { approve, changeSelfLink, continueWait, reject, setStep, stepEvent } from './lifecycle.ts';
import type { StepView } from './store.ts';
import { getStep, parseRecords, parseStringArray } from './store.ts';

/** The columns of a step (with its change's) that its resource is made of (`STEP_RESOURCE_COLUMNS`). */
export type SerializableStep = Pick<
  StepView,
  | 'id'
  | 'change_id'
  | 'parent_id'
  | 'action'
  | 'name'
  | 'step_type'
  | 'child_execution_strategy'
  | 'requires_approval_from'
  | 'approved_by'
  | 'rejected_by'
  | 'continued_by'
  | 'skip_on_retry'
  | 'status_code'
  | 'created_at'
  | 'started_at'
  | 'finished_at'
  | 'updated_at'
  | 'node_path'
  | 'change_properties_versions'
>;

/** The step resource as the API answers it; `continue`/`approve`/`reject` links only while the step waits for them. */
export function serializeStep(step: SerializableStep, children: readonly string[]): Resource {
  const self = `/api/steps/${step.id}`;
  const links: Record<string, string> = {};
  if (step.status_code === 'waiting') links.continue = `${self}/continue`;
  if (step.status_code === 'waiting_for_approval') {
    links.approve = `${self}/approve`;
    links.reject = `${self}/reject`;
  }
  links.parent = step.parent_id === null ? `/api/changes/${step.change_id}` : `/api/steps/${step.parent_id}`;
  links.change = changeSelfLink(step.node_path, step.change_id);
  links.log_lines = `${self}/log_lines`;
  links.self = self;
  const versions = step.started_at === null ? [] : parseStringArray(step.change_properties_versions);
  return {
    id: step.id,
    type: 'step',
    // `satisfies` the console's attributes, so a serialiser change the console cannot read fails `tsc`.
    attributes: {
      approved_by: parseRecords(step.approved_by),
      rejected_by: parseRecords(step.rejected_by),
      continued_by: parseRecords(step.continued_by),
      requires_approval_from: step.requires_approval_from,
      action: step.action,
      name: step.name,
      step_type: step.step_type,
      child_execution_strategy: step.child_execution_strategy,
      change_id: step.change_id,
      skip_on_retry: step.skip_on_retry === 1,
      created_at: step.created_at,
      started_at: step.started_at,
      finished_at: step.finished_at,
      updated_at: step.updated_at,
      status_code: step.status_code,
    } satisfies StepAttributes,
    relationships: {
      children: toMany('step', children),
      change: { data: { type: 'change', id: step.change_id } },
      properties_versions: toMany('properties_version', versions),
    },
    links,
  };
}

export type StepOperation = 'approve' | 'reject' | 'continue';

export type StepOperationResult =
  | { outcome: 'done' }
  | { outcome: 'wrong_state'; status: string }
  | { outcome: 'forbidden' }
  | { outcome: 'missing' };

const WAITS_FOR: Record<StepOperation, string> = {
  approve: 'waiting_for_approval',
  reject: 'waiting_for_approval',
  continue: 'waiting',
};

/**
 * Approves, rejects or continues a step in one transaction, so of two simultaneous approvals exactly one
 * succeeds (the other sees the step no longer waiting). The state is checked before the permission: acting on
 * a step that does not wait for it is a 422 whoever asks (spec: approving a running step). A refused approval
 * is recorded as `api:steps:approve:denied`.
 */
export function operateOnStep(
  emu: Emulator,
  stepId: string,
  op: StepOperation,
  caller: { principal: Principal; authz: Authorizer },
  nodePath: string,
  message: string | null,
): StepOperationResult {
  return emu.tx(() => {
    const step = getStep(emu, stepId);
    if (!step) return { outcome: 'missing' };
    if (step.status_code !== WAITS_FOR[op]) return { outcome: 'wrong_state', status: step.status_code };
    const allowed =
      op === 'continue'
        ? canExecuteChanges(caller.authz, nodePath)
        : mayApprove(caller.principal, caller.authz, nodePath, step.requires_approval_from);
    if (!allowed) {
      if (op === 'approve') stepEvent(emu, step, 'approve:denied', caller.principal.username);
      return { outcome: 'forbidden' };
    }
    const t = emu.clock.now();
    if (op === 'approve') approve(emu, step, caller.principal.username, message, t);
    else if (op === 'reject') reject(emu, step, caller.principal.username, message, t);
    else continueWait(emu, step, caller.principal.username, message, t);
    return { outcome: 'done' };
  });
}

/** PATCH {skip_on_retry}: only the flag changes. */
export function setSkipOnRetry(emu: Emulator, stepId: string, skip: boolean): void {
  emu.tx(() => {
    setStep(emu, stepId, emu.clock.now(), { skip_on_retry: skip ? 1 : 0 });
  });
}
