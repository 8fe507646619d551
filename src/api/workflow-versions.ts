import { workflowVersionDocumentSchema } from '@contract/workflow';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { projectPath } from '@/lib/node-path';
import { apiRequest } from './client';
import { ApiError } from './errors';
import { fetchDocument, flatten } from './json-api';
import {
  getWorkflow,
  workflowDetailKeys,
  workflowKeys,
  type Workflow,
  type WorkflowVersion,
} from './workflows';

// One version of a workflow (`…/workflows/{w}/versions/{v}`), deleting versions and drafts, archiving a
// workflow (PATCH) and deleting it (domain §9.1). Every change invalidates the `workflows` prefix: lists,
// the workflow and its versions all show what changed.

const workflowPath = (projectCode: string, workflowCode: string) =>
  `${projectPath(projectCode)}/workflows/${encodeURIComponent(workflowCode)}`;

const versionPath = (projectCode: string, workflowCode: string, version: number) =>
  `${workflowPath(projectCode, workflowCode)}/versions/${String(version)}`;

export const workflowVersionKeys = {
  version: (projectCode: string, workflowCode: string, version: number) =>
    [...workflowDetailKeys.versions(projectCode, workflowCode), version] as const,
};

export async function getWorkflowVersion(
  projectCode: string,
  workflowCode: string,
  version: number,
  signal?: AbortSignal,
): Promise<WorkflowVersion> {
  const document = await fetchDocument(
    workflowVersionDocumentSchema,
    versionPath(projectCode, workflowCode, version),
    { signal },
  );
  return flatten(document.data);
}

export const workflowVersionQuery = (projectCode: string, workflowCode: string, version: number) =>
  queryOptions({
    queryKey: workflowVersionKeys.version(projectCode, workflowCode, version),
    queryFn: ({ signal }) => getWorkflowVersion(projectCode, workflowCode, version, signal),
  });

export interface WorkflowRef {
  projectCode: string;
  workflowCode: string;
}

/**
 * Deletes a version. OpsChain deletes one that never ran and archives one that did; drafts never run, so a
 * draft is deleted. The only version of a workflow is refused (422): delete the workflow instead.
 */
export async function deleteWorkflowVersion({
  projectCode,
  workflowCode,
  version,
}: WorkflowRef & { version: number }): Promise<void> {
  await apiRequest(versionPath(projectCode, workflowCode, version), { method: 'DELETE' });
}

/** Deletes every draft version; refused (422) while the workflow has no published version. */
export async function deleteDraftVersions({ projectCode, workflowCode }: WorkflowRef): Promise<void> {
  await apiRequest(`${workflowPath(projectCode, workflowCode)}/versions`, { method: 'DELETE' });
}

/**
 * Archives or restores a workflow. The update body requires `name` and `steps` (every update stores a new
 * version), so it repeats the latest version — its name, description, steps, YAML text and draft state —
 * with `archived` set: nothing but the flag changes, under the next version number.
 */
export async function setWorkflowArchived({
  workflow,
  archived,
}: {
  workflow: Workflow;
  archived: boolean;
}): Promise<void> {
  await apiRequest(workflowPath(workflow.projectCode, workflow.code), {
    method: 'PATCH',
    body: {
      data: {
        attributes: {
          name: workflow.name,
          description: workflow.description,
          steps: workflow.steps,
          source_yaml: workflow.source_yaml,
          draft: workflow.draft,
          archived,
        },
      },
    },
  });
}

/** What DELETE did: OpsChain deletes a workflow that never ran and archives one that did. */
export type WorkflowDeletion = { outcome: 'deleted' } | { outcome: 'archived'; workflow: Workflow };

/** Deletes the workflow, then asks for it to learn whether it was deleted or (having runs) archived. */
export async function deleteWorkflow({ projectCode, workflowCode }: WorkflowRef): Promise<WorkflowDeletion> {
  await apiRequest(workflowPath(projectCode, workflowCode), { method: 'DELETE' });
  try {
    return { outcome: 'archived', workflow: await getWorkflow(projectCode, workflowCode) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { outcome: 'deleted' };
    throw error;
  }
}

function useWorkflowMutation<I, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
  });
}

export const useDeleteWorkflowVersion = () => useWorkflowMutation(deleteWorkflowVersion);
export const useDeleteDraftVersions = () => useWorkflowMutation(deleteDraftVersions);
export const useSetWorkflowArchived = () => useWorkflowMutation(setWorkflowArchived);

/**
 * Deleting the workflow: a deleted one is not refetched (its page is left first, see the caller), only the
 * lists are; an archived one is stored as the server now shows it.
 */
export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWorkflow,
    onSuccess: async (result, { projectCode, workflowCode }) => {
      if (result.outcome === 'archived') {
        queryClient.setQueryData(workflowDetailKeys.detail(projectCode, workflowCode), result.workflow);
        await queryClient.invalidateQueries({ queryKey: workflowKeys.all });
      } else {
        await queryClient.invalidateQueries({ queryKey: workflowKeys.lists() });
      }
    },
  });
}
