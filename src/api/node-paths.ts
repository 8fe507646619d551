import { queryOptions } from '@tanstack/react-query';
import { listAssetSummaries } from './assets';
import { listEnvironmentSummaries } from './environments';
import { listProjectSummaries } from './projects';

// Every project, environment and asset path the caller may read: what the rule tester matches and the
// impact preview decides over. One request per level and parent, run side by side.

export const nodePathKeys = { all: ['node-paths'] as const };

export async function loadNodePaths(signal?: AbortSignal): Promise<string[]> {
  const projects = (await listProjectSummaries({}, signal)).items;
  const perProject = await Promise.all(
    projects.map(async (project) => {
      const [environments, projectAssets] = await Promise.all([
        listEnvironmentSummaries(project.code, {}, signal),
        listAssetSummaries({ projectCode: project.code }, {}, signal),
      ]);
      const environmentAssets = await Promise.all(
        environments.map((environment) =>
          listAssetSummaries({ projectCode: project.code, environmentCode: environment.code }, {}, signal),
        ),
      );
      return [
        project.path,
        ...environments.map((environment) => environment.path),
        ...projectAssets.map((asset) => asset.path),
        ...environmentAssets.flat().map((asset) => asset.path),
      ];
    }),
  );
  return perProject.flat().sort();
}

export const nodePathsQuery = () =>
  queryOptions({
    queryKey: nodePathKeys.all,
    queryFn: ({ signal }) => loadNodePaths(signal),
    staleTime: 60_000,
  });
