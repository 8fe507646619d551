/**
 * Workflow runs and their steps (domain §9.3, §9.4): rows, creation from a workflow version, and JSON:API
 * resources. The engine that moves them through their lifecycle is `engine.ts`.
 *
 * A run copies its version's definition into step rows when it is created, so later edits of the workflow do
 * not change it. Each step keeps what it resolved then (target asset and template version, child workflow
 * version), and `step_tree` keeps the shape (no statuses) for the console to draw.
 */
import type { ApprovalRecord, ChildExecutionStrategy } from '@contract/change.ts';
import type {
  StepTreeNode,
  WorkflowChangeStepAttributes,
  WorkflowNoopStepAttributes,
  WorkflowRunAttributes,
  WorkflowWaitStepAttributes,
  WorkflowWorkflowStepAttributes,
} from '@contract/workflow.ts';
import type { Emulator } from '../context.ts';
import { recordEvent } from '../events.ts';
import { modelError } from '../errors.ts';
import type { Resource } from '../jsonapi.ts';
import { isPlainObject, toOne } from '../jsonapi.ts';
import { findNodeById, findNodeByPath } from '../nodes.ts';
import type { StepDef } from './definitions.ts';
import { isStage, WORKFLOW_TARGET } from './definitions.ts';
import type { VersionRow, WorkflowRow } from './store.ts';
import {
  findVersion,
  findVersionById,
  findWorkflow,
  findWorkflowById,
  latestPublished,
  parseSteps,
  serializeVersion,
} from './store.ts';

export type RunStepType =
  'workflow_noop_step' | 'workflow_change_step' | 'workflow_wait_step' | 'workflow_workflow_step';

export interface RunRow {
  id: string;
  seq: number;
  workflow_id: string;
  workflow_version_id: string;
  project_id: string;
  parent_workflow_step_id: string | null;
  depth: number;
  root_step_id: string;
  step_tree: string;
  created_by: string;
  scheduled: number;
  metadata: string;
  status_code: string;
  failure: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface RunStepRow {
  id: string;
  run_id: string;
  parent_id: string | null;
  position: number;
  sort_key: string;
  type: RunStepType;
  name: string;
  // Written from a stage's validated `run_as` or 'sequential' (planStep, createRun).
  child_execution_strategy: ChildExecutionStrategy | null;
  action: string | null;
  target_path: string | null;
  target_node_id: string | null;
  template_version: string | null;
  template_version_id: string | null;
  property_overrides: string | null;
  requires_approval_from: string | null;
  approved_by: string;
  rejected_by: string;
  continued_by: string;
  code: string | null;
  child_workflow_id: string | null;
  child_workflow_version_id: string | null;
  child_run_id: string | null;
  change_id: string | null;
  start_time: string | null;
  skip_on_retry: number;
  lock_version: number;
  status_code: string;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export const RUN_TERMINAL: ReadonlySet<string> = new Set(['success', 'error', 'cancelled', 'aborted']);
export const STEP_TERMINAL: ReadonlySet<string> = new Set([
  'success',
  'error',
  'cancelled',
  'aborted',
  'approved',
  'continued',
  'rejected',
]);
/** Terminal statuses that let the workflow carry on. */
export const STEP_PASSED: ReadonlySet<string> = new Set(['success', 'approved', 'continued']);

export function getRun(emu: Emulator, id: string): RunRow | undefined {
  return emu.sql('SELECT * FROM workflow_runs WHERE id = ?').get(id) as RunRow | undefined;
}

export function getRunStep(emu: Emulator, id: string): RunStepRow | undefined {
  return emu.sql('SELECT * FROM workflow_steps WHERE id = ?').get(id) as RunStepRow | undefined;
}

export function stepsOfRun(emu: Emulator, runId: string): RunStepRow[] {
  return emu
    .sql('SELECT * FROM workflow_steps WHERE run_id = ? ORDER BY sort_key')
    .all(runId) as RunStepRow[];
}

export function childrenOf(emu: Emulator, stepId: string): RunStepRow[] {
  return emu
    .sql('SELECT * FROM workflow_steps WHERE parent_id = ? ORDER BY position')
    .all(stepId) as RunStepRow[];
}

// ---------------------------------------------------------------------------------------------------------
// Creating a run

export interface NewRun {
  workflow: WorkflowRow;
  version: VersionRow;
  createdBy: string;
  scheduled?: boolean;
  metadata?: Record<string, unknown>;
  /** The `type: workflow` step of a parent run that starts this one. */
  parentStepId?: string | null;
  depth?: number;
}

/** A node of the run's `step_tree`: the contract's type, so what `createRun` stores is what the console reads. */
type TreeNode = StepTreeNode;

interface StepInsert {
  id: string;
  parentId: string | null;
  position: number;
  sortKey: string;
  type: RunStepType;
  name: string;
  strategy: string | null;
  action: string | null;
  targetPath: string | null;
  targetNodeId: string | null;
  templateVersion: string | null;
  templateVersionId: string | null;
  propertyOverrides: string | null;
  requiresApprovalFrom: string | null;
  code: string | null;
  childWorkflowId: string | null;
  childWorkflowVersionId: string | null;
  startTime: string | null;
}

function key(position: number): string {
  return String(position).padStart(4, '0');
}

/** The version a `type: workflow` step runs: the one it names, else the latest published (422 if none). */
function resolveChild(emu: Emulator, target: string, version: number | null | undefined, label: string) {
  const match = WORKFLOW_TARGET.exec(target);
  const project = match ? findNodeByPath(emu, `/projects/${match[1] ?? ''}`) : undefined;
  const workflow = project && match ? findWorkflow(emu, project.id, match[2] ?? '') : undefined;
  if (!workflow || workflow.archived === 1)
    throw modelError(
      'base',
      `Step "${label}" runs the workflow ${target}, which does not exist or is archived`,
    );
  const row =
    version === undefined || version === null
      ? latestPublished(emu, workflow.id)
      : findVersion(emu, workflow.id, version);
  if (!row || row.draft === 1 || row.archived === 1) {
    throw modelError(
      'base',
      `Step "${label}" runs the workflow ${target}, which has no published version to run`,
    );
  }
  return { workflow, version: row };
}

/** Resolves one definition into the row to insert and its `step_tree` node (children filled by the caller). */
function planStep(
  emu: Emulator,
  def: StepDef,
  id: string,
  parentId: string | null,
  position: number,
  sortKey: string,
) {
  const base = {
    id,
    parentId,
    position,
    sortKey,
    strategy: null,
    action: null,
    targetPath: null,
    targetNodeId: null,
    templateVersion: null,
    templateVersionId: null,
    propertyOverrides: null,
    requiresApprovalFrom: null,
    code: null,
    childWorkflowId: null,
    childWorkflowVersionId: null,
    startTime: null,
  };
  if (isStage(def)) {
    const row: StepInsert = { ...base, type: 'workflow_noop_step', name: def.name, strategy: def.run_as };
    return {
      row,
      tree: {
        id,
        name: def.name,
        type: row.type,
        child_execution_strategy: def.run_as,
        children: [],
      } satisfies TreeNode,
    };
  }
  if (def.type === 'wait') {
    const row: StepInsert = {
      ...base,
      type: 'workflow_wait_step',
      name: def.name ?? 'Wait',
      requiresApprovalFrom: def.requires_approval_from ?? null,
    };
    return { row, tree: { id, name: row.name, type: row.type, children: [] } satisfies TreeNode };
  }
  if (def.type === 'change') {
    const name = def.name ?? def.action;
    const node = findNodeByPath(emu, def.target);
    if (node?.kind !== 'asset')
      throw modelError('base', `Step "${name}" targets ${def.target}, which is not an existing asset`);
    const requested = def.template_version ?? null;
    const tv = requested
      ? (emu
          .sql('SELECT id FROM template_versions WHERE template_id = ? AND version = ?')
          .get(node.template_id, requested) as { id: string } | undefined)
      : undefined;
    const row: StepInsert = {
      ...base,
      type: 'workflow_change_step',
      name,
      action: def.action,
      targetPath: node.path,
      targetNodeId: node.id,
      templateVersion: requested,
      templateVersionId: tv?.id ?? node.template_version_id,
      propertyOverrides: JSON.stringify(def.property_overrides ?? {}),
      startTime: def.start_time ?? null,
    };
    return {
      row,
      tree: {
        id,
        name,
        type: row.type,
        action: def.action,
        target: node.path,
        children: [],
      } satisfies TreeNode,
    };
  }
  const child = resolveChild(emu, def.target, def.version, def.name ?? def.target);
  const name = def.name ?? child.version.name;
  const row: StepInsert = {
    ...base,
    type: 'workflow_workflow_step',
    name,
    targetPath: def.target,
    code: child.workflow.code,
    childWorkflowId: child.workflow.id,
    childWorkflowVersionId: child.version.id,
    startTime: def.start_time ?? null,
  };
  return { row, tree: { id, name, type: row.type, target: def.target, children: [] } satisfies TreeNode };
}

function planChildren(
  emu: Emulator,
  defs: readonly StepDef[],
  parent: { id: string; sortKey: string; tree: TreeNode },
  out: StepInsert[],
): void {
  defs.forEach((def, position) => {
    const id = emu.newId();
    const { row, tree } = planStep(emu, def, id, parent.id, position, `${parent.sortKey}.${key(position)}`);
    out.push(row);
    parent.tree.children.push(tree);
    if (isStage(def)) planChildren(emu, def.children, { id, sortKey: row.sortKey, tree }, out);
  });
}

/**
 * Creates a `pending` run of a version with all its steps, and records `api:workflow_runs:create`. Throws a 422
 * when a step refers to something that no longer exists. Call inside a transaction.
 */
export function createRun(emu: Emulator, input: NewRun): string {
  const runId = emu.newId();
  const rootId = emu.newId();
  const root: TreeNode = {
    id: rootId,
    name: input.version.name,
    type: 'workflow_noop_step',
    child_execution_strategy: 'sequential',
    children: [],
  };
  const rows: StepInsert[] = [];
  planChildren(emu, parseSteps(input.version.steps), { id: rootId, sortKey: '0000', tree: root }, rows);
  const now = emu.now();
  const seq = (emu.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM workflow_runs').get() as { seq: number })
    .seq;
  emu
    .sql(
      `INSERT INTO workflow_runs (id, seq, workflow_id, workflow_version_id, project_id, parent_workflow_step_id, depth,
         root_step_id, step_tree, created_by, scheduled, metadata, status_code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    )
    .run(
      runId,
      seq,
      input.workflow.id,
      input.version.id,
      input.workflow.project_id,
      input.parentStepId ?? null,
      input.depth ?? 0,
      rootId,
      JSON.stringify(root),
      input.createdBy,
      input.scheduled ? 1 : 0,
      JSON.stringify(input.metadata ?? {}),
      now,
      now,
    );
  const insert = emu.sql(
    `INSERT INTO workflow_steps (id, run_id, parent_id, position, sort_key, type, name, child_execution_strategy, action,
       target_path, target_node_id, template_version, template_version_id, property_overrides, requires_approval_from,
       code, child_workflow_id, child_workflow_version_id, start_time, status_code, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
  );
  insert.run(
    rootId,
    runId,
    null,
    0,
    '0000',
    'workflow_noop_step',
    input.version.name,
    'sequential',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    input.createdBy,
    now,
    now,
  );
  for (const r of rows) {
    insert.run(
      r.id,
      runId,
      r.parentId,
      r.position,
      r.sortKey,
      r.type,
      r.name,
      r.strategy,
      r.action,
      r.targetPath,
      r.targetNodeId,
      r.templateVersion,
      r.templateVersionId,
      r.propertyOverrides,
      r.requiresApprovalFrom,
      r.code,
      r.childWorkflowId,
      r.childWorkflowVersionId,
      r.startTime,
      input.createdBy,
      now,
      now,
    );
  }
  const run = getRun(emu, runId);
  if (run) runEvent(emu, run, 'create', input.createdBy);
  return runId;
}

// ---------------------------------------------------------------------------------------------------------
// Links and events

/** The project and workflow codes a run's links are built from. */
export interface RunPlace {
  projectCode: string;
  projectName: string;
  workflowCode: string;
}

export function runPlace(emu: Emulator, run: RunRow): RunPlace {
  const project = findNodeById(emu, run.project_id);
  const workflow = findWorkflowById(emu, run.workflow_id);
  return {
    projectCode: project?.code ?? '',
    projectName: project?.name ?? '',
    workflowCode: workflow?.code ?? '',
  };
}

export function runSelfLink(place: RunPlace, runId: string): string {
  return `/api/projects/${place.projectCode}/workflows/${place.workflowCode}/runs/${runId}`;
}

export function runEvent(emu: Emulator, run: RunRow, verb: string, username: string): void {
  const place = runPlace(emu, run);
  recordEvent(emu, {
    type: `api:workflow_runs:${verb}`,
    username,
    system: true,
    payload: {
      workflow_run_id: run.id,
      workflow_code: place.workflowCode,
      project_code: place.projectCode,
      parent_code: place.projectCode,
      status_code: getRun(emu, run.id)?.status_code ?? run.status_code,
    },
    source: { type: 'workflow_run', id: run.id, path: runSelfLink(place, run.id) },
  });
}

export function stepEvent(
  emu: Emulator,
  step: RunStepRow,
  verb: string,
  username: string,
  extra: Record<string, unknown> = {},
): void {
  const run = getRun(emu, step.run_id);
  const place = run ? runPlace(emu, run) : undefined;
  recordEvent(emu, {
    type: `api:workflow_steps:${verb}`,
    username,
    system: true,
    payload: {
      workflow_step_id: step.id,
      workflow_run_id: step.run_id,
      step_type: step.type,
      name: step.name,
      status_code: getRunStep(emu, step.id)?.status_code ?? step.status_code,
      ...(place
        ? {
            project_code: place.projectCode,
            workflow_code: place.workflowCode,
            parent_code: place.projectCode,
          }
        : {}),
      ...extra,
    },
    source: {
      type: step.type,
      id: step.id,
      path: place ? `${runSelfLink(place, step.run_id)}/steps/${step.id}` : null,
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Resources

function parseJson(text: string | null, fallback: unknown): unknown {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/** Approvals, rejections or continuations; only the step actions write these columns, as ApprovalRecord[]. */
function parseRecords(text: string): ApprovalRecord[] {
  const value = parseJson(text, []);
  return Array.isArray(value) ? (value as ApprovalRecord[]) : [];
}

/** A stored JSON object (metadata, property overrides); anything else, never written, reads as `{}`. */
function parseObjectJson(text: string | null): Record<string, unknown> {
  const value = parseJson(text, {});
  return isPlainObject(value) ? value : {};
}

/** The stored `step_tree`; only `createRun` writes it, from a TreeNode (the contract's StepTreeNode). */
function parseStepTree(text: string): StepTreeNode {
  return parseJson(text, {}) as StepTreeNode;
}

type RunStepAttributes =
  | WorkflowNoopStepAttributes
  | WorkflowChangeStepAttributes
  | WorkflowWaitStepAttributes
  | WorkflowWorkflowStepAttributes;

/** The step's attributes for its type, typed with the console's, so a change it cannot read fails `tsc`. */
function runStepAttributes(step: ShownStepRow): RunStepAttributes {
  const common = {
    lock_version: step.lock_version,
    created_by: step.created_by,
    name: step.name,
    skip_on_retry: step.skip_on_retry === 1,
    status_code: step.status_code,
    created_at: step.created_at,
    started_at: step.started_at,
    finished_at: step.finished_at,
    updated_at: step.updated_at,
  };
  switch (step.type) {
    case 'workflow_noop_step':
      return {
        ...common,
        child_execution_strategy: step.child_execution_strategy ?? 'sequential',
      } satisfies WorkflowNoopStepAttributes;
    case 'workflow_change_step':
      return {
        ...common,
        action: step.action ?? '',
        property_overrides: parseObjectJson(step.property_overrides),
      } satisfies WorkflowChangeStepAttributes;
    case 'workflow_wait_step':
      return {
        ...common,
        approved_by: parseRecords(step.approved_by),
        rejected_by: parseRecords(step.rejected_by),
        continued_by: parseRecords(step.continued_by),
        requires_approval_from: step.requires_approval_from,
      } satisfies WorkflowWaitStepAttributes;
    case 'workflow_workflow_step':
      return { ...common, code: step.code ?? '' } satisfies WorkflowWorkflowStepAttributes;
  }
}

/** What a step's resource shows (serializeRunStep): the columns a run's answer reads of each of its steps. */
const SHOWN_STEP_COLUMNS = [
  'id',
  'run_id',
  'parent_id',
  'position',
  'type',
  'name',
  'child_execution_strategy',
  'action',
  'target_node_id',
  'template_version_id',
  'property_overrides',
  'requires_approval_from',
  'approved_by',
  'rejected_by',
  'continued_by',
  'code',
  'child_workflow_version_id',
  'child_run_id',
  'change_id',
  'skip_on_retry',
  'lock_version',
  'status_code',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const satisfies readonly (keyof RunStepRow)[];
export type ShownStepRow = Pick<RunStepRow, (typeof SHOWN_STEP_COLUMNS)[number]>;
const SHOWN_STEPS_OF_RUN = `SELECT ${SHOWN_STEP_COLUMNS.join(', ')} FROM workflow_steps WHERE run_id = ? ORDER BY sort_key`;

export function serializeRunStep(
  step: ShownStepRow,
  place: RunPlace,
  children: readonly Pick<RunStepRow, 'id' | 'type'>[],
): Resource {
  const runLink = runSelfLink(place, step.run_id);
  const self = `${runLink}/steps/${step.id}`;
  const attributes = runStepAttributes(step);
  const relationships: Resource['relationships'] = {};
  if (step.type === 'workflow_change_step') {
    relationships.change = toOne('change', step.change_id);
    // Change steps only target assets (validation.ts).
    if (step.target_node_id) relationships.change_parent = toOne('asset', step.target_node_id);
    if (step.template_version_id)
      relationships.action_template_version = toOne('template_version', step.template_version_id);
  }
  if (step.type === 'workflow_workflow_step') {
    if (step.child_workflow_version_id)
      relationships.child_workflow_version = toOne('workflow_version', step.child_workflow_version_id);
    relationships.child_workflow_run = toOne('workflow_run', step.child_run_id);
  }
  relationships.workflow_run = toOne('workflow_run', step.run_id);
  relationships.children = { data: children.map((c) => ({ type: c.type, id: c.id })) };
  const links: Record<string, string> = {
    self,
    parent: step.parent_id ? `${runLink}/steps/${step.parent_id}` : runLink,
    workflow_run: runLink,
  };
  // Action links only while the action is possible.
  if (step.status_code === 'waiting') links.continue = `${self}/continue`;
  if (step.status_code === 'waiting_for_approval') {
    links.approve = `${self}/approve`;
    links.reject = `${self}/reject`;
  }
  return { id: step.id, type: step.type, attributes, relationships, links };
}

type StepRef = Pick<RunStepRow, 'id' | 'type' | 'parent_id'>;

/** Serializes steps (of one or more runs) with their children, loading nothing else per step. */
export function serializeRunSteps(emu: Emulator, steps: readonly RunStepRow[]): Resource[] {
  const children = new Map<string, StepRef[]>();
  const runIds = [...new Set(steps.map((s) => s.run_id))];
  // Only what a child contributes (its identifier): whole rows cost a third of a 2,000-step run's answer.
  const all = emu
    .sql(
      'SELECT id, type, parent_id FROM workflow_steps WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY position',
    )
    .all(JSON.stringify(runIds)) as StepRef[];
  for (const s of all) {
    if (s.parent_id === null) continue;
    const list = children.get(s.parent_id) ?? [];
    list.push(s);
    children.set(s.parent_id, list);
  }
  const places = new Map<string, RunPlace>();
  return steps.map((step) => {
    let place = places.get(step.run_id);
    if (!place) {
      const run = getRun(emu, step.run_id);
      place = run ? runPlace(emu, run) : { projectCode: '', projectName: '', workflowCode: '' };
      places.set(step.run_id, place);
    }
    return serializeRunStep(step, place, children.get(step.id) ?? []);
  });
}

function stepIdsOfRun(emu: Emulator, runId: string): Pick<RunStepRow, 'id' | 'type'>[] {
  return emu.sql('SELECT id, type FROM workflow_steps WHERE run_id = ? ORDER BY sort_key').all(runId) as Pick<
    RunStepRow,
    'id' | 'type'
  >[];
}

/**
 * A run's show (and create) answer: the run, the version it ran and all its steps. The steps are read once,
 * only the columns their resources show, and give the run's `steps` and each step's `children` too (a
 * 2,000-step run was read three times, every column once: most of its answer's time).
 */
export function showRunDocument(
  emu: Emulator,
  run: RunRow,
  meta: RunMeta,
): { data: Resource; included: Resource[] } {
  const steps = emu.sql(SHOWN_STEPS_OF_RUN).all(run.id) as ShownStepRow[];
  const children = new Map<string, ShownStepRow[]>();
  for (const step of steps) {
    if (step.parent_id === null) continue;
    const list = children.get(step.parent_id);
    if (list) list.push(step);
    else children.set(step.parent_id, [step]);
  }
  // `sort_key` order is position order among siblings below 10,000 of them; the children's order is position's.
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const place = runPlace(emu, run);
  return {
    data: serializeRun(emu, run, meta, steps),
    included: [
      ...includedVersions(emu, [run]),
      ...steps.map((step) => serializeRunStep(step, place, children.get(step.id) ?? [])),
    ],
  };
}

/** `meta` of a shown run (§9.3): the effective setting and what keeps a pending run waiting. */
export type RunMeta = Record<string, unknown>;

/**
 * `steps` (ids and types in `sort_key` order) when the caller has read them already (showRunDocument).
 */
export function serializeRun(
  emu: Emulator,
  run: RunRow,
  meta: RunMeta = {},
  steps: readonly Pick<RunStepRow, 'id' | 'type'>[] = stepIdsOfRun(emu, run.id),
): Resource {
  const place = runPlace(emu, run);
  return {
    id: run.id,
    type: 'workflow_run',
    // `satisfies` the console's attributes, so a serialiser change the console cannot read fails `tsc`.
    attributes: {
      step_tree: parseStepTree(run.step_tree),
      scheduled: run.scheduled === 1,
      metadata: parseObjectJson(run.metadata),
      created_by: run.created_by,
      status_code: run.status_code,
      created_at: run.created_at,
      started_at: run.started_at,
      finished_at: run.finished_at,
      updated_at: run.updated_at,
      project_name: place.projectName,
    } satisfies WorkflowRunAttributes,
    relationships: {
      workflow_version: toOne('workflow_version', run.workflow_version_id),
      workflow: toOne('workflow', run.workflow_id),
      parent_workflow_step: toOne('workflow_workflow_step', run.parent_workflow_step_id),
      root_step: toOne('workflow_noop_step', run.root_step_id),
      steps: { data: steps.map((step) => ({ id: step.id, type: step.type })) },
    },
    links: { parent: `/api/projects/${place.projectCode}`, self: runSelfLink(place, run.id) },
    meta,
  };
}

/** The versions the runs ran, for `included` (each once). */
export function includedVersions(emu: Emulator, runs: readonly RunRow[]): Resource[] {
  const out: Resource[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    if (seen.has(run.workflow_version_id)) continue;
    seen.add(run.workflow_version_id);
    const version = findVersionById(emu, run.workflow_version_id);
    const place = runPlace(emu, run);
    if (version) out.push(serializeVersion(version, place.workflowCode, place.projectCode));
  }
  return out;
}
