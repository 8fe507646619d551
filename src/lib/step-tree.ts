import type { ActivityStatus, ChildExecutionStrategy } from '@contract/change';
import { ACTIVITY_STATUSES } from '@contract/change';

// The step tree of a change (and, later, of a workflow run), in one generic shape that the step graph,
// its outline and the navigation helpers share. Built from the API's step resources with
// `stepTreeFromSteps`; a workflow run's builder can produce the same nodes.

/**
 * A change with more steps than this opens graph first: its log waits until the step graph has painted, and
 * its first log page is not fetched beside it (the two competed: a 2,000-step graph painted ~0.5 s later).
 */
export const LARGE_STEP_TREE = 300;

/** What a node stands for: a change step runs an action; workflow steps are changes, waits or workflows. */
export type StepTreeKind = 'action' | 'change' | 'wait' | 'workflow';

export interface StepTreeNode {
  id: string;
  name: string;
  /**
   * `status_code` as the API sends it. It is a free string on the wire: the known values are
   * `ActivityStatus` (change steps and workflow run steps); anything else shows as sent.
   */
  status: string;
  /** ISO timestamps, or null before the step started / while it runs. */
  started_at: string | null;
  finished_at: string | null;
  childExecution: ChildExecutionStrategy;
  children: readonly StepTreeNode[];
  kind?: StepTreeKind | undefined;
  /** A second line under the name: the action, a workflow step's target, … */
  detail?: string | undefined;
}

/**
 * The part of a step resource (`included` of `GET /api/changes/{id}?include=steps`, or `GET /api/steps`)
 * the tree needs; `StepResource` from `@contract/change` fits it. Children are ordered in
 * `relationships.children.data`; `links.parent` is `/api/steps/<id>` below the root and
 * `/api/changes/<id>` on the root.
 */
export interface StepTreeSource {
  id: string;
  attributes: {
    name: string | null;
    action: string;
    status_code: string;
    started_at: string | null;
    finished_at: string | null;
    child_execution_strategy: ChildExecutionStrategy;
  };
  relationships?:
    | Record<
        string,
        { data?: { type: string; id: string } | { type: string; id: string }[] | null | undefined }
      >
    | undefined;
  links?: Record<string, string | null> | undefined;
}

/**
 * A step already flattened by the API module (`ChangeStep` of `@/api/changes`): attributes at the top, its
 * children's ids in order and its parent's id (null for the root, or when no step lists it as a child).
 */
export interface FlatStepTreeSource {
  id: string;
  name: string | null;
  action: string;
  status_code: string;
  started_at: string | null;
  finished_at: string | null;
  child_execution_strategy: ChildExecutionStrategy;
  child_ids: readonly string[];
  parent_id: string | null;
}

/** One step in the shape the builder works on, whichever form it came in. */
interface StepRecord {
  id: string;
  childIds: readonly string[];
  /** The parent the step names itself (links.parent or parent_id); null for none. */
  parentId: string | null;
  name: string | null;
  action: string;
  status: string;
  started_at: string | null;
  finished_at: string | null;
  childExecution: ChildExecutionStrategy;
}

function toRecord(step: StepTreeSource | FlatStepTreeSource): StepRecord {
  if ('attributes' in step) {
    const { attributes } = step;
    return {
      id: step.id,
      childIds: childIds(step),
      parentId: parentIdFromLink(step),
      name: attributes.name,
      action: attributes.action,
      status: attributes.status_code,
      started_at: attributes.started_at,
      finished_at: attributes.finished_at,
      childExecution: attributes.child_execution_strategy,
    };
  }
  return {
    id: step.id,
    childIds: step.child_ids,
    parentId: step.parent_id,
    name: step.name,
    action: step.action,
    status: step.status_code,
    started_at: step.started_at,
    finished_at: step.finished_at,
    childExecution: step.child_execution_strategy,
  };
}

export interface StepTreeResult {
  /** Null when there are no steps. */
  tree: StepTreeNode | null;
  /**
   * Ids of steps whose parent is not among the steps (or that no step lists as a child while another step
   * is the root): they are attached to the root, last, so nothing the server sent goes missing.
   */
  orphans: readonly string[];
}

const STEP_PARENT = /^\/api\/steps\/([^/]+)$/;

function childIds(source: StepTreeSource): string[] {
  const data = source.relationships?.children?.data;
  if (!Array.isArray(data)) return [];
  return data.filter((ref) => ref.type === 'step').map((ref) => ref.id);
}

/** The parent step's id from `links.parent`, or null when the link names the change (the root) or is absent. */
function parentIdFromLink(source: StepTreeSource): string | null {
  const link = source.links?.parent;
  if (typeof link !== 'string') return null;
  const match = STEP_PARENT.exec(link);
  return match?.[1] !== undefined ? decodeURIComponent(match[1]) : null;
}

/**
 * Builds the tree from a flat list of steps (resources, or flattened by `@/api/changes`), in linear time. The root is `rootId` (the change's
 * `relationships.root_step`) when given and present, else the first step without a parent. Children keep
 * the order of `relationships.children`; a step that only names its parent through `links.parent` comes
 * after the listed ones. Never throws: a step whose parent is missing hangs under the root and is
 * reported in `orphans`; a step listed twice (or in a cycle) appears once.
 */
export function stepTreeFromSteps(
  steps: readonly (StepTreeSource | FlatStepTreeSource)[],
  rootId?: string | null,
): StepTreeResult {
  const byId = new Map<string, StepRecord>();
  for (const step of steps) if (!byId.has(step.id)) byId.set(step.id, toRecord(step));
  if (byId.size === 0) return { tree: null, orphans: [] };

  // parent id → ordered child ids: first the parent's own list, then steps that only link to it.
  const childrenOf = new Map<string, string[]>();
  const parentOf = new Map<string, string>();
  for (const step of byId.values()) {
    const ids: string[] = [];
    for (const id of step.childIds) {
      if (!byId.has(id) || parentOf.has(id) || id === step.id) continue;
      parentOf.set(id, step.id);
      ids.push(id);
    }
    childrenOf.set(step.id, ids);
  }
  const orphanIds: string[] = [];
  for (const step of byId.values()) {
    if (parentOf.has(step.id)) continue;
    const linked = step.parentId;
    if (linked === null) continue;
    if (linked !== step.id && byId.has(linked)) {
      parentOf.set(step.id, linked);
      childrenOf.get(linked)?.push(step.id);
    } else {
      orphanIds.push(step.id);
    }
  }

  const orphanSet = new Set(orphanIds);
  const parentless = [...byId.keys()].filter((id) => !parentOf.has(id) && !orphanSet.has(id));
  const root =
    (rootId !== undefined && rootId !== null && byId.has(rootId) && !parentOf.has(rootId)
      ? rootId
      : undefined) ??
    parentless[0] ??
    orphanIds[0] ??
    // Every step has a parent: a cycle. Break it at the first step.
    [...byId.keys()][0];
  if (root === undefined) return { tree: null, orphans: [] };

  const rootChildren = childrenOf.get(root) ?? [];
  const reported: string[] = [];
  for (const id of [...parentless, ...orphanIds]) {
    if (id === root) continue;
    rootChildren.push(id);
    reported.push(id);
  }
  childrenOf.set(root, rootChildren);

  const seen = new Set<string>();
  const build = (id: string): StepTreeNode | null => {
    const source = byId.get(id);
    if (source === undefined || seen.has(id)) return null;
    seen.add(id);
    const children: StepTreeNode[] = [];
    for (const childId of childrenOf.get(id) ?? []) {
      const child = build(childId);
      if (child !== null) children.push(child);
    }
    return toNode(source, children);
  };
  const tree = build(root);
  // Steps in a cycle that does not reach the root: attach them too.
  if (tree !== null && seen.size < byId.size) {
    const rest: StepTreeNode[] = [];
    for (const id of byId.keys()) {
      if (seen.has(id)) continue;
      const node = build(id);
      if (node !== null) {
        rest.push(node);
        reported.push(id);
      }
    }
    return { tree: { ...tree, children: [...tree.children, ...rest] }, orphans: reported };
  }
  return { tree, orphans: reported };
}

function toNode(step: StepRecord, children: StepTreeNode[]): StepTreeNode {
  const name = step.name ?? step.action;
  return {
    id: step.id,
    name,
    status: step.status,
    started_at: step.started_at,
    finished_at: step.finished_at,
    childExecution: step.childExecution,
    children,
    kind: step.action.startsWith('opschain_wait_step') ? 'wait' : 'action',
    detail: step.action !== name ? step.action : undefined,
  };
}

// ---- Statuses ----

const KNOWN_STATUSES: ReadonlySet<string> = new Set(ACTIVITY_STATUSES);

// A set, not a scan: the graph asks this several times per step on every render of a 2,000-step tree.
export function isActivityStatus(status: string): status is ActivityStatus {
  return KNOWN_STATUSES.has(status);
}

/**
 * What a status means for someone watching, in a handful of groups: icons, colours, roll-up and the
 * "next failed / next waiting" jumps use these.
 */
export type StatusGroup = 'failed' | 'waiting' | 'running' | 'pending' | 'success' | 'stopped' | 'unknown';

const STATUS_GROUPS: Record<ActivityStatus, StatusGroup> = {
  error: 'failed',
  rejected: 'failed',
  waiting: 'waiting',
  waiting_for_approval: 'waiting',
  running: 'running',
  initializing: 'pending',
  pending: 'pending',
  queued: 'pending',
  success: 'success',
  approved: 'success',
  continued: 'success',
  cancelled: 'stopped',
  aborted: 'stopped',
};

export function statusGroup(status: string): StatusGroup {
  return isActivityStatus(status) ? STATUS_GROUPS[status] : 'unknown';
}

// Which status a collapsed subtree shows first: what needs a person, then what is happening, then history.
const GROUP_WEIGHT: Record<StatusGroup, number> = {
  failed: 6,
  waiting: 5,
  running: 4,
  unknown: 3,
  pending: 2,
  stopped: 1,
  success: 0,
};

/** The most telling status in a subtree (the node's own included): failed over waiting over running… */
export function rollUpStatus(node: StepTreeNode): string {
  let best = node.status;
  let bestWeight = GROUP_WEIGHT[statusGroup(best)];
  const stack: StepTreeNode[] = [...node.children];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const weight = GROUP_WEIGHT[statusGroup(current.status)];
    if (weight > bestWeight) {
      best = current.status;
      bestWeight = weight;
    }
    for (const child of current.children) stack.push(child);
  }
  return best;
}

/** How many steps of the subtree (the node's own included) have each status. */
export function countByStatus(node: StepTreeNode): Record<string, number> {
  const counts: Record<string, number> = {};
  const stack: StepTreeNode[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    counts[current.status] = (counts[current.status] ?? 0) + 1;
    for (const child of current.children) stack.push(child);
  }
  return counts;
}

/** Steps in the subtree, the node itself included. */
export function countSteps(node: StepTreeNode): number {
  let total = 0;
  const stack: StepTreeNode[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    total++;
    for (const child of current.children) stack.push(child);
  }
  return total;
}

const STATUS_LABELS: Record<ActivityStatus, string> = {
  initializing: 'Initializing',
  pending: 'Pending',
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting',
  waiting_for_approval: 'Waiting for approval',
  success: 'Success',
  error: 'Error',
  cancelled: 'Cancelled',
  aborted: 'Aborted',
  approved: 'Approved',
  continued: 'Continued',
  rejected: 'Rejected',
};

/** "Waiting for approval"; a status the console does not know shows as sent. */
export function statusLabel(status: string): string {
  return isActivityStatus(status) ? STATUS_LABELS[status] : status;
}
