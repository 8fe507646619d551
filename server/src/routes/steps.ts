/**
 * Change steps (domain §7.2, §7.5, checklist rows 48–52): list, show, `skip_on_retry`, continue, approve and
 * reject. A step is visible when its change is (else 404).
 *
 * - approve/reject: 422 unless the step is `waiting_for_approval`; then 403 unless the caller is named in
 *   `requires_approval_from` (as a user or through a group) and may execute changes on the node. The 403 body
 *   is the documented one, whose error object says `status: 422`.
 * - continue: 422 unless the step is `waiting`; then 403 (standard body) without execute on `<node>/changes`.
 * - PATCH needs execute on `<node>/changes` (403), accepts only `{skip_on_retry: boolean}` in any state.
 * - Optional `{data: {attributes: {message}}}` bodies are recorded in approved_by/rejected_by/continued_by.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { ApiHttpError, forbidden, modelError, notFound, parameterMissing } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { booleanAttr, isPlainObject, readAttributes, stringAttr } from '../jsonapi.ts';
import { canExecuteChanges, canSeeChange } from '../engine/access.ts';
import { operateOnStep, serializeStep, setSkipOnRetry, type StepOperation } from '../engine/steps.ts';
import type { StepView } from '../engine/store.ts';
import { childIds, getStepView, STEP_VIEW_COLUMNS, STEP_VIEW_FROM } from '../engine/store.ts';

const STEP_FILTERS: FilterSchema = {
  id: { sql: 's.id', type: 'string' },
  action: { sql: 's.action', type: 'string' },
  name: { sql: 's.name', type: 'string' },
  status_code: { sql: 's.status_code', type: 'string' },
  change_id: { sql: 's.change_id', type: 'string' },
  step_type: { sql: 's.step_type', type: 'string' },
  child_execution_strategy: { sql: 's.child_execution_strategy', type: 'string' },
  requires_approval_from: { sql: 's.requires_approval_from', type: 'string' },
  skip_on_retry: { sql: 's.skip_on_retry', type: 'boolean' },
  parent_id: { sql: 's.parent_id', type: 'string' },
  created_at: { sql: 's.created_at', type: 'datetime' },
  started_at: { sql: 's.started_at', type: 'datetime' },
  finished_at: { sql: 's.finished_at', type: 'datetime' },
  updated_at: { sql: 's.updated_at', type: 'datetime' },
};

function paramOf(params: unknown, key: string): string {
  const value = isPlainObject(params) ? params[key] : undefined;
  return typeof value === 'string' ? value : '';
}

export function visibleStep(emu: Emulator, authz: Authorizer, id: string): StepView {
  const step = getStepView(emu, id);
  if (!step || !canSeeChange(authz, step.node_path, step.change_action)) {
    throw notFound('Step', `Couldn't find Step with 'id'=${id}`);
  }
  return step;
}

function stepDocument(emu: Emulator, id: string) {
  const step = getStepView(emu, id);
  if (!step) throw notFound('Step', `Couldn't find Step with 'id'=${id}`);
  return { data: serializeStep(step, childIds(emu, id)) };
}

/** The optional `{data: {attributes: {message}}}` of continue/approve/reject; every level may be left out. */
export function readMessage(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (!isPlainObject(body)) throw parameterMissing('data');
  if (body.data === undefined) return null;
  if (!isPlainObject(body.data)) throw parameterMissing('data');
  if (body.data.attributes === undefined) return null;
  const attrs = readAttributes(body, ['message'], { allowEmpty: true });
  return stringAttr(attrs, 'message') ?? null;
}

/** The 403 OpsChain documents for approve/reject: its error object carries status 422. */
function notPermitted(op: 'approve' | 'reject'): ApiHttpError {
  return new ApiHttpError(403, [
    {
      status: 422,
      code: 'model error',
      title: `You are not permitted to ${op} this step`,
      source: { pointer: '/data/attributes/base' },
    },
  ]);
}

function operate(emu: Emulator, req: FastifyRequest, op: StepOperation) {
  const caller = callerOf(req);
  const message = readMessage(req.body);
  const step = visibleStep(emu, caller.authz, paramOf(req.params, 'step_id'));
  const result = operateOnStep(emu, step.id, op, caller, step.node_path, message);
  switch (result.outcome) {
    case 'missing':
      throw notFound('Step', `Couldn't find Step with 'id'=${step.id}`);
    case 'wrong_state':
      throw modelError('base', `Cannot ${op} step because it is in the "${result.status}" state`);
    case 'forbidden':
      throw op === 'continue' ? forbidden('You are not permitted to continue this step') : notPermitted(op);
    case 'done':
      return stepDocument(emu, step.id);
  }
}

export function stepRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/steps', (req) => {
    const { authz } = callerOf(req);
    const filter = compileFilter(queryOf(req.url), STEP_FILTERS, {
      defaultOrder: 's.created_at ASC, s.sort_key ASC, s.rowid ASC',
    });
    const rows = emu
      .sql(
        `SELECT ${STEP_VIEW_COLUMNS} FROM ${STEP_VIEW_FROM} WHERE (${filter.where}) ORDER BY ${filter.orderBy}`,
      )
      .all(...filter.params) as StepView[];
    const cache = new Map<string, boolean>();
    const visible = rows.filter((s) => {
      const key = `${s.node_path}\u0000${s.change_action}`;
      let ok = cache.get(key);
      if (ok === undefined) {
        ok = canSeeChange(authz, s.node_path, s.change_action);
        cache.set(key, ok);
      }
      return ok;
    });
    return { data: visible.map((s) => serializeStep(s, childIds(emu, s.id))) };
  });

  app.get('/api/steps/:step_id', (req) => {
    const { authz } = callerOf(req);
    const step = visibleStep(emu, authz, paramOf(req.params, 'step_id'));
    return { data: serializeStep(step, childIds(emu, step.id)) };
  });

  app.patch('/api/steps/:step_id', (req) => {
    const { authz } = callerOf(req);
    const step = visibleStep(emu, authz, paramOf(req.params, 'step_id'));
    const attrs = readAttributes(req.body, ['skip_on_retry']);
    const skip = booleanAttr(attrs, 'skip_on_retry');
    if (skip === undefined) throw modelError('skip_on_retry', 'Skip on retry must be true or false');
    if (!canExecuteChanges(authz, step.node_path))
      throw forbidden('You are not permitted to update this step');
    setSkipOnRetry(emu, step.id, skip);
    return stepDocument(emu, step.id);
  });

  app.post('/api/steps/:step_id/continue', (req) => operate(emu, req, 'continue'));
  app.post('/api/steps/:step_id/approve', (req) => operate(emu, req, 'approve'));
  app.post('/api/steps/:step_id/reject', (req) => operate(emu, req, 'reject'));
}
