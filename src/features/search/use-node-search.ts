import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listAssetSummaries } from '@/api/assets';
import { environmentSummariesQuery, listEnvironmentSummaries } from '@/api/environments';
import type { NodeSummary } from '@/api/node-summary';
import { projectSummariesQuery } from '@/api/projects';
import { listWorkflows } from '@/api/workflows';
import { textSearch } from '@/lib/ransack';
import {
  groupHits,
  MIN_SEARCH_LENGTH,
  nodeHit,
  workflowHit,
  type SearchGroup,
  type SearchHit,
} from './search-model';
import type { SearchProgress } from './search-status';

// Global search over the API. OpsChain has no search endpoint and lists environments, assets and
// workflows per project, so the search asks each project (and each environment for its assets) with
// `filter[name_cont]` OR `filter[code_cont]`, and shows results as projects answer.

const TYPING_PAUSE_MS = 250;

export const searchKeys = {
  all: ['search'] as const,
  inProject: (projectCode: string, term: string) =>
    [...searchKeys.all, 'project', projectCode, term] as const,
};

/** Everything in one project that matches: environments, assets at any level, workflows. */
async function searchProject(
  queryClient: QueryClient,
  project: NodeSummary,
  term: string,
  signal: AbortSignal,
): Promise<SearchHit[]> {
  const search = textSearch(['name', 'code'], term);
  const types = project.meta.child_node_types;
  const projectCode = project.projectCode;
  const [environments, projectAssets, workflows, environmentAssets] = await Promise.all([
    types.includes('environment') ? listEnvironmentSummaries(projectCode, search, signal) : [],
    types.includes('asset') ? listAssetSummaries({ projectCode }, search, signal) : [],
    project.meta.can_have_workflows ? listWorkflows(projectCode, search, signal) : [],
    types.includes('environment') ? searchEnvironmentAssets(queryClient, project, term, signal) : [],
  ]);
  return [
    ...environments.map((environment) => nodeHit(environment, project.name)),
    ...projectAssets.map((asset) => nodeHit(asset, project.name)),
    ...environmentAssets,
    ...workflows.map((workflow) => workflowHit(workflow, project.name)),
  ];
}

/** Assets of the project's environments; the environment list is shared with the navigator's cache. */
async function searchEnvironmentAssets(
  queryClient: QueryClient,
  project: NodeSummary,
  term: string,
  signal: AbortSignal,
): Promise<SearchHit[]> {
  const environments = await queryClient.query(environmentSummariesQuery(project.projectCode));
  const withAssets = environments.items.filter((environment) =>
    environment.meta.child_node_types.includes('asset'),
  );
  const found = await Promise.all(
    withAssets.map(async (environment) => {
      const owner = { projectCode: project.projectCode, environmentCode: environment.code };
      const assets = await listAssetSummaries(owner, textSearch(['name', 'code'], term), signal);
      return assets.map((asset) => nodeHit(asset, `${project.name} › ${environment.name}`));
    }),
  );
  return found.flat();
}

export interface NodeSearch extends SearchProgress {
  groups: SearchGroup[];
  /** The text searched for (after the typing pause). */
  term: string;
}

interface Outcome {
  isPending: boolean;
  isError: boolean;
  data: SearchHit[] | undefined;
}

function outcomes(results: readonly Outcome[]): Outcome[] {
  return results.map(({ isPending, isError, data }) => ({ isPending, isError, data }));
}

export function useNodeSearch(query: string, isOpen: boolean): NodeSearch {
  const queryClient = useQueryClient();
  const [debounced] = useDebouncedValue(query.trim(), TYPING_PAUSE_MS);
  const term = debounced;
  const isActive = isOpen && term.length >= MIN_SEARCH_LENGTH;
  const projects = useQuery({ ...projectSummariesQuery(), enabled: isOpen });
  const matchingProjects = useQuery({
    ...projectSummariesQuery(textSearch(['name', 'code'], term)),
    enabled: isActive,
  });
  const scopes = useMemo(() => (isActive ? (projects.data?.items ?? []) : []), [isActive, projects.data]);
  const inProjects = useQueries({
    queries: scopes.map((project) => ({
      queryKey: searchKeys.inProject(project.projectCode, term),
      queryFn: ({ signal }: { signal: AbortSignal }) => searchProject(queryClient, project, term, signal),
      staleTime: 0,
      gcTime: 60_000,
    })),
    combine: outcomes,
  });

  const groups = useMemo(() => {
    if (!isActive) return [];
    const hits = [
      ...(matchingProjects.data?.items ?? []).map((project) =>
        nodeHit(project, project.description ?? 'Project'),
      ),
      ...inProjects.flatMap((outcome) => outcome.data ?? []),
    ];
    return groupHits(hits, term);
  }, [isActive, matchingProjects.data, inProjects, term]);

  return {
    groups,
    term,
    isTooShort: query.trim().length < MIN_SEARCH_LENGTH,
    isSearching:
      isActive &&
      (projects.isPending || matchingProjects.isPending || inProjects.some((outcome) => outcome.isPending)),
    searched: inProjects.filter((outcome) => !outcome.isPending).length,
    total: scopes.length,
    failedProjects: inProjects.filter((outcome) => outcome.isError).length,
    // Without the list there is nothing to search in; counted apart so the footer does not say "0 projects".
    projectListFailed: isActive && projects.isError,
    projectNamesFailed: isActive && matchingProjects.isError,
  };
}
