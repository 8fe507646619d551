import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { forbidden, modelError, modelErrors } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { readAttributes, type Resource } from '../jsonapi.ts';
import type { NodeRow } from '../nodes.ts';
import { ASSET_OWNER_PREFIXES, findNodeByPath, resolveOwner } from '../nodes.ts';
import { canExecuteRuns, resolveWorkflowProject, unsupportedProjectType } from '../workflows/access.ts';
import { cancelRun, installWorkflowEngine, runBlockers } from '../workflows/engine.ts';
import {
  routeRun,
  routeWorkflow,
  runVisibility,
  visibleRun,
  type NestedRunParams,
} from '../workflows/lookup.ts';
import type { RunRow } from '../workflows/runs.ts';
import {
  createRun,
  getRun,
  includedVersions,
  RUN_TERMINAL,
  serializeRun,
  showRunDocument,
} from '../workflows/runs.ts';
import type { WorkflowRow } from '../workflows/store.ts';
import { findWorkflow, latestPublished } from '../workflows/store.ts';

// Workflow runs (domain §9.3; spec checklist rows 63–66): list, start, show and cancel, globally and per
// workflow; plus the project's and an asset's runs (§2.1). Starting a run records api:workflow_runs:create
// (createRun); the engine records start/success/error/cancel.

const NESTED = '/api/projects/:project_code/workflows/:workflow_code/runs';

export const RUN_FILTERS: FilterSchema = {
  id: { sql: 'r.id', type: 'string' },
  status_code: { sql: 'r.status_code', type: 'string' },
  created_by: { sql: 'r.created_by', type: 'string' },
  created_at: { sql: 'r.created_at', type: 'datetime' },
  started_at: { sql: 'r.started_at', type: 'datetime' },
  finished_at: { sql: 'r.finished_at', type: 'datetime' },
  updated_at: { sql: 'r.updated_at', type: 'datetime' },
  scheduled: { sql: 'r.scheduled', type: 'boolean' },
  metadata: { sql: 'r.metadata', type: 'json' },
  workflow_id: { sql: 'r.workflow_id', type: 'string' },
  workflow_code: { sql: 'w.code', type: 'string' },
  workflow_name: { sql: 'v.name', type: 'string' },
  workflow_version: { sql: 'v.version', type: 'number' },
  project_code: { sql: 'p.code', type: 'string' },
  project_name: { sql: 'p.name', type: 'string' },
  parent_workflow_step_id: { sql: 'r.parent_workflow_step_id', type: 'string' },
};

interface Scope {
  sql: string;
  params: unknown[];
}

/** Runs in scope, filtered and sorted in SQL, then cut to those the caller may see. */
function listRuns(
  emu: Emulator,
  authz: Authorizer,
  req: FastifyRequest,
  scope: Scope,
): { data: Resource[]; included: Resource[]; meta: Record<string, unknown> } {
  const filter = compileFilter(queryOf(req.url), RUN_FILTERS, {
    defaultOrder: 'r.created_at ASC, r.seq ASC',
  });
  const rows = emu
    .sql(
      `SELECT r.* FROM workflow_runs r
         JOIN workflows w ON w.id = r.workflow_id
         JOIN workflow_versions v ON v.id = r.workflow_version_id
         JOIN nodes p ON p.id = r.project_id
        WHERE (${scope.sql}) AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(...scope.params, ...filter.params) as RunRow[];
  const visible = runVisibility(emu, authz);
  const runs = rows.filter((r) => visible(r.project_id));
  return {
    data: runs.map((r) => serializeRun(emu, r)),
    included: includedVersions(emu, runs),
    meta: { partial_response: false },
  };
}

/** `meta` of a shown run: whether runs of one workflow may overlap, and what keeps a pending run waiting. */
function showMeta(emu: Emulator, run: RunRow): Record<string, unknown> {
  const blockers = runBlockers(emu, run);
  return {
    parallel_workflows_allowed: blockers.parallelAllowed,
    blocked_by_same_workflow_running: blockers.running,
    blocked_by_queue: blockers.queue,
  };
}

function showRun(emu: Emulator, run: RunRow): { data: Resource; included: Resource[] } {
  const fresh = getRun(emu, run.id) ?? run;
  return showRunDocument(emu, fresh, showMeta(emu, fresh));
}

/** Starts a run of the workflow's latest published version, as `created_by` the caller. */
function startRun(
  emu: Emulator,
  authz: Authorizer,
  username: string,
  project: NodeRow,
  workflow: WorkflowRow,
): RunRow {
  if (!canExecuteRuns(authz, project.path))
    throw forbidden(`You are not permitted to run workflows in ${project.path}`);
  return emu.tx(() => {
    if (workflow.archived === 1) throw modelError('base', `The "${workflow.code}" workflow is archived`);
    const version = latestPublished(emu, workflow.id);
    if (!version) throw modelError('base', `The "${workflow.code}" workflow has no published version to run`);
    const id = createRun(emu, { workflow, version, createdBy: username });
    const run = getRun(emu, id);
    if (!run) throw new Error('run vanished after insert');
    return run;
  });
}

function created(emu: Emulator, run: RunRow): { data: Resource; included: Resource[] } {
  // The create answer carries an empty meta, as the spec's example does.
  return showRunDocument(emu, run, {});
}

function cancel(emu: Emulator, authz: Authorizer, username: string, run: RunRow, project: NodeRow): void {
  if (!canExecuteRuns(authz, project.path))
    throw forbidden(`You are not permitted to cancel workflow runs in ${project.path}`);
  emu.tx(() => {
    const fresh = getRun(emu, run.id);
    if (!fresh) return;
    if (RUN_TERMINAL.has(fresh.status_code)) {
      throw modelError(
        'base',
        `Cannot cancel workflow run because it is in the "${fresh.status_code}" state`,
      );
    }
    cancelRun(emu, fresh, username);
  });
}

export function workflowRunRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  installWorkflowEngine(emu);

  app.get('/api/workflow_runs', (req) => {
    const { authz } = callerOf(req);
    return listRuns(emu, authz, req, { sql: '1=1', params: [] });
  });

  app.post('/api/workflow_runs', (req, reply) => {
    const { authz, principal } = callerOf(req);
    const attrs = readAttributes(req.body, ['project_code', 'workflow_code']);
    const problems = (['project_code', 'workflow_code'] as const)
      .filter((k) => typeof attrs[k] !== 'string' || attrs[k].trim() === '')
      .map((k) => ({
        field: k,
        title: `${k === 'project_code' ? 'Project' : 'Workflow'} code can't be blank`,
      }));
    if (problems.length > 0) throw modelErrors(problems);
    const projectCode = String(attrs.project_code);
    const workflowCode = String(attrs.workflow_code);
    const project = findNodeByPath(emu, `/projects/${projectCode}`);
    if (project?.kind === 'project' && authz.canRead(project.path) && project.project_type !== 'Enterprise')
      throw unsupportedProjectType();
    const workflow =
      project && authz.canRead(project.path) ? findWorkflow(emu, project.id, workflowCode) : undefined;
    if (!project || !workflow) {
      throw modelError(
        'base',
        `The "${workflowCode}" workflow does not exist in the "${projectCode}" project`,
      );
    }
    const run = startRun(emu, authz, principal.username, project, workflow);
    return reply.status(201).send(created(emu, run));
  });

  app.get<{ Params: { run_id: string } }>('/api/workflow_runs/:run_id', (req) => {
    const { authz } = callerOf(req);
    return showRun(emu, visibleRun(emu, authz, req.params.run_id).run);
  });

  app.delete<{ Params: { run_id: string } }>(
    '/api/workflow_runs/:run_id',
    { config: { event: 'api:workflow_runs:destroy' } },
    (req, reply) => {
      const { authz, principal } = callerOf(req);
      const { run, project } = visibleRun(emu, authz, req.params.run_id);
      cancel(emu, authz, principal.username, run, project);
      return reply.status(204).send();
    },
  );

  // ---- per workflow

  app.get<{ Params: { project_code: string; workflow_code: string } }>(NESTED, (req) => {
    const { authz } = callerOf(req);
    const { workflow } = routeWorkflow(emu, authz, req.params);
    return listRuns(emu, authz, req, { sql: 'r.workflow_id = ?', params: [workflow.id] });
  });

  app.post<{ Params: { project_code: string; workflow_code: string } }>(NESTED, (req, reply) => {
    const { authz, principal } = callerOf(req);
    const { project, workflow } = routeWorkflow(emu, authz, req.params);
    // The workflow is the URL's; a workflow_code in the body (the spec's schema asks for one) is not used.
    readAttributes(req.body, ['workflow_code']);
    const run = startRun(emu, authz, principal.username, project, workflow);
    return reply.status(201).send(created(emu, run));
  });

  app.get<{ Params: NestedRunParams }>(`${NESTED}/:run_id`, (req) => {
    const { authz } = callerOf(req);
    return showRun(emu, routeRun(emu, authz, req.params).run);
  });

  app.delete<{ Params: NestedRunParams }>(
    `${NESTED}/:run_id`,
    { config: { event: 'api:workflow_runs:destroy' } },
    (req, reply) => {
      const { authz, principal } = callerOf(req);
      const { run, project } = routeRun(emu, authz, req.params);
      cancel(emu, authz, principal.username, run, project);
      return reply.status(204).send();
    },
  );

  // ---- a project's runs (all its workflows) and an asset's runs (runs with a change step on the asset)

  app.get<{ Params: { project_code: string } }>('/api/projects/:project_code/workflow_runs', (req) => {
    const { authz } = callerOf(req);
    const project = resolveWorkflowProject(emu, authz, req.params.project_code);
    return listRuns(emu, authz, req, { sql: 'r.project_id = ?', params: [project.id] });
  });

  for (const prefix of ASSET_OWNER_PREFIXES) {
    app.get(`${prefix}/workflow_runs`, (req) => {
      const { authz } = callerOf(req);
      const asset = resolveOwner(emu, authz, req.params);
      return listRuns(emu, authz, req, {
        sql: 'r.id IN (SELECT s.run_id FROM workflow_steps s WHERE s.target_node_id = ?)',
        params: [asset.id],
      });
    });
  }
}
