import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { textSearch } from '@/lib/ransack';
import { listAssetSummaries } from './assets';
import { environmentSummariesQuery, listEnvironmentSummaries } from './environments';
import type { NodeSummary } from './node-summary';
import { listWorkflows, type Workflow } from './workflows';

// Finding nodes by name or code on the server, below the project level. OpsChain has no search endpoint
// and lists environments, assets and workflows per project, so each project (and each of its environments,
// for their assets) is asked with `filter[name_cont]` OR `filter[code_cont]`. Global search and the
// navigator's filter both use this, and share the answers through the cache.

export const nodeSearchKeys = {
  all: ['node-search'] as const,
  inProject: (projectCode: string, term: string) =>
    [...nodeSearchKeys.all, 'project', projectCode, term] as const,
};

/** An asset found, with the environment that owns it (null for a project's own asset). */
export interface AssetMatch {
  asset: NodeSummary;
  environment: NodeSummary | null;
}

/** What matched in one project (the project itself is matched through the project list). */
export interface ProjectMatches {
  environments: NodeSummary[];
  assets: AssetMatch[];
  workflows: Workflow[];
}

/** Assets of the project's environments; the environment list is shared with the navigator's cache. */
async function searchEnvironmentAssets(
  client: QueryClient,
  project: NodeSummary,
  term: string,
  signal: AbortSignal,
): Promise<AssetMatch[]> {
  const environments = await client.query(environmentSummariesQuery(project.projectCode));
  const withAssets = environments.items.filter((environment) =>
    environment.meta.child_node_types.includes('asset'),
  );
  const found = await Promise.all(
    withAssets.map(async (environment) => {
      const owner = { projectCode: project.projectCode, environmentCode: environment.code };
      const assets = await listAssetSummaries(owner, textSearch(['name', 'code'], term), signal);
      return assets.map((asset) => ({ asset, environment }));
    }),
  );
  return found.flat();
}

/** Everything in one project whose name or code contains `term`: environments, assets at any level, workflows. */
export async function searchProject(
  client: QueryClient,
  project: NodeSummary,
  term: string,
  signal: AbortSignal,
): Promise<ProjectMatches> {
  const search = textSearch(['name', 'code'], term);
  const types = project.meta.child_node_types;
  const projectCode = project.projectCode;
  const [environments, projectAssets, workflows, environmentAssets] = await Promise.all([
    types.includes('environment') ? listEnvironmentSummaries(projectCode, search, signal) : [],
    types.includes('asset') ? listAssetSummaries({ projectCode }, search, signal) : [],
    project.meta.can_have_workflows ? listWorkflows(projectCode, search, signal) : [],
    types.includes('environment') ? searchEnvironmentAssets(client, project, term, signal) : [],
  ]);
  return {
    environments,
    assets: [...projectAssets.map((asset) => ({ asset, environment: null })), ...environmentAssets],
    workflows,
  };
}

/** The search of one project for `term`; fresh on every search, kept a minute for going back to a term. */
export const projectSearchQuery = (project: NodeSummary, term: string) =>
  queryOptions({
    queryKey: nodeSearchKeys.inProject(project.projectCode, term),
    queryFn: ({ client, signal }) => searchProject(client, project, term, signal),
    staleTime: 0,
    gcTime: 60_000,
  });
