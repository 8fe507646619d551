/**
 * Log lines (domain §8, checklist rows 20–22): `GET /api/changes/{id}/log_lines`, `GET /api/steps/{id}/log_lines`
 * (that step's own lines) and `GET /api/log_lines` (lines of every change the caller can see).
 *
 * THE TAIL CURSOR — how a client follows a running change without missing or repeating a line, even when
 * several lines share a timestamp. It uses documented ransack filters only, so the console does exactly the
 * same against a real OpsChain:
 *
 *   GET /api/changes/{id}/log_lines?filter[sorts]=logged_at asc
 *        &filter[logged_at_gteq]=<T>&filter[id_not_in][]=<id>&filter[id_not_in][]=<id>…[&limit=<n>]
 *
 *   - The cursor is (T, S): T the `logged_at` of the newest line received, S the ids received whose
 *     `logged_at` is exactly T. The first request has neither filter.
 *   - Every line of an answer is new: lines at T already held are excluded by id, lines before T by time.
 *     Append them, then move the cursor: T = the last line's `logged_at`; S = the ids at that T (added to S
 *     when T did not change).
 *   - While `meta.partial_response` is true poll again at once (each page makes progress whatever `limit`);
 *     otherwise at the next interval. Stop after the change has finished and one more poll brought nothing.
 *   - Without `id_not_in`, a client that drops the ids it already has works too, but stalls if more lines
 *     share T than `limit` allows (the same page comes back): keep the exclusion.
 *
 * Why it is exact here, also while the engine writes: `logged_at` never decreases in insertion order
 * (engine/logs.ts stamps a line that would go back in time with the newest stored time) and every write (an
 * engine tick, an API call) commits in one transaction. So a line committed after a poll has `logged_at` ≥
 * every line that poll saw: `gteq` T cannot miss it, and excluding S cannot hide it (its id is new). At most
 * 100 lines share one `logged_at` (engine/logs.ts), so S stays short.
 *
 * Ids are decimal strings of a per-database counter, increasing in insertion order, and lines are ordered by
 * (logged_at, id). (`filter[id_gt]` would therefore also work as a cursor here, but real OpsChain ids are
 * UUIDs: the console must not rely on it.)
 *
 * `limit` (all three endpoints): default and maximum 10,000 (the documented cap; the spec's own "maximum 1000,
 * default 10000" contradicts itself, so larger values are clamped rather than refused); not a whole number ≥ 1
 * → 400. The first `limit` lines in the requested order are returned; `meta.partial_response` says whether
 * more matched. `download=<name>.log`: a text/plain attachment, one message per line, oldest first whatever
 * the sort, every matching line unless `limit` is given.
 *
 * Redaction: lines of a change whose `<node>/log_lines/<action>` the caller may not read are listed with the
 * message REDACTED_MESSAGE (engine/access.ts); `message_*` filters see that text, not the hidden one.
 */
import type { LogLineAttributes } from '@contract/change.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { safeFileName, sendDownload } from '../csv.ts';
import { ApiHttpError } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { isPlainObject } from '../jsonapi.ts';
import { canSeeChange, logsRedacted, REDACTED_MESSAGE } from '../engine/access.ts';
import { visibleChange } from './changes.ts';
import { visibleStep } from './steps.ts';

const LOG_LIMIT = 10_000;

const DEFAULT_ORDER = 'l.logged_at ASC, l.seq ASC';

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

/** `message` is the SQL of the message as the caller may see it (redacted or not). */
export function logLineFilters(message: string): FilterSchema {
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
      {
        status: 400,
        title: 'Invalid limit',
        detail: 'limit must be a whole number of at least 1',
        source: { parameter: 'limit' },
      },
    ]);
  }
  return Math.min(Number(raw), LOG_LIMIT);
}

/** `filter[sorts]=logged_at asc` is the default order: written as such so the (…, logged_at, seq) index serves it. */
function effectiveOrder(orderBy: string): string {
  const redundant = 'l.logged_at ASC NULLS LAST, ';
  return orderBy.startsWith(redundant) ? orderBy.slice(redundant.length) : orderBy;
}

/** The SELECT of a log query; `columns` is either the row columns or each line's JSON:API resource as text. */
function selectSql(scope: LogScope, where: string, order: string, columns: string): string {
  return `${scope.with}SELECT ${columns} FROM ${scope.from} WHERE ${scope.where} AND (${where}) ORDER BY ${order} LIMIT ?`;
}

/**
 * Each line's resource rendered by SQLite (json_object escapes control characters such as ANSI colours):
 * a 1,000-line page then costs one string join instead of thousands of objects to build and stringify.
 */
function resourceColumn(scope: LogScope): string {
  // Keyed by the console's attribute names, so a missing or extra attribute fails `tsc`; the values are SQL
  // expressions, whose types TypeScript cannot check (the route tests do).
  const attributes: Record<keyof LogLineAttributes, string> = {
    change_id: 'l.change_id',
    step_id: 'l.step_id',
    message: scope.message,
    logged_at: 'l.logged_at',
  };
  const pairs = Object.entries(attributes)
    .map(([name, sql]) => `'${name}', ${sql}`)
    .join(', ');
  return `json_object('id', CAST(l.seq AS TEXT), 'type', 'log_line', 'attributes', json_object(${pairs}))`;
}

interface LogQuery {
  sqlWhere: string;
  params: unknown[];
  order: string;
  /** Rows to return; -1 for all. */
  limit: number;
  download: string | null;
}

function readQuery(scope: LogScope, req: FastifyRequest): LogQuery {
  const query = queryOf(req.url);
  const filter = compileFilter(query, logLineFilters(scope.message), { defaultOrder: DEFAULT_ORDER });
  const download = query.get('download');
  const requested = parseLimit(query);
  return {
    sqlWhere: filter.where,
    params: [...scope.leading, ...scope.params, ...filter.params],
    order: download ? DEFAULT_ORDER : effectiveOrder(filter.orderBy),
    // A download without `limit` has every matching line.
    limit: download ? (requested ?? -1) : (requested ?? LOG_LIMIT),
    download,
  };
}

function answer(emu: Emulator, scope: LogScope, req: FastifyRequest, reply: FastifyReply) {
  const q = readQuery(scope, req);
  if (q.download) {
    // Only the messages, as plain strings: a million-line log is one query and one join, no row objects.
    const messages = emu
      .sql(selectSql(scope, q.sqlWhere, q.order, `${scope.message} AS message`))
      .pluck()
      .all(...q.params, q.limit) as string[];
    const text = messages.length === 0 ? '' : `${messages.join('\n')}\n`;
    return sendDownload(reply, safeFileName(q.download, '.log'), 'text/plain; charset=utf-8', text);
  }
  // One row more than the limit tells whether the answer is partial.
  const lines = emu
    .sql(selectSql(scope, q.sqlWhere, q.order, resourceColumn(scope)))
    .pluck()
    .all(...q.params, q.limit + 1) as string[];
  const partial = lines.length > q.limit;
  if (partial) lines.length = q.limit;
  return reply
    .type('application/vnd.api+json')
    .send(`{"data":[${lines.join(',')}],"meta":{"partial_response":${String(partial)}}}`);
}

function singleChangeScope(
  authz: Authorizer,
  column: 'change_id' | 'step_id',
  id: string,
  nodePath: string,
  action: string,
): LogScope {
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
    message:
      hidden.length > 0
        ? `(CASE WHEN ${key} IN (SELECT k FROM hidden) THEN ${sqlText(REDACTED_MESSAGE)} ELSE l.message END)`
        : 'l.message',
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
    return answer(
      emu,
      singleChangeScope(authz, 'change_id', change.id, change.node_path, change.action),
      req,
      reply,
    );
  });

  app.get('/api/steps/:step_id/log_lines', (req, reply) => {
    const { authz } = callerOf(req);
    const step = visibleStep(emu, authz, paramOf(req.params, 'step_id'));
    return answer(
      emu,
      singleChangeScope(authz, 'step_id', step.id, step.node_path, step.change_action),
      req,
      reply,
    );
  });

  app.get('/api/log_lines', (req, reply) => {
    const { authz } = callerOf(req);
    return answer(emu, allChangesScope(emu, authz), req, reply);
  });
}
