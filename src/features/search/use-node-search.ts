import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { projectSearchQuery, type ProjectMatches } from '@/api/node-search';
import type { NodeSummary } from '@/api/node-summary';
import { projectSummariesQuery } from '@/api/projects';
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

// Global search over the API: the projects by name or code, then each project's contents (see
// `@/api/node-search`), shown as projects answer.

const TYPING_PAUSE_MS = 250;

/** The hits in one project's answer, with where each lives. */
function projectHits(project: NodeSummary, matches: ProjectMatches): SearchHit[] {
  return [
    ...matches.environments.map((environment) => nodeHit(environment, project.name)),
    ...matches.assets.map(({ asset, environment }) =>
      nodeHit(asset, environment === null ? project.name : `${project.name} › ${environment.name}`),
    ),
    ...matches.workflows.map((workflow) => workflowHit(workflow, project.name)),
  ];
}

export interface NodeSearch extends SearchProgress {
  groups: SearchGroup[];
  /** The text searched for (after the typing pause). */
  term: string;
}

interface Outcome {
  isPending: boolean;
  isError: boolean;
  data: ProjectMatches | undefined;
}

function outcomes(results: readonly Outcome[]): Outcome[] {
  return results.map(({ isPending, isError, data }) => ({ isPending, isError, data }));
}

export function useNodeSearch(query: string, isOpen: boolean): NodeSearch {
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
    queries: scopes.map((project) => projectSearchQuery(project, term)),
    combine: outcomes,
  });

  const groups = useMemo(() => {
    if (!isActive) return [];
    const hits = [
      ...(matchingProjects.data?.items ?? []).map((project) =>
        nodeHit(project, project.description ?? 'Project'),
      ),
      ...inProjects.flatMap((outcome, index) => {
        const project = scopes[index];
        return project === undefined || outcome.data === undefined ? [] : projectHits(project, outcome.data);
      }),
    ];
    return groupHits(hits, term);
  }, [isActive, matchingProjects.data, inProjects, scopes, term]);

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
