import type { ApprovalRecord } from '@contract/change';
import type {
  StepTreeNode,
  WorkflowRunMeta,
  WorkflowRunResource,
  WorkflowStep,
  WorkflowStepType,
} from '@contract/workflow';
import {
  isPlainLinks,
  isPlainOpenMeta,
  isPlainRelationships,
  isPlainStamp,
  isPlainStampOrNull,
  isRecord,
  plainToOneId,
  readRelationships,
} from './plain-json';

// A run of thousands of steps is answered in one document of megabytes. Checked member by member with the
// contract schemas it took a few hundred milliseconds on opening the page (zod, cold in a fresh page, on
// 2,000 steps and a 2,000-node step tree); these hand checks read the exact shape OpsChain sends in a few
// milliseconds. Each returns what the schema's parse returns, or null for anything else, which then goes
// to the schema: the answer is the same, only slower (plain-workflow-run.test.ts proves both).

/** A run step with the ids its relationships name (src/api/workflow-runs.ts `WorkflowRunStep`). */
export type PlainRunStep = WorkflowStep & { changeId: string | null; childRunId: string | null };

const STEP_TYPES: ReadonlySet<string> = new Set<WorkflowStepType>([
  'workflow_noop_step',
  'workflow_change_step',
  'workflow_wait_step',
  'workflow_workflow_step',
]);
const isStepType = (value: unknown): value is WorkflowStepType =>
  typeof value === 'string' && STEP_TYPES.has(value);
const isStrategy = (value: unknown): value is 'sequential' | 'parallel' =>
  value === 'sequential' || value === 'parallel';

/** `approved_by` and the like: null, or records of a username and an optional message. */
function plainRecords(value: unknown): ApprovalRecord[] | null | undefined {
  if (value === null) return null;
  if (!Array.isArray(value)) return undefined;
  const records: ApprovalRecord[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.username !== 'string') return undefined;
    const { message } = item;
    if (message === undefined) records.push({ username: item.username });
    else if (message === null || typeof message === 'string')
      records.push({ username: item.username, message });
    else return undefined;
  }
  return records;
}

/** An included run step exactly as OpsChain sends it, flattened; null for anything else. */
export function plainWorkflowStep(member: unknown): PlainRunStep | null {
  if (!isRecord(member)) return null;
  const { id, type, attributes: a, relationships } = member;
  if (typeof id !== 'string' || !isStepType(type) || !isRecord(a)) return null;
  if (!isPlainRelationships(relationships) || !isPlainLinks(member.links) || !isPlainOpenMeta(member.meta))
    return null;
  const { lock_version, created_by, name, status_code, created_at, started_at, finished_at, updated_at } = a;
  if (typeof lock_version !== 'number' || !Number.isSafeInteger(lock_version)) return null;
  if (typeof created_by !== 'string' || typeof name !== 'string' || typeof status_code !== 'string')
    return null;
  if (typeof a.skip_on_retry !== 'boolean' || !isPlainStamp(created_at) || !isPlainStamp(updated_at))
    return null;
  if (!isPlainStampOrNull(started_at) || !isPlainStampOrNull(finished_at)) return null;
  const common = {
    lock_version,
    created_by,
    name,
    status_code,
    created_at,
    started_at,
    finished_at,
    updated_at,
    skip_on_retry: a.skip_on_retry,
    id,
    changeId: plainToOneId(relationships, 'change'),
    childRunId: plainToOneId(relationships, 'child_workflow_run'),
  };
  switch (type) {
    case 'workflow_noop_step':
      return isStrategy(a.child_execution_strategy)
        ? { ...common, type, child_execution_strategy: a.child_execution_strategy }
        : null;
    case 'workflow_change_step':
      return typeof a.action === 'string' && isRecord(a.property_overrides)
        ? { ...common, type, action: a.action, property_overrides: a.property_overrides }
        : null;
    case 'workflow_wait_step': {
      const approved_by = plainRecords(a.approved_by);
      const rejected_by = plainRecords(a.rejected_by);
      const continued_by = plainRecords(a.continued_by);
      const from = a.requires_approval_from;
      if (approved_by === undefined || rejected_by === undefined || continued_by === undefined) return null;
      if (from !== null && typeof from !== 'string') return null;
      return { ...common, type, approved_by, rejected_by, continued_by, requires_approval_from: from };
    }
    case 'workflow_workflow_step':
      return typeof a.code === 'string' ? { ...common, type, code: a.code } : null;
  }
}

/** A `step_tree` node and its subtree as the schema reads it (unknown keys left out); null otherwise. */
export function plainStepTree(node: unknown): StepTreeNode | null {
  if (!isRecord(node)) return null;
  const { id, name, type, child_execution_strategy: strategy, action, target, children } = node;
  if (typeof id !== 'string' || typeof name !== 'string' || !isStepType(type) || !Array.isArray(children))
    return null;
  const out: StepTreeNode = { id, name, type, children: [] };
  if (strategy !== undefined) {
    if (!isStrategy(strategy)) return null;
    out.child_execution_strategy = strategy;
  }
  if (action !== undefined) {
    if (typeof action !== 'string') return null;
    out.action = action;
  }
  if (target !== undefined) {
    if (typeof target !== 'string') return null;
    out.target = target;
  }
  for (const child of children) {
    const read = plainStepTree(child);
    if (read === null) return null;
    out.children.push(read);
  }
  return out;
}

/** The show answer's `meta` (`workflowRunMetaSchema.optional()`); null when it does not match. */
function plainRunMeta(value: unknown): WorkflowRunMeta | null | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const { parallel_workflows_allowed: allowed, blocked_by_same_workflow_running: blocked } = value;
  const queue = value.blocked_by_queue;
  const out: WorkflowRunMeta = {};
  if (allowed !== undefined) {
    if (typeof allowed !== 'boolean') return null;
    out.parallel_workflows_allowed = allowed;
  }
  if (blocked !== undefined) {
    if (typeof blocked !== 'boolean') return null;
    out.blocked_by_same_workflow_running = blocked;
  }
  if (queue !== undefined) {
    if (!Array.isArray(queue) || !queue.every((item) => typeof item === 'string')) return null;
    out.blocked_by_queue = queue.map(String);
  }
  return out;
}

/** The run resource (`data` of the show answer) as `workflowRunResourceSchema` reads it; null otherwise. */
export function plainWorkflowRunResource(data: unknown): WorkflowRunResource | null {
  if (!isRecord(data) || data.type !== 'workflow_run' || typeof data.id !== 'string') return null;
  const a = data.attributes;
  const { links } = data;
  if (!isRecord(a) || !isPlainLinks(links)) return null;
  const { scheduled, metadata, created_by, status_code, project_name } = a;
  if (typeof scheduled !== 'boolean' || !isRecord(metadata) || typeof created_by !== 'string') return null;
  if (typeof status_code !== 'string' || typeof project_name !== 'string') return null;
  const { created_at, started_at, finished_at, updated_at } = a;
  if (!isPlainStamp(created_at) || !isPlainStamp(updated_at)) return null;
  if (!isPlainStampOrNull(started_at) || !isPlainStampOrNull(finished_at)) return null;
  const step_tree = plainStepTree(a.step_tree);
  const relationships = readRelationships(data.relationships);
  const meta = plainRunMeta(data.meta);
  if (step_tree === null || relationships === null || meta === null) return null;
  return {
    type: 'workflow_run',
    id: data.id,
    attributes: {
      step_tree,
      scheduled,
      metadata,
      created_by,
      status_code,
      created_at,
      started_at,
      finished_at,
      updated_at,
      project_name,
    },
    ...(relationships === undefined ? {} : { relationships }),
    ...(links === undefined ? {} : { links }),
    ...(meta === undefined ? {} : { meta }),
  };
}
