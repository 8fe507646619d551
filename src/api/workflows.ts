import type { WorkflowFilterKey, WorkflowSort } from '@contract/filters';
import {
  workflowDocumentSchema,
  workflowListDocumentSchema,
  workflowVersionListDocumentSchema,
  type WorkflowAttributes,
  type WorkflowVersionAttributes,
} from '@contract/workflow';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { projectPath } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { apiRequest } from './client';
import { fetchDocument, fetchList, flatten, toRowList, type Flat } from './json-api';

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

// ---- One workflow and its versions (`…/workflows/{w}`, `…/workflows/{w}/versions`)

export type WorkflowVersion = Flat<WorkflowVersionAttributes, unknown>;

const workflowPath = (projectCode: string, workflowCode: string) =>
  `${projectPath(projectCode)}/workflows/${encodeURIComponent(workflowCode)}`;

export const workflowDetailKeys = {
  detail: (projectCode: string, workflowCode: string) =>
    [...workflowKeys.all, 'detail', projectCode, workflowCode] as const,
  versions: (projectCode: string, workflowCode: string) =>
    [...workflowKeys.all, 'versions', projectCode, workflowCode] as const,
};

export async function getWorkflow(
  projectCode: string,
  workflowCode: string,
  signal?: AbortSignal,
): Promise<Workflow> {
  const document = await fetchDocument(workflowDocumentSchema, workflowPath(projectCode, workflowCode), {
    signal,
  });
  return { ...flatten(document.data), projectCode };
}

export const workflowQuery = (projectCode: string, workflowCode: string) =>
  queryOptions({
    queryKey: workflowDetailKeys.detail(projectCode, workflowCode),
    queryFn: ({ signal }) => getWorkflow(projectCode, workflowCode, signal),
  });

/** Every version, newest first (drafts, published and archived alike). */
export async function listWorkflowVersions(
  projectCode: string,
  workflowCode: string,
  signal?: AbortSignal,
): Promise<RowList<WorkflowVersion>> {
  const list = await fetchList(
    workflowVersionListDocumentSchema,
    `${workflowPath(projectCode, workflowCode)}/versions`,
    { signal },
  );
  const rows = toRowList(list, (resource) => flatten(resource));
  return { ...rows, items: [...rows.items].sort((a, b) => b.version - a.version) };
}

export const workflowVersionsQuery = (projectCode: string, workflowCode: string) =>
  queryOptions({
    queryKey: workflowDetailKeys.versions(projectCode, workflowCode),
    queryFn: ({ signal }) => listWorkflowVersions(projectCode, workflowCode, signal),
  });

// ---- Saving a new version (`PATCH …/workflows/{w}` with the YAML): check only, as a draft, or published

export interface SaveWorkflowInput {
  projectCode: string;
  workflowCode: string;
  sourceYaml: string;
  /** `check` sends `meta.validate: true`: the server checks and saves nothing. */
  mode: 'check' | 'draft' | 'publish';
}

/**
 * Checks or saves the YAML as the workflow's next version. A 422 is thrown as ApiError, its errors'
 * pointers naming the step (`/data/attributes/steps/1/target`).
 */
export async function saveWorkflowVersion({
  projectCode,
  workflowCode,
  sourceYaml,
  mode,
}: SaveWorkflowInput): Promise<void> {
  await apiRequest(workflowPath(projectCode, workflowCode), {
    method: 'PATCH',
    body: {
      data: {
        attributes: { source_yaml: sourceYaml, ...(mode === 'check' ? {} : { draft: mode === 'draft' }) },
      },
      ...(mode === 'check' ? { meta: { validate: true } } : {}),
    },
  });
}

export function useSaveWorkflowVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveWorkflowVersion,
    onSuccess: (_result, input) =>
      input.mode === 'check' ? undefined : queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
  });
}
