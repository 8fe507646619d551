import type { EventAttributes } from '@contract/event.ts';
import type { FastifyInstance } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { findDocument, nestedDeeperThan } from '../documents.ts';
import { ApiHttpError, forbidden, modelError, notFound } from '../errors.ts';
import { recordEvent, type NewEvent } from '../events.ts';
import { compileFilter, queryOf, type CompiledFilter, type FilterSchema } from '../filter.ts';
import {
  isPlainObject,
  readAttributes,
  requiredString,
  type Relationship,
  type Resource,
} from '../jsonapi.ts';
import { findNodeById, findNodeByPath, type NodeKind, type NodeRow } from '../nodes.ts';

interface EventRow {
  id: string;
  type: string;
  // The column is nullable, but its only writer (`recordEvent`) always stores a username.
  username: string;
  system: number;
  payload: string;
  source_type: string | null;
  source_id: string | null;
  source_path: string | null;
  created_at: string;
}

/**
 * Columns, plus the payload as JSON. System events keep `url_params` and `request_body` objects in their
 * payload, registered as JSON attributes so `filter[url_params_project_code_eq]=bank` and
 * `filter[request_body_action_eq]=deploy` work; `payload` catches every other top-level key (see
 * `withPayloadFallback`), so `filter[parent_code_eq]=dev` reads `payload.parent_code`.
 */
export const EVENT_FILTERS: FilterSchema = {
  id: { sql: 'e.id', type: 'string' },
  type: { sql: 'e.type', type: 'string' },
  username: { sql: 'e.username', type: 'string' },
  system: { sql: 'e.system', type: 'boolean' },
  created_at: { sql: 'e.created_at', type: 'datetime' },
  source_type: { sql: 'e.source_type', type: 'string' },
  source_id: { sql: 'e.source_id', type: 'string' },
  url_params: { sql: "json_extract(e.payload, '$.url_params')", type: 'json' },
  request_body: { sql: "json_extract(e.payload, '$.request_body')", type: 'json' },
  payload: { sql: 'e.payload', type: 'json' },
};

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
/** Deep enough for any real payload; keeps storing, serialising and SQLite's JSON functions safe. */
const MAX_DEPTH = 100;
const NODE_KINDS: readonly NodeKind[] = ['project', 'environment', 'asset'];
/** Attributes every event has; a custom event's own keys of these names would be shadowed, so they are dropped. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['type', 'username', 'system', 'created_at']);

function isNodeKind(value: string | null): value is NodeKind {
  return value !== null && (NODE_KINDS as readonly string[]).includes(value);
}

/** True when a single filter parameter means something to the event schema as it stands. */
function understood(key: string, value: string): boolean {
  const probe = compileFilter(new URLSearchParams([[key, value]]), EVENT_FILTERS, { defaultOrder: '' });
  return probe.where !== '1=1' || probe.orderBy !== '';
}

/**
 * Payload keys are open-ended (domain §11), so a condition or sort naming no column is retried on the
 * payload's top level: `filter[parent_code_eq]` becomes `filter[payload_parent_code_eq]`.
 */
function withPayloadFallback(query: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of query) {
    const match = /^filter\[([^\]]+)\](.*)$/.exec(key);
    const name = match?.[1];
    if (!match || name === undefined || name === 'm' || understood(key, value)) {
      out.append(key, value);
    } else if (name === 'sorts' || name === 's') {
      out.append(key, `payload_${value.trim()}`);
    } else {
      out.append(`filter[payload_${name}]${match[2] ?? ''}`, value);
    }
  }
  return out;
}

function readLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new ApiHttpError(400, [
    {
      status: 400,
      title: 'Invalid parameter',
      detail: `limit must be a whole number from 1 to ${String(MAX_LIMIT)}`,
      source: { parameter: 'limit' },
    },
  ]);
}

/** `/api/projects/p/environments/e/bookmarks/x` → `/projects/p/environments/e`. */
function nodePathOf(apiPath: string): string | null {
  const parts = apiPath
    .replace(/^\/api(?=\/)/, '')
    .split('/')
    .filter((p) => p !== '');
  if (parts[0] !== 'projects') return null;
  let path = '';
  for (
    let i = 0;
    i + 1 < parts.length && ['projects', 'environments', 'assets'].includes(parts[i] ?? '');
    i += 2
  ) {
    path += `/${parts[i] ?? ''}/${parts[i + 1] ?? ''}`;
  }
  return path;
}

/**
 * OpsChain shows an event only if the caller can read its source (the spec's 404 example filters events by
 * the readability of every source type); events without a source are visible to every reader of /events.
 * Sources here are judged by the node they belong to; decisions are cached per request.
 */
class EventVisibility {
  private readonly emu: Emulator;
  private readonly authz: Authorizer;
  private readonly decided = new Map<string, boolean>();

  constructor(emu: Emulator, authz: Authorizer) {
    this.emu = emu;
    this.authz = authz;
  }

  visible(row: EventRow): boolean {
    if (row.source_type === null && row.source_path === null) return true;
    const key = `${row.source_type ?? ''}\u0000${row.source_id ?? ''}\u0000${row.source_path ?? ''}`;
    let allowed = this.decided.get(key);
    if (allowed === undefined) {
      allowed = this.decide(row);
      this.decided.set(key, allowed);
    }
    return allowed;
  }

  private decide(row: EventRow): boolean {
    if (isNodeKind(row.source_type) && row.source_id !== null) {
      const node = findNodeById(this.emu, row.source_id);
      if (node) return this.authz.canRead(node.path);
    }
    if ((row.source_type === 'properties' || row.source_type === 'settings') && row.source_id !== null) {
      const doc = findDocument(this.emu, row.source_type, row.source_id);
      const owner = doc ? findNodeById(this.emu, doc.owner_id) : undefined;
      if (owner) return this.authz.may(owner.path, `/${row.source_type}`, 'read');
    }
    const nodePath = row.source_path === null ? null : nodePathOf(row.source_path);
    return nodePath === null ? true : this.authz.canRead(nodePath);
  }
}

function payloadOf(row: EventRow): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(row.payload);
    return isPlainObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** Shaped like the spec's examples: `{links: {source}, data}` with a source, `{links: {source: null}}` without. */
function sourceRelationship(emu: Emulator, row: EventRow): Relationship {
  let link = row.source_path;
  if (link === null && isNodeKind(row.source_type) && row.source_id !== null) {
    const node = findNodeById(emu, row.source_id);
    link = node ? `/api${node.path}` : null;
  }
  if (row.source_type === null || row.source_id === null) return { links: { source: link } };
  return { links: { source: link }, data: { id: row.source_id, type: row.source_type } };
}

function eventResource(emu: Emulator, row: EventRow): Resource {
  // Typed with the console's attributes (open: custom events keep their payload keys).
  // Payload keys first, then the event's own attributes, as in the spec's examples.
  const attributes: EventAttributes = {
    ...payloadOf(row),
    username: row.username,
    system: row.system === 1,
    type: row.type,
    created_at: row.created_at,
  };
  return {
    id: row.id,
    type: 'event',
    attributes,
    relationships: { source: sourceRelationship(emu, row) },
    links: { self: `/api/events/${row.id}` },
  };
}

/** The newest `wanted` visible matches, newest first; read in keyset batches so invisible rows are skipped. */
function newestVisible(
  emu: Emulator,
  filter: CompiledFilter,
  visibility: EventVisibility,
  wanted: number,
): EventRow[] {
  const picked: EventRow[] = [];
  const batchSize = Math.min(wanted + 50, 1000);
  let after: EventRow | undefined;
  for (;;) {
    const keyset = after ? 'AND (e.created_at < ? OR (e.created_at = ? AND e.id < ?))' : '';
    const keysetParams = after ? [after.created_at, after.created_at, after.id] : [];
    const batch = emu
      .sql(
        `SELECT e.* FROM events e WHERE (${filter.where}) ${keyset}
          ORDER BY e.created_at DESC, e.id DESC LIMIT ?`,
      )
      .all(...filter.params, ...keysetParams, batchSize) as EventRow[];
    for (const row of batch) {
      if (!visibility.visible(row)) continue;
      picked.push(row);
      if (picked.length >= wanted) return picked;
    }
    if (batch.length < batchSize) return picked;
    after = batch[batch.length - 1];
  }
}

function findEvent(emu: Emulator, id: string): EventRow | undefined {
  return emu.sql('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
}

function attributeNames(body: unknown): string[] {
  if (!isPlainObject(body) || !isPlainObject(body.data) || !isPlainObject(body.data.attributes)) return [];
  return Object.keys(body.data.attributes);
}

function nodeNamedBy(emu: Emulator, attrs: Record<string, unknown>): NodeRow | undefined {
  const { node_path: nodePath, node_id: nodeId } = attrs;
  if (typeof nodePath === 'string') {
    return findNodeByPath(
      emu,
      nodePath
        .trim()
        .replace(/^\/api(?=\/)/, '')
        .replace(/\/+$/, ''),
    );
  }
  if (typeof nodeId === 'string') return findNodeById(emu, nodeId);
  for (const kind of NODE_KINDS) {
    const id = attrs[`${kind}_id`];
    if (typeof id !== 'string') continue;
    const node = findNodeById(emu, id);
    return node?.kind === kind ? node : undefined;
  }
  return undefined;
}

/**
 * A custom event names its source with `node_path`, `node_id` or `<kind>_id` (domain §11). A node that does
 * not exist or that the caller cannot read is not linked (the event is still stored, keys included), so the
 * answer never reveals whether an unreadable node exists.
 */
function customEventSource(
  emu: Emulator,
  authz: Authorizer,
  attrs: Record<string, unknown>,
): NewEvent['source'] {
  const node = nodeNamedBy(emu, attrs);
  if (!node || !authz.canRead(node.path)) return null;
  return { type: node.kind, id: node.id, path: `/api${node.path}` };
}

/** Reading events needs read on `/events` (domain §5.3). */
function requireEventsRead(authz: Authorizer): void {
  if (!authz.decide('/events', 'read')) throw forbidden('You are not permitted to access events');
}

/**
 * Adding a custom event writes to the audit trail, so it needs update on `/events` as well as read (the
 * permission every other write in domain §5 needs on its path): a read-only user could otherwise add events
 * that look like system events (`api:projects:destroy`) to the trail everyone reads.
 */
function requireEventsUpdate(authz: Authorizer): void {
  requireEventsRead(authz);
  if (!authz.decide('/events', 'update')) throw forbidden('You are not permitted to add events');
}

/**
 * The audit trail (domain §11). Not recorded as events themselves, so no route here sets `config.event`.
 * A cut list answers 200 with `meta.partial_response: true`: the docs mention 206, but the spec documents only
 * 200 (with `partial_response`) and the spec is the contract a console is written against.
 */
export function eventRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/events', (req) => {
    const { authz } = callerOf(req);
    requireEventsRead(authz);
    const query = queryOf(req.url);
    const limit = readLimit(query.get('limit'));
    const filter = compileFilter(withPayloadFallback(query), EVENT_FILTERS, {
      defaultOrder: 'e.created_at ASC, e.id ASC',
    });
    // The most recent matches, shown oldest first (or in the requested order).
    const newest = newestVisible(emu, filter, new EventVisibility(emu, authz), limit + 1);
    const ids = newest.slice(0, limit).map((row) => row.id);
    const rows = emu
      .sql(
        `SELECT e.* FROM events e WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY ${filter.orderBy}`,
      )
      .all(JSON.stringify(ids)) as EventRow[];
    return {
      data: rows.map((row) => eventResource(emu, row)),
      meta: { partial_response: newest.length > limit },
    };
  });

  app.get<{ Params: { event_id: string } }>('/api/events/:event_id', (req) => {
    const { authz } = callerOf(req);
    const row = findEvent(emu, req.params.event_id);
    const visible =
      row !== undefined && authz.decide('/events', 'read') && new EventVisibility(emu, authz).visible(row);
    if (!row || !visible) throw notFound('Event', `Couldn't find Event with 'id'=${req.params.event_id}`);
    return { data: eventResource(emu, row) };
  });

  app.post('/api/events', (req, reply) => {
    const { authz, principal } = callerOf(req);
    requireEventsUpdate(authz);
    const attrs = readAttributes(req.body, attributeNames(req.body));
    const type = requiredString(attrs, 'type');
    if (nestedDeeperThan(attrs, MAX_DEPTH + 1)) {
      throw modelError('base', `Event data is nested too deeply (at most ${String(MAX_DEPTH)} levels)`);
    }
    const payload = Object.fromEntries(Object.entries(attrs).filter(([key]) => !RESERVED_KEYS.has(key)));
    const id = recordEvent(emu, {
      type,
      username: principal.username,
      system: false,
      payload,
      source: customEventSource(emu, authz, attrs),
    });
    const row = findEvent(emu, id);
    if (!row) throw new Error(`event ${id} was not stored`);
    return reply.status(201).send({ data: eventResource(emu, row) });
  });
}
