import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import type { Resource } from '../jsonapi.ts';
import {
  routeRun,
  routeStep,
  runVisibility,
  visibleStep,
  type NestedRunParams,
} from '../workflows/lookup.ts';
import type { RunStepRow } from '../workflows/runs.ts';
import { getRunStep, serializeRunSteps } from '../workflows/runs.ts';
import { operateOnStep, readMessage, setSkipOnRetry, type StepOperation } from '../workflows/step-actions.ts';

// Workflow run steps (domain §9.4; spec checklist rows 67–76): list and show, globally and per run;
// continue / approve / reject; PATCH skip_on_retry. The rules of who may act are in workflows/step-actions.ts.

const RUN_STEPS = '/api/projects/:project_code/workflows/:workflow_code/runs/:run_id/steps';

const STEP_FILTERS: FilterSchema = {
  id: { sql: 's.id', type: 'string' },
  type: { sql: 's.type', type: 'string' },
  name: { sql: 's.name', type: 'string' },
  status_code: { sql: 's.status_code', type: 'string' },
  action: { sql: 's.action', type: 'string' },
  requires_approval_from: { sql: 's.requires_approval_from', type: 'string' },
  lock_version: { sql: 's.lock_version', type: 'number' },
  skip_on_retry: { sql: 's.skip_on_retry', type: 'boolean' },
  created_by: { sql: 's.created_by', type: 'string' },
  created_at: { sql: 's.created_at', type: 'datetime' },
  started_at: { sql: 's.started_at', type: 'datetime' },
  finished_at: { sql: 's.finished_at', type: 'datetime' },
  updated_at: { sql: 's.updated_at', type: 'datetime' },
  workflow_run_id: { sql: 's.run_id', type: 'string' },
  change_id: { sql: 's.change_id', type: 'string' },
  target: { sql: 's.target_path', type: 'string' },
  code: { sql: 's.code', type: 'string' },
  workflow_code: { sql: 'w.code', type: 'string' },
  project_code: { sql: 'p.code', type: 'string' },
};

function listSteps(emu: Emulator, authz: Authorizer, req: FastifyRequest, runId: string | null): Resource[] {
  const filter = compileFilter(queryOf(req.url), STEP_FILTERS, { defaultOrder: 'r.seq ASC, s.sort_key ASC' });
  const rows = emu
    .sql(
      `SELECT s.*, r.project_id AS project_id FROM workflow_steps s
         JOIN workflow_runs r ON r.id = s.run_id
         JOIN workflows w ON w.id = r.workflow_id
         JOIN nodes p ON p.id = r.project_id
        WHERE (? IS NULL OR s.run_id = ?) AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(runId, runId, ...filter.params) as (RunStepRow & { project_id: string })[];
  const visible = runVisibility(emu, authz);
  return serializeRunSteps(
    emu,
    rows.filter((s) => visible(s.project_id)),
  );
}

function one(emu: Emulator, step: RunStepRow): { data: Resource } {
  const fresh = getRunStep(emu, step.id) ?? step;
  const [data] = serializeRunSteps(emu, [fresh]);
  if (!data) throw new Error('serializeRunSteps returned nothing');
  return { data };
}

const OPERATIONS: readonly StepOperation[] = ['continue', 'approve', 'reject'];

export function workflowStepRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/workflow_steps', (req) => {
    const { authz } = callerOf(req);
    return { data: listSteps(emu, authz, req, null) };
  });

  app.get<{ Params: { step_id: string } }>('/api/workflow_steps/:step_id', (req) => {
    const { authz } = callerOf(req);
    return one(emu, visibleStep(emu, authz, req.params.step_id));
  });

  app.patch<{ Params: { step_id: string } }>(
    '/api/workflow_steps/:step_id',
    { config: { event: 'api:workflow_steps:update' } },
    (req) => {
      const actor = callerOf(req);
      const step = visibleStep(emu, actor.authz, req.params.step_id);
      return one(emu, setSkipOnRetry(emu, actor, step, req.body));
    },
  );

  app.get<{ Params: NestedRunParams }>(RUN_STEPS, (req) => {
    const { authz } = callerOf(req);
    const { run } = routeRun(emu, authz, req.params);
    return { data: listSteps(emu, authz, req, run.id) };
  });

  app.get<{ Params: NestedRunParams & { step_id: string } }>(`${RUN_STEPS}/:step_id`, (req) => {
    const { authz } = callerOf(req);
    return one(emu, routeStep(emu, authz, req.params));
  });

  for (const operation of OPERATIONS) {
    const config = { config: { event: `api:workflow_steps:${operation}` } };
    app.post<{ Params: { step_id: string } }>(`/api/workflow_steps/:step_id/${operation}`, config, (req) => {
      const actor = callerOf(req);
      const step = visibleStep(emu, actor.authz, req.params.step_id);
      return one(emu, operateOnStep(emu, actor, step, operation, readMessage(req.body)));
    });
    app.post<{ Params: NestedRunParams & { step_id: string } }>(
      `${RUN_STEPS}/:step_id/${operation}`,
      config,
      (req) => {
        const actor = callerOf(req);
        const step = routeStep(emu, actor.authz, req.params);
        return one(emu, operateOnStep(emu, actor, step, operation, readMessage(req.body)));
      },
    );
  }
}
