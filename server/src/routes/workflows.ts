import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { forbidden, modelError, notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { readAttributes, type Resource } from '../jsonapi.ts';
import type { NodeRow } from '../nodes.ts';
import {
  canReadWorkflows,
  canUpdateWorkflows,
  recordApiEvent,
  resolveWorkflowProject,
} from '../workflows/access.ts';
import {
  CREATE_ATTRIBUTES,
  prepareVersion,
  UPDATE_ATTRIBUTES,
  wantsValidationOnly,
  type PreparedVersion,
} from '../workflows/save.ts';
import {
  findVersion,
  findWorkflow,
  insertVersion,
  latestPublished,
  latestVersion,
  serializeVersion,
  versionHasRuns,
  workflowHasRuns,
  workflowResource,
  workflowUrl,
  type VersionRow,
  type WorkflowRow,
} from '../workflows/store.ts';

// Routes of domain §9.1 (spec checklist rows 77–80). Every one answers 404 for a missing or unreadable
// project or workflow, then 422 "Unsupported project type" on Standard projects.

const WORKFLOWS = '/api/projects/:project_code/workflows';
const WORKFLOW = `${WORKFLOWS}/:workflow_code`;

interface WorkflowParams {
  project_code: string;
  workflow_code: string;
}

export const WORKFLOW_FILTERS: FilterSchema = {
  id: { sql: 'w.id', type: 'string' },
  code: { sql: 'w.code', type: 'string' },
  name: { sql: 'v.name', type: 'string' },
  description: { sql: 'v.description', type: 'string' },
  draft: { sql: 'v.draft', type: 'boolean' },
  archived: { sql: 'w.archived', type: 'boolean' },
  created_by: { sql: 'w.created_by', type: 'string' },
  created_at: { sql: 'w.created_at', type: 'datetime' },
  updated_at: { sql: 'max(w.updated_at, v.updated_at)', type: 'datetime' },
  latest_version: { sql: 'v.version', type: 'number' },
  latest_published_version: {
    sql: '(SELECT MAX(p.version) FROM workflow_versions p WHERE p.workflow_id = w.id AND p.draft = 0 AND p.archived = 0)',
    type: 'number',
  },
};

const VERSION_FILTERS: FilterSchema = {
  id: { sql: 'v.id', type: 'string' },
  version: { sql: 'v.version', type: 'number' },
  name: { sql: 'v.name', type: 'string' },
  description: { sql: 'v.description', type: 'string' },
  draft: { sql: 'v.draft', type: 'boolean' },
  archived: { sql: 'v.archived', type: 'boolean' },
  created_by: { sql: 'v.created_by', type: 'string' },
  created_at: { sql: 'v.created_at', type: 'datetime' },
  updated_at: { sql: 'v.updated_at', type: 'datetime' },
};

/** A workflow the caller can read, or 404 as if it did not exist. */
function readableWorkflow(
  emu: Emulator,
  authz: Authorizer,
  params: WorkflowParams,
): { project: NodeRow; workflow: WorkflowRow } {
  const project = resolveWorkflowProject(emu, authz, params.project_code);
  const workflow = canReadWorkflows(authz, project.path)
    ? findWorkflow(emu, project.id, params.workflow_code)
    : undefined;
  if (!workflow)
    throw notFound(
      'Workflow',
      `Couldn't find Workflow with code ${params.workflow_code} in project ${project.code}`,
    );
  return { project, workflow };
}

function requireUpdate(authz: Authorizer, project: NodeRow): void {
  if (!canUpdateWorkflows(authz, project.path))
    throw forbidden(`You are not permitted to change the workflows of ${project.path}`);
}

function showWorkflow(emu: Emulator, workflow: WorkflowRow, project: NodeRow): Resource {
  const fresh = findWorkflow(emu, project.id, workflow.code) ?? workflow;
  const resource = workflowResource(emu, fresh, project.code);
  if (!resource) throw notFound('Workflow', `Couldn't find Workflow with code ${workflow.code}`);
  return resource;
}

/** `meta` of a request that only validated: nothing was stored; the definition as it would have been. */
function validationMeta(prepared: PreparedVersion): Record<string, unknown> {
  return { validate: true, valid: true, steps: prepared.steps, source_yaml: prepared.sourceYaml };
}

function parseVersionNumber(raw: string): number | undefined {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

function readableVersion(
  emu: Emulator,
  authz: Authorizer,
  params: WorkflowParams & { version: string },
): { project: NodeRow; workflow: WorkflowRow; version: VersionRow } {
  const { project, workflow } = readableWorkflow(emu, authz, params);
  const number = parseVersionNumber(params.version);
  const version = number === undefined ? undefined : findVersion(emu, workflow.id, number);
  if (!version)
    throw notFound(
      'WorkflowVersion',
      `Couldn't find WorkflowVersion ${params.version} of workflow ${workflow.code}`,
    );
  return { project, workflow, version };
}

/** Removes a workflow that never ran, with its versions and the schedules that would start it. */
function deleteWorkflow(emu: Emulator, workflow: WorkflowRow): void {
  emu.sql('DELETE FROM scheduled_activities WHERE workflow_id = ?').run(workflow.id);
  emu.sql('DELETE FROM workflow_versions WHERE workflow_id = ?').run(workflow.id);
  emu.sql('DELETE FROM workflows WHERE id = ?').run(workflow.id);
}

function listWorkflows(emu: Emulator, req: FastifyRequest, project: NodeRow): Resource[] {
  const filter = compileFilter(queryOf(req.url), WORKFLOW_FILTERS, {
    defaultOrder: 'w.created_at ASC, w.id ASC',
  });
  const rows = emu
    .sql(
      `SELECT w.* FROM workflows w
         JOIN workflow_versions v ON v.workflow_id = w.id
          AND v.version = (SELECT MAX(x.version) FROM workflow_versions x WHERE x.workflow_id = w.id)
        WHERE w.project_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(project.id, ...filter.params) as WorkflowRow[];
  return rows
    .map((w) => workflowResource(emu, w, project.code))
    .filter((r): r is Resource => r !== undefined);
}

function listVersions(
  emu: Emulator,
  req: FastifyRequest,
  workflow: WorkflowRow,
  project: NodeRow,
): Resource[] {
  const filter = compileFilter(queryOf(req.url), VERSION_FILTERS, { defaultOrder: 'v.version ASC' });
  const rows = emu
    .sql(
      `SELECT v.* FROM workflow_versions v WHERE v.workflow_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(workflow.id, ...filter.params) as VersionRow[];
  return rows.map((v) => serializeVersion(v, workflow.code, project.code));
}

export function workflowRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get<{ Params: { project_code: string } }>(WORKFLOWS, (req) => {
    const { authz } = callerOf(req);
    const project = resolveWorkflowProject(emu, authz, req.params.project_code);
    // No read permission on <project>/workflows: the collection looks empty, as unreadable records are absent.
    const data = canReadWorkflows(authz, project.path) ? listWorkflows(emu, req, project) : [];
    return { data, meta: { partial_response: false } };
  });

  app.post<{ Params: { project_code: string } }>(WORKFLOWS, (req, reply) => {
    const { authz, principal } = callerOf(req);
    const project = resolveWorkflowProject(emu, authz, req.params.project_code);
    const attrs = readAttributes(req.body, CREATE_ATTRIBUTES);
    requireUpdate(authz, project);
    const ctx = { emu, authz, project, username: principal.username };
    if (wantsValidationOnly(req.body))
      return reply.status(200).send({ meta: validationMeta(prepareVersion(ctx, attrs)) });
    const workflow = emu.tx(() => {
      const prepared = prepareVersion(ctx, attrs);
      const id = emu.newId();
      const now = emu.now();
      emu
        .sql(
          `INSERT INTO workflows (id, project_id, code, archived, next_version, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
        )
        .run(id, project.id, prepared.code, prepared.archived === true ? 1 : 0, principal.username, now, now);
      const row = findWorkflow(emu, project.id, prepared.code);
      if (!row) throw new Error('workflow vanished after insert');
      insertVersion(emu, row, { ...prepared, createdBy: principal.username });
      return row;
    });
    const data = showWorkflow(emu, workflow, project);
    recordApiEvent(emu, req, 'api:workflows:create', {
      type: 'workflow',
      id: workflow.id,
      path: workflowUrl(project.code, workflow.code),
    });
    return reply.status(201).send({ data });
  });

  app.get<{ Params: WorkflowParams }>(WORKFLOW, (req) => {
    const { authz } = callerOf(req);
    const { project, workflow } = readableWorkflow(emu, authz, req.params);
    return { data: showWorkflow(emu, workflow, project) };
  });

  app.patch<{ Params: WorkflowParams }>(WORKFLOW, (req, reply) => {
    const { authz, principal } = callerOf(req);
    const { project, workflow } = readableWorkflow(emu, authz, req.params);
    const attrs = readAttributes(req.body, UPDATE_ATTRIBUTES);
    requireUpdate(authz, project);
    const latest = latestVersion(emu, workflow.id);
    if (!latest) throw notFound('Workflow', `Couldn't find Workflow with code ${workflow.code}`);
    const ctx = { emu, authz, project, username: principal.username, existing: { workflow, latest } };
    if (wantsValidationOnly(req.body))
      return reply.status(200).send({ meta: validationMeta(prepareVersion(ctx, attrs)) });
    emu.tx(() => {
      const prepared = prepareVersion(ctx, attrs);
      insertVersion(emu, workflow, { ...prepared, createdBy: principal.username });
      if (prepared.archived !== undefined) {
        emu
          .sql('UPDATE workflows SET archived = ?, updated_at = ? WHERE id = ?')
          .run(prepared.archived ? 1 : 0, emu.now(), workflow.id);
      }
    });
    const data = showWorkflow(emu, workflow, project);
    recordApiEvent(emu, req, 'api:workflows:update', {
      type: 'workflow',
      id: workflow.id,
      path: workflowUrl(project.code, workflow.code),
    });
    return { data };
  });

  // Deletes a workflow that never ran; one that did is archived instead (it stays, with its runs).
  app.delete<{ Params: WorkflowParams }>(WORKFLOW, (req, reply) => {
    const { authz } = callerOf(req);
    const { project, workflow } = readableWorkflow(emu, authz, req.params);
    requireUpdate(authz, project);
    emu.tx(() => {
      if (workflowHasRuns(emu, workflow.id)) {
        emu.sql('UPDATE workflows SET archived = 1, updated_at = ? WHERE id = ?').run(emu.now(), workflow.id);
      } else deleteWorkflow(emu, workflow);
    });
    return reply.status(204).send();
  });

  // ---- versions

  app.get<{ Params: WorkflowParams }>(`${WORKFLOW}/versions`, (req) => {
    const { authz } = callerOf(req);
    const { project, workflow } = readableWorkflow(emu, authz, req.params);
    return { data: listVersions(emu, req, workflow, project) };
  });

  // Deletes every draft; refused (422) while the workflow has no published version, which would leave nothing.
  app.delete<{ Params: WorkflowParams }>(`${WORKFLOW}/versions`, (req, reply) => {
    const { authz } = callerOf(req);
    const { project, workflow } = readableWorkflow(emu, authz, req.params);
    requireUpdate(authz, project);
    emu.tx(() => {
      if (!latestPublished(emu, workflow.id)) {
        throw modelError(
          'base',
          'The draft versions cannot be deleted because the workflow has no published version',
        );
      }
      emu.sql('DELETE FROM workflow_versions WHERE workflow_id = ? AND draft = 1').run(workflow.id);
      emu.sql('UPDATE workflows SET updated_at = ? WHERE id = ?').run(emu.now(), workflow.id);
    });
    return reply.status(204).send();
  });

  app.get<{ Params: WorkflowParams & { version: string } }>(`${WORKFLOW}/versions/:version`, (req) => {
    const { authz } = callerOf(req);
    const { project, workflow, version } = readableVersion(emu, authz, req.params);
    return { data: serializeVersion(version, workflow.code, project.code) };
  });

  // Deletes a version that never ran, else archives it. The last remaining version is never deleted (422):
  // a workflow always has a latest version; delete the workflow instead.
  app.delete<{ Params: WorkflowParams & { version: string } }>(
    `${WORKFLOW}/versions/:version`,
    (req, reply) => {
      const { authz } = callerOf(req);
      const { project, workflow, version } = readableVersion(emu, authz, req.params);
      requireUpdate(authz, project);
      emu.tx(() => {
        const now = emu.now();
        if (versionHasRuns(emu, version.id)) {
          emu
            .sql('UPDATE workflow_versions SET archived = 1, updated_at = ? WHERE id = ?')
            .run(now, version.id);
        } else {
          const count = emu
            .sql('SELECT COUNT(*) AS n FROM workflow_versions WHERE workflow_id = ?')
            .get(workflow.id) as { n: number };
          if (count.n <= 1)
            throw modelError(
              'base',
              'The only version of a workflow cannot be deleted; delete the workflow instead',
            );
          emu.sql('DELETE FROM scheduled_activities WHERE workflow_version_id = ?').run(version.id);
          emu.sql('DELETE FROM workflow_versions WHERE id = ?').run(version.id);
        }
        emu.sql('UPDATE workflows SET updated_at = ? WHERE id = ?').run(now, workflow.id);
      });
      return reply.status(204).send();
    },
  );
}
