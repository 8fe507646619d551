import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { projectSearchQuery, type ProjectMatches } from '@/api/node-search';
import { projectSummariesQuery } from '@/api/projects';
import { MIN_SERVER_FILTER_LENGTH, revealPathsFor, type ServerFilterProgress } from './server-filter';
import { normaliseFilter } from './tree-model';

/** How long typing pauses before the server is asked. */
const TYPING_PAUSE_MS = 250;

export interface ServerFilter extends ServerFilterProgress {
  /** Nodes to open so the server's matches show (their projects and environments), as answers arrive. */
  revealPaths: readonly string[];
}

interface Outcome {
  isPending: boolean;
  isError: boolean;
  data: ProjectMatches | undefined;
}

// Module-level so React Query keeps the combined value stable while no result changes.
function outcomes(results: readonly Outcome[]): Outcome[] {
  return results.map(({ isPending, isError, data }) => ({ isPending, isError, data }));
}

/** Searches every project's contents for the filter text (with the same calls as global search). */
export function useServerFilter(filter: string): ServerFilter {
  const typed = normaliseFilter(filter);
  const [term] = useDebouncedValue(typed, TYPING_PAUSE_MS);
  const isActive = term.length >= MIN_SERVER_FILTER_LENGTH;
  const projects = useQuery(projectSummariesQuery());
  const scopes = useMemo(() => (isActive ? (projects.data?.items ?? []) : []), [isActive, projects.data]);
  const results = useQueries({
    queries: scopes.map((project) => projectSearchQuery(project, term)),
    combine: outcomes,
  });
  const revealPaths = useMemo(
    () => revealPathsFor(results.flatMap((outcome) => (outcome.data === undefined ? [] : [outcome.data]))),
    [results],
  );
  return {
    term: typed,
    isTooShort: typed !== '' && typed.length < MIN_SERVER_FILTER_LENGTH,
    // Still typing counts as searching: the line must not report the previous text as searched.
    isSearching:
      typed !== term || (isActive && (projects.isPending || results.some((outcome) => outcome.isPending))),
    total: scopes.length,
    searched: results.filter((outcome) => !outcome.isPending).length,
    failed: results.filter((outcome) => outcome.isError).length,
    projectListFailed: isActive && projects.isError,
    revealPaths: isActive && term === typed ? revealPaths : [],
  };
}
