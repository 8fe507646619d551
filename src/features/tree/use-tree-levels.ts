import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { assetSummariesQuery } from '@/api/assets';
import { environmentSummariesQuery } from '@/api/environments';
import type { NodeSummary } from '@/api/node-summary';
import { projectSummariesQuery } from '@/api/projects';
import type { StreamedList } from '@/api/streamed-list';
import type { RowList, UnreadableRow } from '@/lib/list-rows';
import { parseNodePath } from '@/lib/node-path';
import { textSearch, type RansackQuery } from '@/lib/ransack';
import { isLargeLevel, normaliseFilter, type Level, type LevelStatus } from './tree-model';

// Loads the navigator level by level: the projects, then the children of each expanded node (a project's
// environments and, when its meta allows assets, the assets it owns; an environment's assets). Levels
// over LARGE_LEVEL children are also filtered by the server while the filter box has text.

/** The key of the projects' level among the others (which are keyed by parent path). */
export const ROOT = '';

/** How long typing pauses before a large level is filtered by the server. */
const SERVER_FILTER_DELAY_MS = 250;

type SummaryQuery =
  | ReturnType<typeof projectSummariesQuery>
  | ReturnType<typeof environmentSummariesQuery>
  | ReturnType<typeof assetSummariesQuery>;
type TextSearch = RansackQuery<'name_cont' | 'code_cont', never>;

interface Source {
  parent: string;
  query: (search: TextSearch) => SummaryQuery;
  /** Fetches the unfiltered level into the cache as its node is opened (see `load` below); not for ROOT. */
  load?: (client: QueryClient) => Promise<unknown>;
}

/** A failed early load is shown by the level's own query, which finds the same fetch. */
function ignoreFailure(): void {
  // nothing to do here
}

interface Sources {
  sources: Source[];
  /** Expanded nodes whose project lists no kind of child. */
  childless: string[];
}

/**
 * The queries for the projects and for each expanded node's children. Projects need their meta (from the
 * projects' level) to know whether they own assets; an environment's assets are asked for directly, so a
 * deep link's levels load side by side rather than one after the other.
 */
function sourcesFor(projects: readonly NodeSummary[] | undefined, expanded: ReadonlySet<string>): Sources {
  const sources: Source[] = [{ parent: ROOT, query: (search) => projectSummariesQuery(search) }];
  const childless: string[] = [];
  const byCode = new Map((projects ?? []).map((project) => [project.projectCode, project]));
  for (const path of expanded) {
    const ref = parseNodePath(path);
    const project = ref === null ? undefined : byCode.get(ref.projectCode);
    if (ref === null || project === undefined) continue;
    const types = project.meta.child_node_types;
    const before = sources.length;
    if (ref.kind === 'project') {
      if (types.includes('environment')) {
        sources.push({
          parent: path,
          query: (search) => environmentSummariesQuery(ref.projectCode, search),
          load: (client) => client.query(environmentSummariesQuery(ref.projectCode)),
        });
      }
      if (types.includes('asset')) {
        const owner = { projectCode: ref.projectCode };
        sources.push({
          parent: path,
          query: (search) => assetSummariesQuery(owner, search),
          load: (client) => client.query(assetSummariesQuery(owner)),
        });
      }
    } else if (ref.kind === 'environment' && types.includes('asset')) {
      const owner = { projectCode: ref.projectCode, environmentCode: ref.environmentCode };
      sources.push({
        parent: path,
        query: (search) => assetSummariesQuery(owner, search),
        load: (client) => client.query(assetSummariesQuery(owner)),
      });
    }
    // Expanded, but its project says it has nothing to list (the node's own meta disagreed): an empty level
    // rather than a spinner that never stops.
    if (sources.length === before) childless.push(path);
  }
  return { sources, childless };
}

interface Result {
  status: 'pending' | 'error' | 'success';
  data: RowList<NodeSummary> | StreamedList<NodeSummary> | undefined;
  error: Error | null;
}

interface Outcome {
  status: 'pending' | 'error' | 'success';
  /** What has arrived so far (asset levels arrive in batches). */
  nodes: readonly NodeSummary[];
  /** Children the server listed that the console could not read. */
  unreadable: readonly UnreadableRow[];
  /** False while a streamed level is still arriving. */
  complete: boolean;
  error: Error | null;
}

const NONE: readonly NodeSummary[] = [];
const NO_ROWS: readonly UnreadableRow[] = [];

// Module-level so React Query keeps the combined value stable while no result changes.
function outcomes(results: readonly Result[]): Outcome[] {
  return results.map(({ status, data, error }) => {
    if (data === undefined) return { status, nodes: NONE, unreadable: NO_ROWS, complete: false, error };
    const complete = 'complete' in data ? data.complete : true;
    return { status, nodes: data.items, unreadable: data.unreadable, complete, error };
  });
}

/**
 * A level shows what has arrived as soon as any of its lists has: a project's 10,000 assets need not wait
 * for its environments (whichever answers first), the others join in when they come.
 */
function levelStatus(group: readonly Outcome[]): LevelStatus {
  if (group.some((outcome) => outcome.status === 'error')) return 'error';
  if (group.every((outcome) => outcome.status === 'pending')) return 'loading';
  return group.every((outcome) => outcome.complete) ? 'ready' : 'streaming';
}

/** Results grouped by parent, in source order (a project's environments before its assets). */
function groupByParent(sources: readonly Source[], results: readonly Outcome[]): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  sources.forEach((source, index) => {
    const result = results[index];
    if (result !== undefined) groups.set(source.parent, [...(groups.get(source.parent) ?? []), result]);
  });
  return groups;
}

export interface TreeLevels {
  root: Level;
  /** The children of expanded nodes, by parent path. */
  levels: ReadonlyMap<string, Level>;
  /** Asks again for a level that failed (ROOT for the projects). */
  retry: (parent: string) => void;
  /** Starts loading the children of nodes about to be expanded. */
  load: (paths: readonly string[]) => void;
}

export function useTreeLevels(expanded: ReadonlySet<string>, filter: string): TreeLevels {
  const queryClient = useQueryClient();
  const [projects] = useQueries({ queries: [projectSummariesQuery()], combine: outcomes });
  const { sources, childless } = useMemo(
    () => sourcesFor(projects?.nodes, expanded),
    [projects?.nodes, expanded],
  );
  const results = useQueries({ queries: sources.map((source) => source.query({})), combine: outcomes });
  const plainLevels = useMemo(() => {
    const levels = new Map<string, Level>();
    for (const [parent, group] of groupByParent(sources, results)) {
      const status = levelStatus(group);
      levels.set(parent, {
        status,
        error: group.find((outcome) => outcome.error !== null)?.error ?? undefined,
        nodes: status === 'ready' || status === 'streaming' ? group.flatMap((outcome) => outcome.nodes) : [],
        unreadable: group.flatMap((outcome) => outcome.unreadable),
      });
    }
    for (const path of childless) levels.set(path, { status: 'ready', nodes: NONE });
    return levels;
  }, [sources, childless, results]);

  const [typed] = useDebouncedValue(normaliseFilter(filter), SERVER_FILTER_DELAY_MS);
  const search = useMemo(() => textSearch(['name', 'code'], typed), [typed]);
  const largeSources = useMemo(
    () => (typed === '' ? [] : sources.filter((source) => isLargeLevel(plainLevels.get(source.parent)))),
    [typed, sources, plainLevels],
  );
  const matches = useQueries({
    queries: largeSources.map((source) => ({ ...source.query(search), placeholderData: undefined })),
    combine: outcomes,
  });
  const levels = useMemo(() => {
    if (largeSources.length === 0) return plainLevels;
    const withMatches = new Map(plainLevels);
    for (const [parent, group] of groupByParent(largeSources, matches)) {
      const level = plainLevels.get(parent);
      if (level === undefined || levelStatus(group) !== 'ready') continue;
      withMatches.set(parent, { ...level, serverMatches: group.flatMap((outcome) => outcome.nodes) });
    }
    return withMatches;
  }, [plainLevels, largeSources, matches]);

  const retry = useCallback(
    (parent: string) => {
      for (const source of sources) {
        if (source.parent === parent)
          void queryClient.refetchQueries({ queryKey: source.query({}).queryKey });
      }
    },
    [queryClient, sources],
  );

  // Asking for a level as the node is opened, before React renders the change: the request leaves a render
  // earlier (the level's query then finds it under way).
  const projectNodes = projects?.nodes;
  const load = useCallback(
    (paths: readonly string[]) => {
      for (const source of sourcesFor(projectNodes, new Set(paths)).sources) {
        source.load?.(queryClient).catch(ignoreFailure);
      }
    },
    [queryClient, projectNodes],
  );

  return {
    root: levels.get(ROOT) ?? { status: 'loading', nodes: [] },
    levels,
    retry,
    load,
  };
}
