import { queryOptions } from '@tanstack/react-query';
import type { WorkflowCompletionData } from '@/lib/workflow-completion';
import { listAssets } from './assets';
import { listEnvironmentSummaries } from './environments';
import { listWorkflows } from './workflows';

// What the workflow editor completes in a project: the assets a change step may target (the project's and
// each environment's, with their template version's actions) and the workflows a workflow step may run.

export const workflowCompletionKeys = {
  all: ['workflow-completions'] as const,
  project: (projectCode: string) => [...workflowCompletionKeys.all, projectCode] as const,
};

export async function loadWorkflowCompletionData(
  projectCode: string,
  signal?: AbortSignal,
): Promise<WorkflowCompletionData> {
  const [environments, projectAssets, workflows] = await Promise.all([
    listEnvironmentSummaries(projectCode, {}, signal),
    listAssets({ projectCode }, {}, signal),
    listWorkflows(projectCode, {}, signal),
  ]);
  const environmentAssets = await Promise.all(
    environments.map((environment) =>
      listAssets({ projectCode, environmentCode: environment.code }, {}, signal),
    ),
  );
  const assets = [projectAssets, ...environmentAssets].flatMap((list) => list.items);
  return {
    assets: assets
      .filter((asset) => !asset.archived)
      .map((asset) => ({
        path: asset.path,
        name: asset.name,
        actions: asset.actions.flatMap((action) =>
          action.name === undefined ? [] : [{ name: action.name, description: action.description }],
        ),
      })),
    workflows: workflows
      .filter((workflow) => !workflow.archived)
      .map((workflow) => ({
        path: `/projects/${projectCode}/workflows/${workflow.code}`,
        name: workflow.name,
      })),
  };
}

export const workflowCompletionQuery = (projectCode: string) =>
  queryOptions({
    queryKey: workflowCompletionKeys.project(projectCode),
    queryFn: ({ signal }) => loadWorkflowCompletionData(projectCode, signal),
    staleTime: 60_000,
  });
