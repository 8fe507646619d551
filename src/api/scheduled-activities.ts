import type { ScheduledActivityFilterKey, ScheduledActivitySort } from '@contract/filters';
import { toManyIds } from '@contract/json-api';
import { nodeResourceSchema, type NodeAuthorisations } from '@contract/node';
import {
  scheduledActivityDocumentSchema,
  scheduledActivityListDocumentSchema,
  type ScheduledActivityResource,
  type ScheduledChangeAttributes,
  type ScheduledWorkflowAttributes,
} from '@contract/scheduled-activity';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { nodePath, parseNodePath, type NodeRef } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { apiRequest } from './client';
import { fetchDocument, fetchList, flatten, type Flat } from './json-api';

// Scheduled changes and scheduled workflows (domain §10): one collection, `/api/scheduled_activities`, and
// the same below every node (`<node>/scheduled_activities`, only that node's own schedules). No update in
// this release: create and delete. Lists ask for `include=parents`, whose nodes carry the caller's
// permissions (`meta.authorisations`) on each schedule's node.

export type ScheduledActivityListQuery = RansackQuery<ScheduledActivityFilterKey, ScheduledActivitySort>;

interface ScheduleExtras {
  /** The node the schedule belongs to (its `parent`); null when the answer names none the console reads. */
  node: NodeRef | null;
  /** The caller's permissions on that node, when the answer included it; null otherwise. */
  authorisations: NodeAuthorisations | null;
}
export type ScheduledChange = Flat<ScheduledChangeAttributes, unknown> &
  ScheduleExtras & { type: 'scheduled_change' };
export type ScheduledWorkflow = Flat<ScheduledWorkflowAttributes, unknown> &
  ScheduleExtras & { type: 'scheduled_workflow' };
export type ScheduledActivity = ScheduledChange | ScheduledWorkflow;

interface ScheduleCommon {
  cron_schedule: string;
  repeat: boolean;
  metadata: Record<string, unknown>;
}

/** A scheduled change's attributes; a Git remote and revision only off assets (their template supplies it). */
export interface ScheduledChangeBody extends ScheduleCommon {
  action: string;
  new_commits_only: boolean;
  git_remote_name?: string;
  git_rev?: string;
}

export interface ScheduledWorkflowBody extends ScheduleCommon {
  workflow_code: string;
}

export interface CreateScheduledActivityInput {
  /** The node the schedule belongs to; its path names it, so the body carries no codes (spec note 1). */
  node: NodeRef;
  attributes: ScheduledChangeBody | ScheduledWorkflowBody;
}

export const scheduledActivityKeys = {
  all: ['scheduled-activities'] as const,
  lists: () => [...scheduledActivityKeys.all, 'list'] as const,
  /** `scope`: the node path whose own schedules are listed, or `all`. */
  list: (scope: string, query: ScheduledActivityListQuery) =>
    [...scheduledActivityKeys.lists(), scope, query] as const,
};

const GLOBAL_PATH = '/scheduled_activities';
const collectionPath = (node: NodeRef | null) =>
  node === null ? GLOBAL_PATH : `${nodePath(node)}${GLOBAL_PATH}`;

/** The schedule's node: from `links.parent` (`/api/projects/p/assets/a`), else from its codes. */
function nodeOf(resource: ScheduledActivityResource): NodeRef | null {
  const parent = resource.links?.parent;
  if (typeof parent === 'string' && parent.startsWith('/api/')) {
    const ref = parseNodePath(parent.slice('/api'.length));
    if (ref !== null) return ref;
  }
  const { project_code: projectCode } = resource.attributes;
  if (projectCode === null) return null;
  if (resource.type === 'scheduled_workflow') return { kind: 'project', projectCode };
  const { environment_code: environmentCode, asset_code: assetCode } = resource.attributes;
  if (assetCode !== null)
    return { kind: 'asset', projectCode, environmentCode: environmentCode ?? undefined, assetCode };
  if (environmentCode !== null) return { kind: 'environment', projectCode, environmentCode };
  return { kind: 'project', projectCode };
}

/** Permissions by node id, from the included parents that read as nodes (others are left out). */
function authorisationsById(included: readonly unknown[] | undefined): Map<string, NodeAuthorisations> {
  const byId = new Map<string, NodeAuthorisations>();
  for (const member of included ?? []) {
    const node = nodeResourceSchema.safeParse(member);
    if (node.success) byId.set(node.data.id, node.data.meta.authorisations);
  }
  return byId;
}

function toScheduledActivity(
  resource: ScheduledActivityResource,
  permissions: ReadonlyMap<string, NodeAuthorisations>,
): ScheduledActivity {
  // The `parents` relationship lists the project first and the schedule's own node last.
  const ownId = toManyIds(resource.relationships?.parents).at(-1);
  const extras: ScheduleExtras = {
    node: nodeOf(resource),
    authorisations: ownId === undefined ? null : (permissions.get(ownId) ?? null),
  };
  return resource.type === 'scheduled_change'
    ? { ...flatten(resource), ...extras, type: resource.type }
    : { ...flatten(resource), ...extras, type: resource.type };
}

/** Schedules below `node` (its own only), or all the caller may read when `node` is null. */
export async function listScheduledActivities(
  node: NodeRef | null,
  query: ScheduledActivityListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<ScheduledActivity> & { hasAny: boolean }> {
  const params = ransackParams(query);
  params.set('include', 'parents');
  const list = await fetchList(scheduledActivityListDocumentSchema, collectionPath(node), { params, signal });
  const permissions = authorisationsById(list.included);
  return {
    items: list.data.map((resource) => toScheduledActivity(resource, permissions)),
    unreadable: list.unreadable,
    hasAny: list.meta?.has_any ?? list.data.length + list.unreadable.length > 0,
  };
}

export async function createScheduledActivity({
  node,
  attributes,
}: CreateScheduledActivityInput): Promise<ScheduledActivity> {
  const document = await fetchDocument(scheduledActivityDocumentSchema, collectionPath(node), {
    method: 'POST',
    body: { data: { attributes } },
  });
  return toScheduledActivity(document.data, new Map());
}

export async function deleteScheduledActivity({ id }: { id: string }): Promise<void> {
  await apiRequest(`${GLOBAL_PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export const scheduledActivityListQuery = (node: NodeRef | null, query: ScheduledActivityListQuery = {}) =>
  queryOptions({
    queryKey: scheduledActivityKeys.list(node === null ? 'all' : nodePath(node), query),
    queryFn: ({ signal }) => listScheduledActivities(node, query, signal),
  });

function useInvalidatingMutation<I, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduledActivityKeys.lists() }),
  });
}

export const useCreateScheduledActivity = () => useInvalidatingMutation(createScheduledActivity);
export const useDeleteScheduledActivity = () => useInvalidatingMutation(deleteScheduledActivity);
