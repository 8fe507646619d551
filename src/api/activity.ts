import { changeListDocumentSchema, changeResourceSchema, type ChangeResource } from '@contract/change';
import type { ChangeFilterKey, JsonFilterKey, WorkflowRunFilterKey } from '@contract/filters';
import { jsonFilterAttribute } from '@contract/filters';
import type { JsonObject } from '@contract/json-api';
import { workflowRunListDocumentSchema, type WorkflowRunResource } from '@contract/workflow';
import { queryOptions, type QueryFunction } from '@tanstack/react-query';
import type { UnreadableRow } from '@/lib/list-rows';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import type { CsvExportInput } from './downloads';
import { failureMessage } from './failures';
import { fetchList, streamResources } from './json-api';
import { paintOpportunity, untilShown } from './streamed-list';

// Activity: changes and workflow runs together, newest first (domain §7, §9.3). Changes come from
// `/api/changes` (or `<node>/changes` for a node's Activity tab), runs from `/api/workflow_runs`; both are
// filtered on the server. The first load streams (10,000 changes paint their first rows at once); after that
// the list is polled for what changed since the newest `updated_at` seen (`updated_at_gteq`), and those rows
// are merged in, so a poll moves a few rows rather than the whole list.

export type ActivityKind = 'change' | 'workflow_run';

/** One change or workflow run as the activity list shows it. */
export interface ActivityRow {
  kind: ActivityKind;
  id: string;
  /** The change's action, or the name of the run's workflow. */
  action: string;
  status_code: string;
  created_by: string;
  scheduled: boolean;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** The OpsChain path of the change's target (`/projects/bank/environments/dev`) or the run's project. */
  target_path: string | null;
  /** The target by name: `Bank › Development › Web server`. */
  target_name: string;
  /** A run's workflow code (from its links); null for changes. */
  workflow_code: string | null;
  metadata: JsonObject;
}

/** What the activity list filters on, on the server; every field optional. */
export interface ActivityFilters {
  /** Any of these `status_code`s. */
  statuses?: readonly string[] | undefined;
  /** Part of the action (changes only). */
  action?: string | undefined;
  /** The target's path starts with this (changes only): `/projects/bank`. */
  targetPrefix?: string | undefined;
  /** Part of the creator's username. */
  createdBy?: string | undefined;
  /** ISO timestamp: created at or after it. */
  from?: string | undefined;
  /** ISO timestamp: created before it. */
  before?: string | undefined;
  /** A metadata key (nested keys joined by commas, `notifications,events`) and the value it must equal. */
  metadataKey?: string | undefined;
  metadataValue?: string | undefined;
  /** Only changes or only workflow runs. */
  kind?: ActivityKind | undefined;
}

/** Whose activity: everything the user may see, or one node's (its own changes and those below it). */
export type ActivityScope = { nodePath: string } | null;

export interface ActivityList {
  /** Newest first. */
  rows: readonly ActivityRow[];
  /** Members of the answers the console could not read (shown marked). */
  unreadable: readonly UnreadableRow[];
  /** False while the first load is still arriving. */
  complete: boolean;
  /** The newest `updated_at` among the rows: the next poll asks for what changed since. */
  watermark: string | null;
  /** Why the workflow runs could not be loaded, when the changes could; null otherwise. */
  runsFailure: string | null;
}

export const activityKeys = {
  all: ['activity'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (scope: ActivityScope, filters: ActivityFilters) =>
    [...activityKeys.lists(), scope?.nodePath ?? 'all', filters] as const,
};

type ChangeQuery = RansackQuery<ChangeFilterKey | JsonFilterKey<'metadata'>, never>;
type RunQuery = RansackQuery<WorkflowRunFilterKey | JsonFilterKey<'metadata'>, never>;

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === '' ? undefined : text;
}

/** `metadata_<key>_eq` for a key and value, or nothing when either is blank. */
function metadataFilter(filters: ActivityFilters): Partial<Record<JsonFilterKey<'metadata'>, string>> {
  const key = trimmed(filters.metadataKey);
  const value = filters.metadataValue;
  if (key === undefined || value === undefined || value === '') return {};
  const path = key.split(',').map((part) => part.trim());
  return { [`${jsonFilterAttribute('metadata', path)}_eq`]: value };
}

function statusFilter(filters: ActivityFilters): readonly string[] | undefined {
  return filters.statuses === undefined || filters.statuses.length === 0 ? undefined : filters.statuses;
}

/** The ransack query for changes. `withStatus: false` leaves the status out (polls: see mergeFresh). */
export function changeActivityQuery(filters: ActivityFilters, withStatus = true): ChangeQuery {
  return {
    filters: {
      status_code_in: withStatus ? statusFilter(filters) : undefined,
      action_cont: trimmed(filters.action),
      parent_path_start: trimmed(filters.targetPrefix),
      created_by_cont: trimmed(filters.createdBy),
      created_at_gteq: filters.from,
      created_at_lt: filters.before,
      ...metadataFilter(filters),
    },
  };
}

/** The ransack query for workflow runs (they have no action or target path to filter by). */
export function runActivityQuery(filters: ActivityFilters, withStatus = true): RunQuery {
  return {
    filters: {
      status_code_in: withStatus ? statusFilter(filters) : undefined,
      created_by_cont: trimmed(filters.createdBy),
      created_at_gteq: filters.from,
      created_at_lt: filters.before,
      ...metadataFilter(filters),
    },
  };
}

/**
 * Whether workflow runs belong in the list: only on the global list, and not while filtering by action or
 * target (runs have neither) or asking for changes only.
 */
export function includesRuns(scope: ActivityScope, filters: ActivityFilters): boolean {
  return (
    scope === null &&
    filters.kind !== 'change' &&
    trimmed(filters.action) === undefined &&
    trimmed(filters.targetPrefix) === undefined
  );
}

const apiPathOf = (link: string | null | undefined): string | null =>
  link === undefined || link === null ? null : link.replace(/^\/api(?=\/)/, '');

function changeRow(resource: ChangeResource): ActivityRow {
  const a = resource.attributes;
  return {
    kind: 'change',
    id: resource.id,
    action: a.action,
    status_code: a.status_code,
    created_by: a.created_by,
    scheduled: a.scheduled,
    created_at: a.created_at,
    started_at: a.started_at,
    finished_at: a.finished_at,
    updated_at: a.updated_at,
    target_path: apiPathOf(resource.links?.parent),
    target_name: [a.project_name, a.environment_name, a.asset_name]
      .filter((name): name is string => name !== null)
      .join(' › '),
    workflow_code: null,
    metadata: a.metadata,
  };
}

function runRow(resource: WorkflowRunResource): ActivityRow {
  const a = resource.attributes;
  const self = resource.links?.self ?? '';
  return {
    kind: 'workflow_run',
    id: resource.id,
    action: a.step_tree.name,
    status_code: a.status_code,
    created_by: a.created_by,
    scheduled: a.scheduled,
    created_at: a.created_at,
    started_at: a.started_at,
    finished_at: a.finished_at,
    updated_at: a.updated_at,
    target_path: apiPathOf(resource.links?.parent),
    target_name: a.project_name,
    workflow_code: /\/workflows\/([^/]+)\/runs\//.exec(self)?.[1] ?? null,
    metadata: a.metadata,
  };
}

const changesPath = (scope: ActivityScope) => (scope === null ? '/changes' : `${scope.nodePath}/changes`);

/** The CSV of the changes on screen (the API exports changes; workflow runs have no download). */
export function activityCsvRequest(scope: ActivityScope, filters: ActivityFilters): CsvExportInput {
  const base = scope === null ? 'activity' : `${scope.nodePath.replace(/^\/projects\//, '')}-activity`;
  return {
    path: changesPath(scope),
    params: ransackParams(changeActivityQuery(filters)),
    fileName: base,
  };
}

const rowKey = (row: Pick<ActivityRow, 'kind' | 'id'>) => `${row.kind}:${row.id}`;

/** Newest first; rows created at the same time keep their order (the server's, newest first). */
export function newestFirst(rows: readonly ActivityRow[]): ActivityRow[] {
  return [...rows].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
}

function newestUpdate(rows: readonly ActivityRow[], since: string | null): string | null {
  let newest = since;
  for (const row of rows) if (newest === null || row.updated_at > newest) newest = row.updated_at;
  return newest;
}

/**
 * Merges rows that changed since the last poll into the list: new ones join, changed ones are replaced, and
 * ones whose status no longer matches the status filter leave (polls ask without the status, as a change
 * that finished is no longer `running`). Returns `list` itself when nothing differs, so nothing re-renders.
 */
export function mergeFresh(
  list: ActivityList,
  fresh: readonly ActivityRow[],
  statuses: readonly string[] | undefined,
): ActivityList {
  const matches = (row: ActivityRow) =>
    statuses === undefined || statuses.length === 0 || statuses.includes(row.status_code);
  const byKey = new Map(list.rows.map((row) => [rowKey(row), row]));
  let isChanged = false;
  for (const row of fresh) {
    const key = rowKey(row);
    const old = byKey.get(key);
    if (!matches(row)) {
      if (old !== undefined) {
        byKey.delete(key);
        isChanged = true;
      }
    } else if (old?.updated_at !== row.updated_at || old.status_code !== row.status_code) {
      byKey.set(key, row);
      isChanged = true;
    }
  }
  if (!isChanged) return list;
  return {
    ...list,
    rows: newestFirst([...byKey.values()]),
    watermark: newestUpdate(fresh, list.watermark),
  };
}

interface Loaded {
  rows: ActivityRow[];
  unreadable: UnreadableRow[];
}

async function fetchChanges(scope: ActivityScope, query: ChangeQuery, signal: AbortSignal): Promise<Loaded> {
  const list = await fetchList(changeListDocumentSchema, changesPath(scope), {
    params: ransackParams(query),
    signal,
  });
  return { rows: list.data.map(changeRow), unreadable: list.unreadable };
}

async function fetchRuns(query: RunQuery, signal: AbortSignal): Promise<Loaded> {
  const list = await fetchList(workflowRunListDocumentSchema, '/workflow_runs', {
    params: ransackParams(query),
    signal,
  });
  return { rows: list.data.map(runRow), unreadable: list.unreadable };
}

type RunsOutcome = Loaded | { failure: string };

async function settleRuns(loading: Promise<Loaded>): Promise<RunsOutcome> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { failure: failureMessage(error) };
  }
}

/** A poll: what changed since the watermark, merged in. */
async function refresh(
  list: ActivityList,
  scope: ActivityScope,
  filters: ActivityFilters,
  signal: AbortSignal,
): Promise<ActivityList> {
  const since = list.watermark;
  const changeQuery = changeActivityQuery(filters, false);
  const runQuery = runActivityQuery(filters, false);
  if (since !== null) {
    changeQuery.filters = { ...changeQuery.filters, updated_at_gteq: since };
    runQuery.filters = { ...runQuery.filters, updated_at_gteq: since };
  }
  const withRuns = includesRuns(scope, filters) && filters.kind !== 'change';
  const withChanges = filters.kind !== 'workflow_run';
  const [changes, runs] = await Promise.all([
    withChanges ? fetchChanges(scope, changeQuery, signal) : { rows: [], unreadable: [] },
    withRuns ? settleRuns(fetchRuns(runQuery, signal)) : { rows: [], unreadable: [] },
  ]);
  const runRows = 'failure' in runs ? [] : runs.rows;
  const merged = mergeFresh(list, [...changes.rows, ...runRows], filters.statuses);
  const runsFailure = 'failure' in runs ? runs.failure : null;
  return merged.runsFailure === runsFailure ? merged : { ...merged, runsFailure };
}

/** The first load: changes streamed (each batch shown as it arrives), runs beside them. */
async function load(
  write: (list: ActivityList) => void,
  untilWatched: () => Promise<void>,
  scope: ActivityScope,
  filters: ActivityFilters,
  signal: AbortSignal,
): Promise<ActivityList> {
  const runsLoading: Promise<RunsOutcome> =
    includesRuns(scope, filters) && filters.kind !== 'change'
      ? settleRuns(fetchRuns(runActivityQuery(filters), signal))
      : Promise.resolve({ rows: [], unreadable: [] });
  let changes: ActivityRow[] = [];
  let unreadable: UnreadableRow[] = [];
  let runs: RunsOutcome | undefined;
  const snapshot = (complete: boolean): ActivityList => {
    const runRows = runs === undefined || 'failure' in runs ? [] : runs.rows;
    // The whole list is put in order once it has come: a change created while a long list streams can
    // arrive a little out of order (the emulator sends it after its first 500), and later polls only
    // merge what changed.
    const rows = runRows.length === 0 && !complete ? changes : newestFirst([...changes, ...runRows]);
    return {
      rows,
      // The same array while nothing was added: the list does not re-render for it.
      unreadable:
        runs === undefined || 'failure' in runs || runs.unreadable.length === 0
          ? unreadable
          : [...unreadable, ...runs.unreadable],
      complete,
      watermark: newestUpdate(rows, null),
      runsFailure: runs !== undefined && 'failure' in runs ? runs.failure : null,
    };
  };
  if (filters.kind !== 'workflow_run') {
    const stream = streamResources(changeResourceSchema, changesPath(scope), {
      params: ransackParams(changeActivityQuery(filters)),
      signal,
    });
    for await (const batch of stream) {
      changes = changes.concat(batch.items.map(changeRow));
      if (batch.unreadable.length > 0) unreadable = unreadable.concat(batch.unreadable);
      runs ??= await runsLoading;
      write(snapshot(false));
      await untilWatched();
      await paintOpportunity();
    }
  }
  runs ??= await runsLoading;
  return snapshot(true);
}

function activityQueryFn(
  scope: ActivityScope,
  filters: ActivityFilters,
): QueryFunction<ActivityList, ReturnType<typeof activityKeys.list>> {
  return async ({ client, queryKey, signal }) => {
    const previous = client.getQueryData<ActivityList>(queryKey);
    if (previous?.complete === true) return refresh(previous, scope, filters, signal);
    return load(
      (list) => {
        client.setQueryData<ActivityList>(queryKey, list);
      },
      () => untilShown(client, queryKey, signal),
      scope,
      filters,
      signal,
    );
  };
}

/** How often a visible activity list asks what changed (React Query pauses it while the tab is hidden). */
export const ACTIVITY_POLL_MS = 3000;

/** The activity list; polls for changes once loaded. No structural sharing: merges keep unchanged rows. */
export const activityListQuery = (scope: ActivityScope, filters: ActivityFilters) =>
  queryOptions({
    queryKey: activityKeys.list(scope, filters),
    queryFn: activityQueryFn(scope, filters),
    structuralSharing: false,
    refetchInterval: (query) => (query.state.data?.complete === true ? ACTIVITY_POLL_MS : false),
  });
