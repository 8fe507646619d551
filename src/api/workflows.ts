import type { WorkflowFilterKey, WorkflowSort } from '@contract/filters';
import { workflowListDocumentSchema, type WorkflowAttributes } from '@contract/workflow';
import { queryOptions } from '@tanstack/react-query';
import { projectPath } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { fetchList, flatten, type Flat } from './json-api';

// Workflows of an Enterprise project: `/api/projects/{p}/workflows` (domain §9.1). Standard projects
// answer 422 "Unsupported project type": ask only projects whose `meta.can_have_workflows` is true.

export type WorkflowListQuery = RansackQuery<WorkflowFilterKey, WorkflowSort>;
export type Workflow = Flat<WorkflowAttributes, unknown> & { projectCode: string };

export const workflowKeys = {
  all: ['workflows'] as const,
  lists: () => [...workflowKeys.all, 'list'] as const,
  list: (projectCode: string, query: WorkflowListQuery) =>
    [...workflowKeys.lists(), projectCode, query] as const,
};

export async function listWorkflows(
  projectCode: string,
  query: WorkflowListQuery = {},
  signal?: AbortSignal,
): Promise<Workflow[]> {
  // Only search lists workflows (hits, not a list to mark): odd rows are left out, reported by fetchList.
  const list = await fetchList(workflowListDocumentSchema, `${projectPath(projectCode)}/workflows`, {
    params: ransackParams(query),
    signal,
  });
  return list.data.map((resource) => ({ ...flatten(resource), projectCode }));
}

export const workflowListQuery = (projectCode: string, query: WorkflowListQuery = {}) =>
  queryOptions({
    queryKey: workflowKeys.list(projectCode, query),
    queryFn: ({ signal }) => listWorkflows(projectCode, query, signal),
  });
