import { logLineListDocumentSchema, type LogLine } from '@contract/change';
import { cursorParams, START_CURSOR, type TailCursor } from '@/lib/log-tail';
import { apiDownload, apiRequest, apiUrl, describeRequest } from './client';
import { parseList } from './json-api';

// Log lines of a change or of one step (domain §8). The pane loads them with one request shape, the tail
// cursor (README "Tailing logs"): a finished change's log is read in pages of BULK_PAGE lines one after
// another (each page starts where the last ended), a running change's by polling with the same cursor.
// Pages of log_lines were chosen over the `download` file for the bulk load because only they carry each
// line's time and step (the pane shows times and filters by step); the console benchmark measures both.

export interface LogScope {
  changeId: string;
  /** Only this step's own lines (`/api/steps/{id}/log_lines`). */
  stepId?: string | undefined;
}

/** The first page is small, so the first screen paints quickly. */
export const FIRST_PAGE = 500;
/** The API's largest page: fewest round trips for a long log. */
export const BULK_PAGE = 10_000;

export function logLinesPath(scope: LogScope): string {
  return scope.stepId === undefined
    ? `/changes/${encodeURIComponent(scope.changeId)}/log_lines`
    : `/steps/${encodeURIComponent(scope.stepId)}/log_lines`;
}

export interface LogPage {
  /** In `logged_at` order. */
  lines: LogLine[];
  /** More lines matched than `limit`: ask again at once. */
  isPartial: boolean;
  /** Lines the console could not read (reported once in the browser console). */
  unreadableCount: number;
}

/**
 * One page after `cursor` (lines at or after its time, without the ids it already holds); with `before` (a
 * timestamp), only lines logged before it.
 */
export async function fetchLogPage(
  scope: LogScope,
  cursor: TailCursor,
  limit: number,
  signal?: AbortSignal,
  before?: string,
): Promise<LogPage> {
  return readPage(scope, [...cursorParams(cursor, before), ['limit', String(limit)]], signal);
}

/** The newest line of the log (where a log read in parts ends), or null for an empty log. */
export async function fetchNewestLogLine(scope: LogScope, signal?: AbortSignal): Promise<LogLine | null> {
  const page = await readPage(
    scope,
    [
      ['filter[sorts]', 'logged_at desc'],
      ['limit', '1'],
    ],
    signal,
  );
  return page.lines[0] ?? null;
}

async function readPage(
  scope: LogScope,
  params: [string, string][],
  signal: AbortSignal | undefined,
): Promise<LogPage> {
  const path = logLinesPath(scope);
  const body = await apiRequest(path, { params, signal });
  // The list key leaves the cursor out: a mismatch is reported once per log, not once per poll.
  const list = parseList(logLineListDocumentSchema, body, describeRequest('GET', path), apiUrl(path));
  return {
    lines: list.data.map((r) => ({ id: r.id, ...r.attributes })),
    isPartial: list.meta?.partial_response === true,
    unreadableCount: list.unreadable.length,
  };
}

// The first page of a log, asked for by the route that shows it before the page's own code has loaded and
// rendered (a few hundred milliseconds earlier on the change page); the pane's first request takes it.
// Kept briefly: a prefetch the pane never takes (the reader went elsewhere) is dropped.
const EARLY_TTL_MS = 10_000;
const early = new Map<string, { page: Promise<LogPage>; at: number }>();

const scopeKey = (scope: LogScope) => `${scope.changeId}|${scope.stepId ?? ''}`;

/** Starts loading the first page of a log (FIRST_PAGE lines from its start) now. */
export function prefetchFirstLogPage(scope: LogScope): void {
  const key = scopeKey(scope);
  const now = performance.now();
  for (const [k, v] of early) if (now - v.at >= EARLY_TTL_MS) early.delete(k);
  const known = early.get(key);
  if (known !== undefined && now - known.at < EARLY_TTL_MS) return;
  const page = fetchLogPage(scope, START_CURSOR, FIRST_PAGE);
  // Awaited by the pane, if it comes: a failure meanwhile is not "unhandled" (the pane then asks again).
  page.catch(() => undefined);
  early.set(key, { page, at: now });
}

/** The prefetched first page of a log (once), or null when none is fresh. */
export function takeFirstLogPage(scope: LogScope): Promise<LogPage> | null {
  const key = scopeKey(scope);
  const known = early.get(key);
  early.delete(key);
  return known !== undefined && performance.now() - known.at < EARLY_TTL_MS ? known.page : null;
}

/** A file name for a log download: `change-<id>.log` or `change-<id>-step-<id>.log`. */
export function logFileName(scope: LogScope): string {
  const safe = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '-');
  return scope.stepId === undefined
    ? `change-${safe(scope.changeId)}.log`
    : `change-${safe(scope.changeId)}-step-${safe(scope.stepId)}.log`;
}

/** The whole log as a text file (the API's `download`), with the signed-in user's credentials. */
export async function downloadLog(scope: LogScope): Promise<{ blob: Blob; fileName: string }> {
  const fileName = logFileName(scope);
  const file = await apiDownload(logLinesPath(scope), { params: [['download', fileName]] });
  return { blob: file.blob, fileName: file.fileName ?? fileName };
}
