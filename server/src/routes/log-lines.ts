/**
 * Log lines (domain §8, checklist rows 20–22): `GET /api/changes/{id}/log_lines`, `GET /api/steps/{id}/log_lines`
 * (that step's own lines) and `GET /api/log_lines` (lines of every change the caller can see).
 *
 * THE TAIL CURSOR — how a client follows a running change without missing or repeating a line. It uses only
 * documented parameters, so the console does the same against a real OpsChain:
 *
 *   GET /api/changes/{id}/log_lines?filter[logged_at_gteq]=<T>&filter[sorts]=logged_at asc
 *
 *   - First request: no `logged_at_gteq`. Lines come oldest first, ordered by (logged_at, id).
 *   - T is the `logged_at` of the last line received. Lines sharing one timestamp are common (a stack trace is
 *     logged at one instant), so the answer starts with the lines at T the client already has: it keeps the
 *     ids of the lines it holds at exactly T and drops those (only those — the set stays small).
 *   - While `meta.partial_response` is true, poll again at once; otherwise wait for the next poll. Stop after
 *     the change has finished and one more poll brought nothing new.
 *
 * What the emulator guarantees so that this cursor is exact, including while the engine is writing:
 *   1. `logged_at` never decreases in insertion order (engine/logs.ts stamps a line that would go back in time
 *      with the newest stored time), and every write (one engine tick, one API call) commits in one
 *      transaction. So any line committed after a poll has `logged_at` ≥ every line that poll saw: `gteq` T
 *      cannot miss it, and dropping seen ids at T cannot duplicate one.
 *   2. A page cut by `limit` never ends inside a group of lines sharing one `logged_at`: the group is completed
 *      (the page can exceed `limit` by the rest of that group). So the cursor always advances, even when more
 *      lines share a timestamp than `limit` allows.
 * Ids are decimal strings of a per-database counter, increasing in insertion order. `filter[id_gt]=<last id>`
 * therefore also works here as a cursor, but real OpsChain ids are UUIDs: the console must not use it.
 *
 * `limit` (all three endpoints): default and maximum 10,000 (the documented cap; the spec's own "maximum 1000,
 * default 10000" contradicts itself, so larger values are clamped rather than refused); not a whole number ≥ 1
 * → 400. The first `limit` lines in the requested order are returned, `meta.partial_response` says whether
 * more matched. `download=<name>.log`: a text/plain attachment, one message per line, oldest first whatever
 * the sort, every matching line unless `limit` is given.
 *
 * Redaction: lines of a change whose `<node>/log_lines/<action>` the caller may not read are listed with the
 * message REDACTED_MESSAGE (engine/access.ts); `message_*` filters see that text, not the hidden one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer } from '../authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { safeFileName, sendDownload } from '../csv.ts';
import { ApiHttpError } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { isPlainObject, type Resource } from '../jsonapi.ts';
import { canSeeChange, logsRedacted, REDACTED_MESSAGE } from '../engine/access.ts';
import { visibleChange } from './changes.ts';
import { visibleStep } from './steps.ts';

export const LOG_LIMIT = 10_000;

const DEFAULT_ORDER = 'l.logged_at ASC, l.seq ASC';

interface LogRow {
  seq: number;
  change_id: string;
  step_id: string;
  message: string;
  logged_at: string;
  hidden: number;
}

/** Which lines a request covers and how their messages read for this caller. */
interface LogScope {
  from: string;
  where: string;
  params: unknown[];
  /** SQL of the message as the caller sees it (redaction applied). */
  message: string;
  /** Leading parameters of the query (the hidden-actions set of the global endpoint). */
  leading: unknown[];
  /** SQL prefix (a CTE) those parameters belong to. */
  with: string;
}

function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function filters(message: string): FilterSchema {
  return {
    id: { sql: 'l.seq', type: 'number' },
    change_id: { sql: 'l.change_id', type: 'string' },
    step_id: { sql: 'l.step_id', type: 'string' },
    message: { sql: message, type: 'string' },
    logged_at: { sql: 'l.logged_at', type: 'datetime' },
  };
}

function parseLimit(query: URLSearchParams): number | undefined {
  const raw = query.get('limit');
  if (raw === null) return undefined;
  if (!/^\s*\d+\s*$/.test(raw) || Number(raw) < 1) {
    throw new ApiHttpError(400, [
      { status: 400, title: 'Invalid limit', detail: 'limit must be a whole number of at least 1', source: { parameter: 'limit' } },
    ]);
  }
  return Math.min(Number(raw), LOG_LIMIT);
}

/** `filter[sorts]=logged_at asc` is the default order: written as such so the (…, logged_at, seq) index serves it. */
function effectiveOrder(orderBy: string): string {
  const redundant = 'l.logged_at ASC NULLS LAST, ';
  return orderBy.startsWith(redundant) ? orderBy.slice(redundant.length) : orderBy;
}

function selectSql(scope: LogScope, where: string, order: string): string {
  return `${scope.with}SELECT l.seq, l.change_id, l.step_id, ${scope.message} AS message, l.logged_at
    FROM ${scope.from} WHERE ${scope.where} AND (${where}) ORDER BY ${order} LIMIT ?`;
}

function queryLines(emu: Emulator, scope: LogScope, req: FastifyRequest): { rows: LogRow[]; partial: boolean; download: string | null } {
  const query = queryOf(req.url);
  const filter = compileFilter(query, filters(scope.message), { defaultOrder: DEFAULT_ORDER });
  const download = query.get('download');
  const requested = parseLimit(query);
  const order = download ? DEFAULT_ORDER : effectiveOrder(filter.orderBy);
  const limit = download ? (requested ?? Number.MAX_SAFE_INTEGER) : (requested ?? LOG_LIMIT);
  const base = [...scope.leading, ...scope.params, ...filter.params];
  const fetched = emu.sql(selectSql(scope, filter.where, order)).all(...base, Math.min(limit + 1, Number.MAX_SAFE_INTEGER)) as LogRow[];
  if (fetched.length <= limit) return { rows: fetched, partial: false, download };
  const rows = fetched.slice(0, limit);
  const last = rows[rows.length - 1];
  if (!last || order !== DEFAULT_ORDER) return { rows, partial: true, download };
  // Complete the group of lines sharing the last timestamp, so the tail cursor always advances.
  const rest = emu
    .sql(selectSql(scope, `(${filter.where}) AND l.logged_at = ? AND l.seq > ?`, 'l.seq ASC'))
    .all(...base, last.logged_at, last.seq, LOG_LIMIT * 10) as LogRow[];
  rows.push(...rest);
  const after = emu
    .sql(selectSql(scope, `(${filter.where}) AND l.logged_at > ?`, DEFAULT_ORDER))
    .all(...base, last.logged_at, 1) as LogRow[];
  return { rows, partial: after.length > 0, download };
}

function toResource(row: LogRow): Resource {
  return {
    id: String(row.seq),
    type: 'log_line',
    attributes: { change_id: row.change_id, step_id: row.step_id, message: row.message, logged_at: row.logged_at },
  };
}

function answer(emu: Emulator, scope: LogScope, req: FastifyRequest, reply: FastifyReply) {
  const { rows, partial, download } = queryLines(emu, scope, req);
  if (download) {
    const text = rows.map((r) => `${r.message}\n`).join('');
    return sendDownload(reply, safeFileName(download, '.log'), 'text/plain; charset=utf-8', text);
  }
  return { data: rows.map(toResource), meta: { partial_response: partial } };
}

function singleChangeScope(authz: Authorizer, column: 'change_id' | 'step_id', id: string, nodePath: string, action: string): LogScope {
  return {
    from: 'log_lines l',
    where: `l.${column} = ?`,
    params: [id],
    message: logsRedacted(authz, nodePath, action) ? sqlText(REDACTED_MESSAGE) : 'l.message',
    leading: [],
    with: '',
  };
}

/** Every change the caller can see, with the (node, action) kinds whose logs are redacted for them. */
function allChangesScope(emu: Emulator, authz: Authorizer): LogScope {
  const kinds = emu
    .sql('SELECT DISTINCT c.node_id, c.action, n.path FROM changes c JOIN nodes n ON n.id = c.node_id')
    .all() as { node_id: string; action: string; path: string }[];
  const excluded: string[] = [];
  const hidden: string[] = [];
  for (const k of kinds) {
    const key = `${k.node_id}|${k.action}`;
    if (!canSeeChange(authz, k.path, k.action)) excluded.push(key);
    else if (logsRedacted(authz, k.path, k.action)) hidden.push(key);
  }
  const key = `(c.node_id || '|' || c.action)`;
  return {
    from: 'log_lines l JOIN changes c ON c.id = l.change_id',
    where: excluded.length > 0 ? `${key} NOT IN (SELECT value FROM json_each(?))` : '1=1',
    params: excluded.length > 0 ? [JSON.stringify(excluded)] : [],
    message: hidden.length > 0 ? `(CASE WHEN ${key} IN (SELECT k FROM hidden) THEN ${sqlText(REDACTED_MESSAGE)} ELSE l.message END)` : 'l.message',
    leading: hidden.length > 0 ? [JSON.stringify(hidden)] : [],
    with: hidden.length > 0 ? 'WITH hidden(k) AS (SELECT value FROM json_each(?)) ' : '',
  };
}

function paramOf(params: unknown, key: string): string {
  const value = isPlainObject(params) ? params[key] : undefined;
  return typeof value === 'string' ? value : '';
}

export function logLineRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/changes/:change_id/log_lines', (req, reply) => {
    const { authz } = callerOf(req);
    const change = visibleChange(emu, authz, paramOf(req.params, 'change_id'));
    return answer(emu, singleChangeScope(authz, 'change_id', change.id, change.node_path, change.action), req, reply);
  });

  app.get('/api/steps/:step_id/log_lines', (req, reply) => {
    const { authz } = callerOf(req);
    const step = visibleStep(emu, authz, paramOf(req.params, 'step_id'));
    return answer(emu, singleChangeScope(authz, 'step_id', step.id, step.node_path, step.change_action), req, reply);
  });

  app.get('/api/log_lines', (req, reply) => {
    const { authz } = callerOf(req);
    return answer(emu, allChangesScope(emu, authz), req, reply);
  });
}
