import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { forbidden, modelErrors, notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { isPlainObject, readAttributes, type Resource } from '../jsonapi.ts';
import type { NodeRow } from '../nodes.ts';
import {
  ALL_OWNER_PREFIXES,
  capabilities,
  findNodeById,
  findNodeByPath,
  isEnterprise,
  resolveOwner,
  serializeNodes,
} from '../nodes.ts';
import { recordApiEvent, unsupportedProjectType } from '../workflows/access.ts';
import {
  cronProblem,
  ENABLED_EXPRESSION,
  findSchedule,
  installScheduler,
  nextRunMs,
  parentIds,
  SCHEDULE_COLUMNS,
  SCHEDULE_FROM,
  scheduleSelfLink,
  serializeSchedule,
  type ScheduleView,
} from '../workflows/schedules.ts';
import { findWorkflow, latestPublished } from '../workflows/store.ts';
import { isoFromMs } from '../engine/logs.ts';

// Scheduled activities (domain §10; spec checklist rows 5 and 6): create, list (include=parents), show and
// delete, at /api/scheduled_activities and under every node. Reading needs read on
// <node>/scheduled_activities (else the schedule is absent: 404); creating and deleting need update there.

const PERMITTED = [
  'action',
  'workflow_code',
  'project_code',
  'environment_code',
  'asset_code',
  'parent_path',
  'git_remote_name',
  'git_rev',
  'cron_schedule',
  'new_commits_only',
  'repeat',
  'metadata',
] as const;

export const SCHEDULE_FILTERS: FilterSchema = {
  id: { sql: 's.id', type: 'string' },
  type: { sql: 's.kind', type: 'string' },
  cron_schedule: { sql: 's.cron_schedule', type: 'string' },
  repeat: { sql: 's.repeat', type: 'boolean' },
  enabled: { sql: ENABLED_EXPRESSION, type: 'boolean' },
  next_run_at: { sql: `(CASE WHEN ${ENABLED_EXPRESSION} = 1 THEN s.next_run_at END)`, type: 'datetime' },
  created_at: { sql: 's.created_at', type: 'datetime' },
  updated_at: { sql: 's.updated_at', type: 'datetime' },
  created_by: { sql: 's.created_by', type: 'string' },
  action: { sql: 's.action', type: 'string' },
  new_commits_only: { sql: 's.new_commits_only', type: 'boolean' },
  git_rev: { sql: 's.git_rev', type: 'string' },
  git_remote_name: { sql: 's.git_remote_name', type: 'string' },
  workflow_code: { sql: 'w.code', type: 'string' },
  version: { sql: 'wv.version', type: 'number' },
  metadata: { sql: 's.metadata', type: 'json' },
  parent_path: { sql: 'n.path', type: 'string' },
  project_code: { sql: 'p.code', type: 'string' },
  project_name: { sql: 'p.name', type: 'string' },
  environment_code: { sql: 'e.code', type: 'string' },
  environment_name: { sql: 'e.name', type: 'string' },
  asset_code: { sql: "(CASE WHEN n.kind = 'asset' THEN n.code END)", type: 'string' },
  asset_name: { sql: "(CASE WHEN n.kind = 'asset' THEN n.name END)", type: 'string' },
};

interface Problem {
  field: string;
  title: string;
}

const canRead = (authz: Authorizer, path: string): boolean =>
  authz.may(path, '/scheduled_activities', 'read');
const canUpdate = (authz: Authorizer, path: string): boolean =>
  authz.may(path, '/scheduled_activities', 'update');

function wantsParents(req: FastifyRequest): boolean {
  const include = queryOf(req.url).get('include') ?? '';
  return include
    .split(',')
    .map((s) => s.trim())
    .includes('parents');
}

function includedParents(emu: Emulator, authz: Authorizer, schedules: readonly ScheduleView[]): Resource[] {
  const ids = [...new Set(schedules.flatMap((s) => parentIds(s).map((p) => p.id)))];
  const nodes = ids
    .map((id) => findNodeById(emu, id))
    .filter((n): n is NodeRow => n !== undefined && authz.canRead(n.path));
  return serializeNodes(emu, authz, nodes);
}

function listSchedules(emu: Emulator, authz: Authorizer, req: FastifyRequest, owner: NodeRow | null) {
  const filter = compileFilter(queryOf(req.url), SCHEDULE_FILTERS, {
    defaultOrder: 's.created_at ASC, s.id ASC',
  });
  const scope = owner ? 's.node_id = ?' : '1=1';
  const scopeParams = owner ? [owner.id] : [];
  const visible = (s: { node_path: string }): boolean => canRead(authz, s.node_path);
  const all = emu
    .sql(`SELECT n.path AS node_path FROM ${SCHEDULE_FROM} WHERE ${scope}`)
    .all(...scopeParams) as { node_path: string }[];
  const rows = (
    emu
      .sql(
        `SELECT ${SCHEDULE_COLUMNS} FROM ${SCHEDULE_FROM} WHERE ${scope} AND (${filter.where}) ORDER BY ${filter.orderBy}`,
      )
      .all(...scopeParams, ...filter.params) as ScheduleView[]
  ).filter(visible);
  return {
    data: rows.map(serializeSchedule),
    ...(wantsParents(req) ? { included: includedParents(emu, authz, rows) } : {}),
    // Whether any schedule exists here before filtering (for empty states).
    meta: { has_any: all.some(visible) },
  };
}

function visibleSchedule(emu: Emulator, authz: Authorizer, id: string, owner: NodeRow | null): ScheduleView {
  const schedule = findSchedule(emu, id);
  if (!schedule || (owner && schedule.node_id !== owner.id) || !canRead(authz, schedule.node_path)) {
    throw notFound('BaseScheduledActivity', `Couldn't find BaseScheduledActivity with 'id'=${id}`);
  }
  return schedule;
}

// ---------------------------------------------------------------------------------------------------------
// Creating

function codePath(attrs: Record<string, unknown>): string {
  let path = `/projects/${String(attrs.project_code)}`;
  if (typeof attrs.environment_code === 'string' && attrs.environment_code !== '')
    path += `/environments/${attrs.environment_code}`;
  if (typeof attrs.asset_code === 'string' && attrs.asset_code !== '') path += `/assets/${attrs.asset_code}`;
  return path;
}

/** The node a top-level create names, by `parent_path` or by codes (not both); 422 when it names none. */
function targetFromBody(emu: Emulator, authz: Authorizer, attrs: Record<string, unknown>): NodeRow {
  const hasCodes = ['project_code', 'environment_code', 'asset_code'].some(
    (k) => attrs[k] !== undefined && attrs[k] !== null,
  );
  const parentPath = attrs.parent_path;
  if (parentPath !== undefined && parentPath !== null && hasCodes) {
    throw modelErrors([
      {
        field: 'parent_path',
        title: 'Supply either parent_path or project_code (with environment_code, asset_code), not both',
      },
    ]);
  }
  const field = parentPath !== undefined && parentPath !== null ? 'parent_path' : 'project_code';
  const raw = field === 'parent_path' ? parentPath : attrs.project_code;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw modelErrors([
      {
        field,
        title: field === 'parent_path' ? "Parent path can't be blank" : "Project code can't be blank",
      },
    ]);
  }
  for (const key of ['environment_code', 'asset_code']) {
    const value = attrs[key];
    if (value !== undefined && value !== null && typeof value !== 'string')
      throw modelErrors([{ field: key, title: `${key} must be a string` }]);
  }
  const path = field === 'parent_path' ? raw.trim() : codePath(attrs);
  const node = findNodeByPath(emu, path);
  if (!node || !authz.canRead(node.path)) throw modelErrors([{ field, title: `"${path}" does not exist` }]);
  return node;
}

function stringField(
  attrs: Record<string, unknown>,
  key: string,
  problems: Problem[],
  label: string,
): string | null {
  const value = attrs[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push({ field: key, title: `${label} must be a string` });
    return null;
  }
  return value.trim() === '' ? null : value.trim();
}

function booleanField(
  attrs: Record<string, unknown>,
  key: string,
  problems: Problem[],
  label: string,
): boolean | undefined {
  const value = attrs[key];
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  problems.push({ field: key, title: `${label} must be true or false` });
  return undefined;
}

interface NewSchedule {
  kind: 'scheduled_change' | 'scheduled_workflow';
  cron: string;
  repeat: boolean;
  metadata: Record<string, unknown>;
  action: string | null;
  newCommitsOnly: boolean;
  gitRemoteId: string | null;
  gitRemoteName: string | null;
  gitRev: string | null;
  workflowId: string | null;
  workflowVersionId: string | null;
}

/** Validates everything at once (422s with pointers), as OpsChain's model validations do. */
function validate(emu: Emulator, node: NodeRow, attrs: Record<string, unknown>): NewSchedule {
  const problems: Problem[] = [];
  const cron = stringField(attrs, 'cron_schedule', problems, 'Cron schedule');
  if (attrs.cron_schedule === undefined || attrs.cron_schedule === null || cron === null) {
    if (!problems.some((p) => p.field === 'cron_schedule'))
      problems.push({ field: 'cron_schedule', title: "Cron schedule can't be blank" });
  } else {
    const problem = cronProblem(cron, emu.clock.now());
    if (problem) problems.push({ field: 'cron_schedule', title: problem });
  }
  const repeat = booleanField(attrs, 'repeat', problems, 'Repeat');
  if (repeat === undefined && !problems.some((p) => p.field === 'repeat'))
    problems.push({ field: 'repeat', title: "Repeat can't be blank" });
  const metadata = attrs.metadata ?? {};
  if (!isPlainObject(metadata)) problems.push({ field: 'metadata', title: 'Metadata must be a JSON object' });
  const newCommitsOnly = booleanField(attrs, 'new_commits_only', problems, 'New commits only') ?? false;
  const chain = [
    node,
    node.environment_id ? findNodeById(emu, node.environment_id) : undefined,
    node.project_id ? findNodeById(emu, node.project_id) : undefined,
  ];
  const archived = chain.find((n) => n?.archived === 1);
  if (archived)
    problems.push({ field: 'base', title: `Cannot schedule activities in an archived ${archived.kind}` });
  const workflowCode = stringField(attrs, 'workflow_code', problems, 'Workflow code');
  const rest =
    attrs.workflow_code !== undefined && attrs.workflow_code !== null
      ? workflowTarget(emu, node, attrs, workflowCode, newCommitsOnly, problems)
      : changeTarget(emu, node, attrs, problems);
  if (problems.length > 0 || cron === null || repeat === undefined || !isPlainObject(metadata))
    throw modelErrors(problems);
  return { cron, repeat, metadata, newCommitsOnly, ...rest };
}

type Target = Pick<
  NewSchedule,
  'kind' | 'action' | 'gitRemoteId' | 'gitRemoteName' | 'gitRev' | 'workflowId' | 'workflowVersionId'
>;

function changeTarget(
  emu: Emulator,
  node: NodeRow,
  attrs: Record<string, unknown>,
  problems: Problem[],
): Target {
  const action = stringField(attrs, 'action', problems, 'Action');
  if (action === null && !problems.some((p) => p.field === 'action'))
    problems.push({ field: 'action', title: "Action can't be blank" });
  if (!capabilities(node.kind, isEnterprise(emu, node)).can_have_changes) {
    problems.push({
      field: 'base',
      title: '"Standard" projects do not support changes; schedule them on an environment',
    });
  }
  const target: Target = {
    kind: 'scheduled_change',
    action,
    gitRemoteId: null,
    gitRemoteName: null,
    gitRev: null,
    workflowId: null,
    workflowVersionId: null,
  };
  if (node.kind === 'asset') {
    // An asset's template version supplies the repository and revision (spec note 2).
    for (const key of ['git_remote_name', 'git_rev']) {
      if (attrs[key] !== undefined && attrs[key] !== null)
        problems.push({
          field: key,
          title: `${key === 'git_rev' ? 'Git rev' : 'Git remote name'} must not be supplied for assets`,
        });
    }
    return target;
  }
  const remoteName = stringField(attrs, 'git_remote_name', problems, 'Git remote name');
  const gitRev = stringField(attrs, 'git_rev', problems, 'Git rev');
  if (remoteName === null)
    problems.push({ field: 'git_remote_name', title: "Git remote name can't be blank" });
  else {
    const remote = emu
      .sql('SELECT id, name, archived FROM git_remotes WHERE project_id = ? AND name = ?')
      .get(node.kind === 'project' ? node.id : node.project_id, remoteName) as
      { id: string; name: string; archived: number } | undefined;
    if (!remote)
      problems.push({
        field: 'git_remote_name',
        title: `Git remote "${remoteName}" does not exist in this project`,
      });
    else if (remote.archived === 1)
      problems.push({ field: 'git_remote_name', title: `Git remote "${remoteName}" is archived` });
    else Object.assign(target, { gitRemoteId: remote.id, gitRemoteName: remote.name });
  }
  if (gitRev === null) problems.push({ field: 'git_rev', title: "Git rev can't be blank" });
  target.gitRev = gitRev;
  return target;
}

function workflowTarget(
  emu: Emulator,
  node: NodeRow,
  attrs: Record<string, unknown>,
  code: string | null,
  newCommitsOnly: boolean,
  problems: Problem[],
): Target {
  for (const key of ['action', 'git_remote_name', 'git_rev']) {
    if (attrs[key] !== undefined && attrs[key] !== null)
      problems.push({ field: key, title: `${key} must not be supplied for a scheduled workflow` });
  }
  if (newCommitsOnly)
    problems.push({ field: 'new_commits_only', title: 'New commits only applies to scheduled changes only' });
  const target: Target = {
    kind: 'scheduled_workflow',
    action: null,
    gitRemoteId: null,
    gitRemoteName: null,
    gitRev: null,
    workflowId: null,
    workflowVersionId: null,
  };
  if (node.kind !== 'project') {
    problems.push({ field: 'base', title: 'Scheduled workflows belong to a project' });
    return target;
  }
  if (node.project_type !== 'Enterprise') throw unsupportedProjectType();
  if (code === null) {
    if (!problems.some((p) => p.field === 'workflow_code'))
      problems.push({ field: 'workflow_code', title: "Workflow code can't be blank" });
    return target;
  }
  const workflow = findWorkflow(emu, node.id, code);
  const version = workflow?.archived === 0 ? latestPublished(emu, workflow.id) : undefined;
  if (!workflow)
    problems.push({
      field: 'workflow_code',
      title: `The "${code}" workflow does not exist in the "${node.code}" project`,
    });
  else if (workflow.archived === 1)
    problems.push({ field: 'workflow_code', title: `The "${code}" workflow is archived` });
  else if (!version)
    problems.push({
      field: 'workflow_code',
      title: `The "${code}" workflow has no published version to run`,
    });
  else Object.assign(target, { workflowId: workflow.id, workflowVersionId: version.id });
  return target;
}

function insertSchedule(emu: Emulator, node: NodeRow, input: NewSchedule, username: string): string {
  const id = emu.newId();
  const now = emu.now();
  const next = nextRunMs(input.cron, emu.clock.now());
  emu
    .sql(
      `INSERT INTO scheduled_activities (id, kind, node_id, project_id, cron_schedule, repeat, metadata, action,
         new_commits_only, git_remote_id, git_remote_name, git_rev, workflow_id, workflow_version_id, next_run_at,
         next_run_ms, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.kind,
      node.id,
      node.kind === 'project' ? node.id : node.project_id,
      input.cron,
      input.repeat ? 1 : 0,
      JSON.stringify(input.metadata),
      input.action,
      input.newCommitsOnly ? 1 : 0,
      input.gitRemoteId,
      input.gitRemoteName,
      input.gitRev,
      input.workflowId,
      input.workflowVersionId,
      next === null ? null : isoFromMs(next),
      next,
      username,
      now,
      now,
    );
  return id;
}

function create(
  emu: Emulator,
  req: FastifyRequest,
  owner: NodeRow | null,
): { status: number; body: unknown } {
  const { authz, principal } = callerOf(req);
  const attrs = readAttributes(req.body, PERMITTED);
  if (owner) {
    // On a node's own path the node is the parent; naming another one is refused (spec note 1).
    const named = ['parent_path', 'project_code', 'environment_code', 'asset_code'].filter(
      (k) => attrs[k] !== undefined,
    );
    if (named.length > 0) {
      throw modelErrors(
        named.map((field) => ({
          field,
          title: `${field} must not be supplied when creating through a node's scheduled_activities path`,
        })),
      );
    }
  }
  const node = owner ?? targetFromBody(emu, authz, attrs);
  if (!canUpdate(authz, node.path))
    throw forbidden(`You are not permitted to schedule activities in ${node.path}`);
  const id = emu.tx(() => insertSchedule(emu, node, validate(emu, node, attrs), principal.username));
  const schedule = findSchedule(emu, id);
  if (!schedule) throw new Error('schedule vanished after insert');
  recordApiEvent(emu, req, `api:${schedule.kind}s:create`, {
    type: schedule.kind,
    id,
    path: scheduleSelfLink(id),
  });
  return { status: 201, body: { data: serializeSchedule(schedule) } };
}

function remove(emu: Emulator, req: FastifyRequest, id: string, owner: NodeRow | null): void {
  const { authz } = callerOf(req);
  const schedule = visibleSchedule(emu, authz, id, owner);
  if (!canUpdate(authz, schedule.node_path))
    throw forbidden(`You are not permitted to delete scheduled activities of ${schedule.node_path}`);
  emu.tx(() => {
    emu.sql('DELETE FROM scheduled_activities WHERE id = ?').run(id);
    recordApiEvent(emu, req, `api:${schedule.kind}s:destroy`, {
      type: schedule.kind,
      id,
      path: scheduleSelfLink(id),
    });
  });
}

export function scheduledActivityRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  installScheduler(emu);

  app.get('/api/scheduled_activities', (req) => listSchedules(emu, callerOf(req).authz, req, null));

  app.post('/api/scheduled_activities', (req, reply) => {
    const { status, body } = create(emu, req, null);
    return reply.status(status).send(body);
  });

  app.get<{ Params: { id: string } }>('/api/scheduled_activities/:id', (req) => {
    const { authz } = callerOf(req);
    const schedule = visibleSchedule(emu, authz, req.params.id, null);
    return {
      data: serializeSchedule(schedule),
      ...(wantsParents(req) ? { included: includedParents(emu, authz, [schedule]) } : {}),
    };
  });

  app.delete<{ Params: { id: string } }>('/api/scheduled_activities/:id', (req, reply) => {
    remove(emu, req, req.params.id, null);
    return reply.status(204).send();
  });

  for (const prefix of ALL_OWNER_PREFIXES) {
    app.get(`${prefix}/scheduled_activities`, (req) => {
      const { authz } = callerOf(req);
      return listSchedules(emu, authz, req, resolveOwner(emu, authz, req.params));
    });

    app.post(`${prefix}/scheduled_activities`, (req, reply) => {
      const owner = resolveOwner(emu, callerOf(req).authz, req.params);
      const { status, body } = create(emu, req, owner);
      return reply.status(status).send(body);
    });

    app.get<{ Params: { id: string } }>(`${prefix}/scheduled_activities/:id`, (req) => {
      const { authz } = callerOf(req);
      const owner = resolveOwner(emu, authz, req.params);
      const schedule = visibleSchedule(emu, authz, req.params.id, owner);
      return {
        data: serializeSchedule(schedule),
        ...(wantsParents(req) ? { included: includedParents(emu, authz, [schedule]) } : {}),
      };
    });

    app.delete<{ Params: { id: string } }>(`${prefix}/scheduled_activities/:id`, (req, reply) => {
      const owner = resolveOwner(emu, callerOf(req).authz, req.params);
      remove(emu, req, req.params.id, owner);
      return reply.status(204).send();
    });
  }
}
