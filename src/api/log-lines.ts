import { logLineListDocumentSchema, logLineResourceSchema, type LogLine } from '@contract/change';
import { parseRows, type UnreadableRow } from '@/lib/list-rows';
import { cursorParams, START_CURSOR, type TailCursor } from '@/lib/log-tail';
import { apiDownload, apiRequest, apiUrl, describeRequest } from './client';
import { parseList, reportUnreadableRows } from './json-api';
import { isPlainStamp, isRecord } from './plain-json';

// Log lines of a change or of one step (domain §8). The pane loads them with one request shape, the tail
// cursor (README "Tailing logs"): a long log is read in pages of BULK_PAGE lines (each page starts where the
// last ended; the feed reads a few time ranges of it side by side, `filter[logged_at_lt]` ending each), a
// running change's by polling with the same cursor.
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
  return parseLogLines(body, describeRequest('GET', path), apiUrl(path));
}

/**
 * A log_lines list document, every row checked (a million-line log is 100 answers of 10,000 rows, so the
 * usual row check is done by hand here): a row exactly in the shape OpsChain sends is read directly into a
 * flat line; any other row goes through the contract schema like the rows of every list (`parseList`),
 * which reads it or marks it unreadable. The envelope (meta) is checked by the contract schema.
 */
export function parseLogLines(body: unknown, request: string, listKey: string): LogPage {
  const record = isRecord(body) ? body : null;
  const members: readonly unknown[] | null =
    record !== null && Array.isArray(record.data) ? record.data : null;
  // The envelope without its rows; not a list at all, parseList says what is wrong (it throws).
  const envelope = parseList(
    logLineListDocumentSchema,
    record === null || members === null ? body : { ...record, data: [] },
    request,
    listKey,
  );
  const lines: LogLine[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const [index, member] of (members ?? []).entries()) {
    const line = plainLogLine(member);
    if (line !== null) {
      lines.push(line);
      continue;
    }
    const checked = parseRows(logLineResourceSchema, [member], index);
    for (const r of checked.items) lines.push({ id: r.id, ...r.attributes });
    unreadable.push(...checked.unreadable);
  }
  reportUnreadableRows(request, unreadable, listKey);
  return {
    lines,
    isPartial: envelope.meta?.partial_response === true,
    unreadableCount: unreadable.length,
  };
}

/**
 * A resource `{ id, type: 'log_line', attributes: { change_id, step_id, message, logged_at } }` with
 * strings where the contract wants them and nothing else to check (no links, relationships or meta), as a
 * flat line; null for any other value (the contract schema then decides).
 */
export function plainLogLine(member: unknown): LogLine | null {
  if (!isRecord(member) || member.type !== 'log_line' || typeof member.id !== 'string') return null;
  if ('links' in member || 'relationships' in member || 'meta' in member) return null;
  const a = member.attributes;
  if (!isRecord(a)) return null;
  const { change_id, step_id, message, logged_at } = a;
  if (typeof change_id !== 'string' || typeof step_id !== 'string' || typeof message !== 'string')
    return null;
  if (!isPlainStamp(logged_at)) return null;
  return { id: member.id, change_id, step_id, message, logged_at };
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
