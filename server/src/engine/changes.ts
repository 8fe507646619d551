import type { ChangeAttributes } from '@contract/change.ts';
import type { Emulator } from '../context.ts';
import { modelErrors } from '../errors.ts';
import type { Relationship, Resource } from '../jsonapi.ts';
import { toMany, toOne } from '../jsonapi.ts';
import type { NodeRow } from '../nodes.ts';
import { capabilities, findNodeById, isEnterprise } from '../nodes.ts';
import { catalogTree, TIMINGS } from './catalog-trees.ts';
import { cancelRun, changeEvent, changeSelfLink } from './lifecycle.ts';
import { isoFromMs } from './logs.ts';
import { serializeStep, type SerializableStep } from './steps.ts';
import type { ChangeView } from './store.ts';
import {
  getChange,
  isTerminal,
  nodeChain,
  parallelChangesAllowed,
  parseObject,
  parseRecords,
} from './store.ts';

export interface NewChange {
  target: NodeRow; // project / environment / asset (from nodes.ts)
  action: string;
  createdBy: string;
  gitRemoteName?: string | null; // non-asset targets
  gitRev?: string | null;
  templateVersion?: string | null; // asset targets may override their template version
  metadata?: Record<string, unknown>;
  propertyOverrides?: Record<string, unknown>;
  scheduled?: boolean;
  workflowRunId?: string | null; // set by workflow change steps
  workflowId?: string | null;
}

interface Problem {
  field: string;
  title: string;
}

interface Source {
  gitRemoteId: string | null;
  gitRemoteName: string | null;
  gitRev: string | null;
  templateVersionId: string | null;
}

function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

function targetProblems(emu: Emulator, target: NodeRow, action: string): Problem[] {
  const problems: Problem[] = [];
  if (blank(action)) problems.push({ field: 'action', title: "Action can't be blank" });
  if (!capabilities(target.kind, isEnterprise(emu, target)).can_have_changes) {
    problems.push({
      field: 'base',
      title: '"Standard" projects do not support changes; run them on an environment',
    });
  }
  const archived = nodeChain(emu, target).find((n) => n.archived === 1);
  if (archived)
    problems.push({ field: 'base', title: `Cannot create a change in an archived ${archived.kind}` });
  return problems;
}

/** Non-asset targets run from one of the project's Git remotes at a revision. */
function remoteSource(emu: Emulator, target: NodeRow, input: NewChange, problems: Problem[]): Source {
  if (!blank(input.templateVersion)) {
    problems.push({
      field: 'template_version',
      title: 'Template version can only be supplied for asset changes',
    });
  }
  const projectId = target.kind === 'project' ? target.id : (target.project_id ?? '');
  let remote: { id: string; name: string; archived: number } | undefined;
  if (blank(input.gitRemoteName))
    problems.push({ field: 'git_remote_name', title: "Git remote name can't be blank" });
  else {
    remote = emu
      .sql('SELECT id, name, archived FROM git_remotes WHERE project_id = ? AND name = ?')
      .get(projectId, input.gitRemoteName) as typeof remote;
    if (!remote)
      problems.push({
        field: 'git_remote_name',
        title: `Git remote "${input.gitRemoteName ?? ''}" does not exist in this project`,
      });
    else if (remote.archived === 1)
      problems.push({ field: 'git_remote_name', title: `Git remote "${remote.name}" is archived` });
  }
  if (blank(input.gitRev)) problems.push({ field: 'git_rev', title: "Git rev can't be blank" });
  return {
    gitRemoteId: remote?.id ?? null,
    gitRemoteName: remote?.name ?? null,
    gitRev: input.gitRev ?? null,
    templateVersionId: null,
  };
}

/** Asset targets run from their template version (or the one named by `template_version`). */
function templateSource(emu: Emulator, target: NodeRow, input: NewChange, problems: Problem[]): Source {
  if (input.gitRemoteName !== undefined && input.gitRemoteName !== null) {
    problems.push({
      field: 'git_remote_name',
      title: 'Git remote name must not be supplied for asset changes',
    });
  }
  if (input.gitRev !== undefined && input.gitRev !== null) {
    problems.push({ field: 'git_rev', title: 'Git rev must not be supplied for asset changes' });
  }
  let tv: { id: string; git_rev: string; archived: number; state: string } | undefined;
  if (!blank(input.templateVersion)) {
    tv = emu
      .sql('SELECT id, git_rev, archived, state FROM template_versions WHERE template_id = ? AND version = ?')
      .get(target.template_id, input.templateVersion) as typeof tv;
    const name = input.templateVersion ?? '';
    if (!tv)
      problems.push({
        field: 'template_version',
        title: `Template version "${name}" does not exist for this asset's template`,
      });
    else if (tv.archived === 1)
      problems.push({ field: 'template_version', title: `Template version "${name}" is archived` });
    else if (tv.state !== 'ready')
      problems.push({ field: 'template_version', title: `Template version "${name}" is not ready yet` });
  } else {
    tv = emu
      .sql('SELECT id, git_rev, archived, state FROM template_versions WHERE id = ?')
      .get(target.template_version_id) as typeof tv;
    if (!tv) problems.push({ field: 'base', title: 'The asset has no template version' });
  }
  return {
    gitRemoteId: null,
    gitRemoteName: null,
    gitRev: tv?.git_rev ?? null,
    templateVersionId: tv?.id ?? null,
  };
}

/**
 * Validates (422s with pointers) and inserts a change in `initializing` with its root step; the ticker drives
 * it from there. Runs in its own transaction (nested as a savepoint inside a caller's). Returns the change id.
 * Records `api:changes:create`, so callers (routes, schedules, workflows) must not record it again.
 */
export function createChange(emu: Emulator, input: NewChange): string {
  return emu.tx(() => {
    const target = input.target;
    const problems = targetProblems(emu, target, input.action);
    const source =
      target.kind === 'asset'
        ? templateSource(emu, target, input, problems)
        : remoteSource(emu, target, input, problems);
    if (problems.length > 0) throw modelErrors(problems);

    const id = emu.newId();
    const rootId = emu.newId();
    // The engine's clock, not emu.now(): simulated timestamps of a change stay on one time line.
    const now = isoFromMs(emu.clock.now());
    const seq = (emu.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM changes').get() as { seq: number })
      .seq;
    emu
      .sql(
        `INSERT INTO changes (id, seq, node_id, project_id, environment_id, asset_id, action, created_by, metadata,
           property_overrides, scheduled, git_remote_id, git_remote_name, git_rev, template_version_id, status_code,
           next_at, root_step_id, workflow_run_id, workflow_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'initializing', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        seq,
        target.id,
        target.kind === 'project' ? target.id : target.project_id,
        target.kind === 'environment' ? target.id : target.environment_id,
        target.kind === 'asset' ? target.id : null,
        input.action,
        input.createdBy,
        JSON.stringify(input.metadata ?? {}),
        JSON.stringify(input.propertyOverrides ?? {}),
        input.scheduled ? 1 : 0,
        source.gitRemoteId,
        source.gitRemoteName,
        source.gitRev,
        source.templateVersionId,
        emu.clock.now() + TIMINGS.resolveMs / emu.speed,
        rootId,
        input.workflowRunId ?? null,
        input.workflowId ?? null,
        now,
        now,
      );
    emu
      .sql(
        `INSERT INTO steps (id, change_id, parent_id, position, sort_key, def_path, kind, action, name,
           child_execution_strategy, status_code, created_at, updated_at)
         VALUES (?, ?, NULL, 0, '0000', '', 'action', ?, NULL, ?, 'initializing', ?, ?)`,
      )
      .run(rootId, id, input.action, catalogTree(input.action)?.strategy ?? 'sequential', now, now);
    if (source.gitRemoteId)
      emu.sql('UPDATE git_remotes SET used_by_change = 1 WHERE id = ?').run(source.gitRemoteId);
    const change = getChange(emu, id);
    if (change) changeEvent(emu, change, 'create');
    return id;
  });
}

/** The change's status_code (or undefined). */
export function changeStatus(emu: Emulator, changeId: string): string | undefined {
  return getChange(emu, changeId)?.status_code;
}

/**
 * Cancels a change as DELETE /api/changes/{id} does: unfinished steps become `cancelled`, the change
 * `cancelled`, and the next pending change on its target may start. Returns false (and changes nothing) for
 * an unknown or already finished change.
 */
export function cancelChange(emu: Emulator, changeId: string, username: string): boolean {
  return emu.tx(() => {
    const change = getChange(emu, changeId);
    if (!change || isTerminal(change.status_code)) return false;
    cancelRun(emu, change, username, emu.clock.now());
    return true;
  });
}

/** `meta` of a shown change: the effective parallel setting and what keeps a pending change waiting (§7.8). */
export function changeMeta(emu: Emulator, change: ChangeView): Record<string, unknown> {
  const node = findNodeById(emu, change.node_id);
  const parallel = node ? parallelChangesAllowed(emu, node) : false;
  const pending = change.status_code === 'pending' && !parallel;
  const holder = pending
    ? emu
        .sql('SELECT 1 FROM changes WHERE node_id = ? AND holds_lock = 1 AND id <> ? LIMIT 1')
        .get(change.node_id, change.id)
    : undefined;
  const queue = pending
    ? (
        emu
          .sql(
            "SELECT id FROM changes WHERE node_id = ? AND status_code = 'pending' AND seq < ? ORDER BY seq",
          )
          .all(change.node_id, change.seq) as { id: string }[]
      ).map((r) => r.id)
    : [];
  return {
    parallel_changes_allowed: parallel,
    blocked_by_change_in_same_parent: holder !== undefined,
    blocked_by_queue: queue,
  };
}

function parentsOf(change: ChangeView): { type: string; id: string }[] {
  const parents = [{ type: 'project', id: change.project_id }];
  if (change.environment_id) parents.push({ type: 'environment', id: change.environment_id });
  if (change.asset_id) parents.push({ type: 'asset', id: change.asset_id });
  return parents;
}

function templateVersionRelationship(emu: Emulator, change: ChangeView): Relationship | undefined {
  if (!change.template_version_id) return undefined;
  const tv = emu
    .sql(
      'SELECT tv.version, t.code FROM template_versions tv JOIN templates t ON t.id = tv.template_id WHERE tv.id = ?',
    )
    .get(change.template_version_id) as { version: string; code: string } | undefined;
  if (!tv) return undefined;
  return toOne(
    'template_version',
    change.template_version_id,
    `/api/projects/${change.project_code}/templates/${tv.code}/versions/${tv.version}`,
  );
}

function relationOrNull(type: string, id: string | null): Relationship {
  return { data: id ? { type, id } : null };
}

export interface SerializeChangeOptions {
  /** Show answers carry the blocking `meta`; lists and create answer `{}`. */
  withMeta?: boolean;
  /** Step ids in tree order (looked up when omitted). */
  stepIds?: readonly string[];
}

/** Serialises a change resource (JSON:API) as the API answers it. */
export function serializeChange(
  emu: Emulator,
  change: ChangeView,
  options: SerializeChangeOptions = {},
): Resource {
  const stepIds =
    options.stepIds ??
    (
      emu.sql('SELECT id FROM steps WHERE change_id = ? ORDER BY sort_key').all(change.id) as { id: string }[]
    ).map((s) => s.id);
  const root = change.root_step_id
    ? (emu.sql('SELECT approved_by, rejected_by FROM steps WHERE id = ?').get(change.root_step_id) as
        { approved_by: string; rejected_by: string } | undefined)
    : undefined;
  const relationships: Record<string, Relationship> = {
    parents: { data: parentsOf(change) },
    root_step: toOne(
      'step',
      change.root_step_id,
      change.root_step_id ? `/api/steps/${change.root_step_id}` : undefined,
    ),
    steps: toMany('step', stepIds),
    workflow_run: relationOrNull('workflow_run', change.workflow_run_id),
    workflow: relationOrNull('workflow', change.workflow_id),
  };
  const templateVersion = templateVersionRelationship(emu, change);
  if (templateVersion) relationships.template_version = templateVersion;
  const links: Record<string, string> = {};
  if (change.git_remote_id)
    links.git_remote = `/api/projects/${change.project_code}/git_remotes/${change.git_remote_id}`;
  links.project = `/api/projects/${change.project_code}`;
  links.parent = `/api${change.node_path}`;
  links.self = changeSelfLink(change.node_path, change.id);
  links.log_lines = `/api/changes/${change.id}/log_lines`;
  return {
    id: change.id,
    type: 'change',
    // `satisfies` the console's attributes, so a serialiser change the console cannot read fails `tsc`.
    attributes: {
      created_by: change.created_by,
      name: change.name,
      action: change.action,
      initial_step_tree: null,
      metadata: parseObject(change.metadata),
      property_overrides: parseObject(change.property_overrides),
      scheduled: change.scheduled === 1,
      approved_by: root ? parseRecords(root.approved_by) : [],
      rejected_by: root ? parseRecords(root.rejected_by) : [],
      status_code: change.status_code,
      created_at: change.created_at,
      started_at: change.started_at,
      finished_at: change.finished_at,
      updated_at: change.updated_at,
      asset_name: change.asset_name,
      environment_name: change.environment_name,
      project_name: change.project_name,
      git_remote_name: change.git_remote_name,
      git_rev: change.git_rev,
      commit_sha: change.commit_sha,
      requires_approval_from: change.requires_approval_from,
    } satisfies ChangeAttributes,
    relationships,
    links,
    meta: options.withMeta ? changeMeta(emu, change) : {},
  };
}

/** What `serializeStep` reads of a step's own row. */
const STEP_RESOURCE_COLUMNS = `id, change_id, parent_id, action, name, step_type, child_execution_strategy,
  requires_approval_from, approved_by, rejected_by, continued_by, skip_on_retry, status_code, created_at,
  started_at, finished_at, updated_at`;

/**
 * The change's steps as resources, in tree order. A change may have thousands of steps (`big_tree`): only the
 * columns the resource needs are read, and the change's own (target path, properties versions) once.
 */
export function serializeSteps(emu: Emulator, changeId: string): Resource[] {
  const shared = emu
    .sql(
      `SELECT n.path AS node_path, c.properties_versions AS change_properties_versions
       FROM changes c JOIN nodes n ON n.id = c.node_id WHERE c.id = ?`,
    )
    .get(changeId) as Pick<SerializableStep, 'node_path' | 'change_properties_versions'> | undefined;
  if (shared === undefined) return [];
  const rows = emu
    .sql(`SELECT ${STEP_RESOURCE_COLUMNS} FROM steps WHERE change_id = ? ORDER BY sort_key`)
    .all(changeId) as Omit<SerializableStep, 'node_path' | 'change_properties_versions'>[];
  const steps: SerializableStep[] = rows.map((row) => ({ ...row, ...shared }));
  const children = new Map<string, string[]>();
  for (const s of steps) {
    if (s.parent_id === null) continue;
    const list = children.get(s.parent_id) ?? [];
    list.push(s.id);
    children.set(s.parent_id, list);
  }
  return steps.map((s) => serializeStep(s, children.get(s.id) ?? []));
}
