/**
 * Changes (domain §7, checklist rows 9 and 10): `/api/changes` and `<node>/changes` under every node.
 *
 * Decisions where the sources are silent:
 * - `<node>/changes` lists the changes of the node and of the nodes below it.
 * - Lists are newest first unless sorted (`download` is oldest first, as documented); at most 10,000 changes,
 *   with `meta.partial_response` true when cut. `meta.has_any`: whether the caller can see any change in the
 *   list's scope before filtering.
 * - `parent_path` on a nested path is an unpermitted parameter (400), as Rails strong parameters answer.
 * - An unknown or unreadable `parent_path`, a Standard project, an archived target, missing or misplaced Git
 *   fields: 422 model errors pointing at the attribute (the spec documents no 422 here; it has no 404 either).
 * - A project or asset change has `environment_name` null; an asset change has `git_remote_name` null and the
 *   template version's revision as `git_rev` (the spec's schema declares them non-null; it only shows
 *   environment changes).
 * - Creating needs execute on `<node>/changes` and `<node>/actions/<action>`; cancelling, execute on
 *   `<node>/changes`: 403 otherwise. Cancelling a finished change: 422.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { sendCsv } from '../csv.ts';
import { ApiHttpError, forbidden, modelError, notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { STREAM_THRESHOLD, streamListDocument } from '../json-stream.ts';
import { isPlainObject, JSON_API, readAttributes, stringAttr, type Resource } from '../jsonapi.ts';
import type { NodeRow } from '../nodes.ts';
import { ALL_OWNER_PREFIXES, findNodeById, findNodeByPath, resolveOwner, serializeNode } from '../nodes.ts';
import { canExecuteChanges, canRunAction, canSeeChange } from '../engine/access.ts';
import { cancelChange, createChange, serializeChange, serializeSteps } from '../engine/changes.ts';
import type { ChangeView } from '../engine/store.ts';
import { CHANGE_VIEW_COLUMNS, CHANGE_VIEW_FROM, getChangeView } from '../engine/store.ts';

const LIST_LIMIT = 10_000;
/** Rows of a long list read from the database at a time, as it is written. */
const ROW_PAGE = 500;

/** What ordering and visibility need of a change, without its (large) row. */
interface ChangeKey {
  id: string;
  node_path: string;
  action: string;
}

export const CHANGE_FILTERS: FilterSchema = {
  id: { sql: 'c.id', type: 'string' },
  action: { sql: 'c.action', type: 'string' },
  name: { sql: 'c.name', type: 'string' },
  created_by: { sql: 'c.created_by', type: 'string' },
  status_code: { sql: 'c.status_code', type: 'string' },
  scheduled: { sql: 'c.scheduled', type: 'boolean' },
  git_remote_name: { sql: 'c.git_remote_name', type: 'string' },
  git_rev: { sql: 'c.git_rev', type: 'string' },
  commit_sha: { sql: 'c.commit_sha', type: 'string' },
  requires_approval_from: { sql: 'c.requires_approval_from', type: 'string' },
  workflow_run_id: { sql: 'c.workflow_run_id', type: 'string' },
  created_at: { sql: 'c.created_at', type: 'datetime' },
  started_at: { sql: 'c.started_at', type: 'datetime' },
  finished_at: { sql: 'c.finished_at', type: 'datetime' },
  updated_at: { sql: 'c.updated_at', type: 'datetime' },
  metadata: { sql: 'c.metadata', type: 'json' },
  property_overrides: { sql: 'c.property_overrides', type: 'json' },
  project_code: { sql: 'p.code', type: 'string' },
  project_name: { sql: 'p.name', type: 'string' },
  environment_code: { sql: 'e.code', type: 'string' },
  environment_name: { sql: 'e.name', type: 'string' },
  asset_code: { sql: 'a.code', type: 'string' },
  asset_name: { sql: 'a.name', type: 'string' },
  parent_code: { sql: 'n.code', type: 'string' },
  parent_name: { sql: 'n.name', type: 'string' },
  parent_path: { sql: 'n.path', type: 'string' },
};

const CSV_COLUMNS = [
  'id',
  'action',
  'status_code',
  'created_by',
  'project_name',
  'environment_name',
  'asset_name',
  'git_remote_name',
  'git_rev',
  'commit_sha',
  'scheduled',
  'requires_approval_from',
  'metadata',
  'property_overrides',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
];

const CREATE_ATTRIBUTES = [
  'action',
  'git_remote_name',
  'git_rev',
  'template_version',
  'metadata',
  'property_overrides',
];

/** `include=steps,parents` (other names are ignored). */
function includes(query: URLSearchParams): { steps: boolean; parents: boolean } {
  const names = (query.get('include') ?? '').split(',').map((s) => s.trim());
  return { steps: names.includes('steps'), parents: names.includes('parents') };
}

/** Remembers visibility per (node, action): lists check thousands of changes of a handful of kinds. */
function visibilityOf(authz: Authorizer): (change: { node_path: string; action: string }) => boolean {
  const cache = new Map<string, boolean>();
  return ({ node_path, action }) => {
    const key = `${node_path}\u0000${action}`;
    let visible = cache.get(key);
    if (visible === undefined) {
      visible = canSeeChange(authz, node_path, action);
      cache.set(key, visible);
    }
    return visible;
  };
}

function scopeSql(scope: NodeRow | null): { sql: string; params: unknown[] } {
  if (!scope) return { sql: '1=1', params: [] };
  return {
    sql: `(n.path = ? OR n.path LIKE ? ESCAPE '\\')`,
    params: [scope.path, `${scope.path.replace(/[\\%_]/g, '\\$&')}/%`],
  };
}

function included(
  emu: Emulator,
  authz: Authorizer,
  changes: readonly ChangeView[],
  query: URLSearchParams,
): Resource[] {
  const wanted = includes(query);
  const out: Resource[] = [];
  if (wanted.steps) for (const change of changes) out.push(...serializeSteps(emu, change.id));
  if (wanted.parents) {
    const seen = new Set<string>();
    for (const change of changes) {
      for (const id of [change.project_id, change.environment_id, change.asset_id]) {
        if (id === null || seen.has(id)) continue;
        seen.add(id);
        const node = findNodeById(emu, id);
        if (node && authz.canRead(node.path)) out.push(serializeNode(emu, authz, node));
      }
    }
  }
  return out;
}

function listChanges(emu: Emulator, req: FastifyRequest, reply: FastifyReply, scope: NodeRow | null) {
  const { authz } = callerOf(req);
  const query = queryOf(req.url);
  const filter = compileFilter(query, CHANGE_FILTERS, { defaultOrder: 'c.created_at DESC, c.seq DESC' });
  const download = query.get('download');
  const where = scopeSql(scope);
  const order = download ? 'c.created_at ASC, c.seq ASC' : filter.orderBy;
  const visible = visibilityOf(authz);
  const select = (columns: string) =>
    `SELECT ${columns} FROM ${CHANGE_VIEW_FROM} WHERE ${where.sql} AND (${filter.where}) ORDER BY ${order}`;
  const params = [...where.params, ...filter.params];
  const restOf = (rows: readonly ChangeView[], partial: boolean) => {
    const kinds = emu
      .sql(`SELECT DISTINCT n.path AS node_path, c.action FROM ${CHANGE_VIEW_FROM} WHERE ${where.sql}`)
      .all(...where.params) as { node_path: string; action: string }[];
    const extra = included(emu, authz, rows, query);
    return {
      ...(extra.length > 0 ? { included: extra } : {}),
      meta: { partial_response: partial, has_any: kinds.some(visible) },
    };
  };
  if (download) {
    const rows: ChangeView[] = [];
    for (const row of emu
      .sql(select(CHANGE_VIEW_COLUMNS))
      .iterate(...params) as IterableIterator<ChangeView>) {
      if (!visible(row)) continue;
      if (rows.length === LIST_LIMIT) break;
      rows.push(row);
    }
    return sendCsv(
      reply,
      download,
      CSV_COLUMNS,
      rows.map((c) => ({ ...serializeChange(emu, c, { stepIds: [] }).attributes, id: c.id })),
    );
  }
  const head = emu
    .sql(`${select(CHANGE_VIEW_COLUMNS)} LIMIT ?`)
    .all(...params, STREAM_THRESHOLD) as ChangeView[];
  if (head.length < STREAM_THRESHOLD) {
    const rows = head.filter(visible);
    return { data: rows.map((c) => serializeChange(emu, c)), ...restOf(rows, false) };
  }
  // A long list (the activity of a busy project: up to 10,000 changes) leaves in batches, read from the
  // database as they are written: reading all 10,000 rows first held the first byte back for half a second
  // (see json-stream.ts). The first rows come from `head`; then the order of the rest is read (ids only),
  // and their rows a page at a time. A change created meanwhile appears a little out of order.
  const sent: ChangeView[] = [];
  let partial = false;
  function* visibleChanges(): Generator<ChangeView> {
    for (const row of head) {
      if (!visible(row)) continue;
      sent.push(row);
      yield row;
    }
    const headIds = new Set(head.map((row) => row.id));
    const keys = (
      emu.sql(select('c.id, n.path AS node_path, c.action')).all(...params) as ChangeKey[]
    ).filter((key) => !headIds.has(key.id) && visible(key));
    for (let start = 0; start < keys.length; start += ROW_PAGE) {
      const page = keys.slice(start, start + ROW_PAGE).map((key) => key.id);
      const found = emu
        .sql(
          `SELECT ${CHANGE_VIEW_COLUMNS} FROM ${CHANGE_VIEW_FROM} WHERE c.id IN (${page.map(() => '?').join(',')})`,
        )
        .all(...page) as ChangeView[];
      const byId = new Map(found.map((row) => [row.id, row]));
      for (const id of page) {
        const row = byId.get(id);
        // Deleted since the ids were read.
        if (row === undefined) continue;
        if (sent.length === LIST_LIMIT) {
          partial = true;
          return;
        }
        sent.push(row);
        yield row;
      }
    }
  }
  const stream = streamListDocument(
    visibleChanges(),
    (batch) => batch.map((c) => serializeChange(emu, c)),
    () => restOf(sent, partial),
  );
  return reply.type(JSON_API).send(stream);
}

function objectAttr(
  attrs: Record<string, unknown>,
  key: string,
  label: string,
): Record<string, unknown> | undefined {
  const value = attrs[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw modelError(key, `${label} must be a JSON object`);
  return value;
}

function createFromAttributes(
  emu: Emulator,
  req: FastifyRequest,
  reply: FastifyReply,
  target: NodeRow,
  attrs: Record<string, unknown>,
) {
  const { principal, authz } = callerOf(req);
  const action = stringAttr(attrs, 'action') ?? '';
  const allowed =
    action.trim() === '' ? canExecuteChanges(authz, target.path) : canRunAction(authz, target.path, action);
  if (!allowed) throw forbidden(`You are not permitted to create changes in ${target.path}`);
  const id = createChange(emu, {
    target,
    action,
    createdBy: principal.username,
    gitRemoteName: stringAttr(attrs, 'git_remote_name'),
    gitRev: stringAttr(attrs, 'git_rev'),
    templateVersion: stringAttr(attrs, 'template_version'),
    metadata: objectAttr(attrs, 'metadata', 'Metadata'),
    propertyOverrides: objectAttr(attrs, 'property_overrides', 'Property overrides'),
  });
  const change = getChangeView(emu, id);
  if (!change) throw new Error('change vanished after insert');
  const steps = serializeSteps(emu, id);
  return reply.status(201).send({ data: serializeChange(emu, change), included: steps });
}

/** `parent_path` of POST /api/changes: an OpsChain path to a node the caller can read. */
function targetFromPath(emu: Emulator, authz: Authorizer, attrs: Record<string, unknown>): NodeRow {
  const raw = stringAttr(attrs, 'parent_path');
  if (raw === undefined || raw === null || raw.trim() === '')
    throw modelError('parent_path', "Parent path can't be blank");
  const path = raw.trim().replace(/\/+$/, '');
  const node = findNodeByPath(emu, path);
  if (!node || !authz.canRead(node.path)) {
    throw modelError('parent_path', `Parent path "${raw}" is not a project, environment or asset`);
  }
  return node;
}

/** A change the caller can see, else 404 as if it did not exist. */
export function visibleChange(emu: Emulator, authz: Authorizer, id: string): ChangeView {
  const change = getChangeView(emu, id);
  if (!change || !canSeeChange(authz, change.node_path, change.action)) {
    throw notFound('Change', `Couldn't find Change with 'id'=${id}`);
  }
  return change;
}

function showChange(emu: Emulator, req: FastifyRequest, change: ChangeView) {
  const { authz } = callerOf(req);
  const extra = included(emu, authz, [change], queryOf(req.url));
  return {
    data: serializeChange(emu, change, { withMeta: true }),
    ...(extra.length > 0 ? { included: extra } : {}),
  };
}

function paramOf(params: unknown, key: string): string {
  const value = isPlainObject(params) ? params[key] : undefined;
  return typeof value === 'string' ? value : '';
}

export function changeRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/changes', (req, reply) => listChanges(emu, req, reply, null));

  app.post('/api/changes', (req, reply) => {
    const { authz } = callerOf(req);
    const attrs = readAttributes(req.body, [...CREATE_ATTRIBUTES, 'parent_path']);
    return createFromAttributes(emu, req, reply, targetFromPath(emu, authz, attrs), attrs);
  });

  app.get('/api/changes/:change_id', (req) => {
    const { authz } = callerOf(req);
    return showChange(emu, req, visibleChange(emu, authz, paramOf(req.params, 'change_id')));
  });

  app.delete('/api/changes/:change_id', (req, reply) => {
    const { principal, authz } = callerOf(req);
    const change = visibleChange(emu, authz, paramOf(req.params, 'change_id'));
    if (!canExecuteChanges(authz, change.node_path))
      throw forbidden(`You are not permitted to cancel changes in ${change.node_path}`);
    if (!cancelChange(emu, change.id, principal.username)) {
      const status = getChangeView(emu, change.id)?.status_code ?? change.status_code;
      throw new ApiHttpError(422, [
        {
          status: 422,
          code: 'model error',
          title: `Cannot cancel change because it is in the "${status}" state`,
          source: { pointer: '/data/attributes/base' },
        },
      ]);
    }
    return reply.status(204).send();
  });

  for (const prefix of ALL_OWNER_PREFIXES) {
    app.get(`${prefix}/changes`, (req, reply) => {
      const { authz } = callerOf(req);
      return listChanges(emu, req, reply, resolveOwner(emu, authz, req.params));
    });

    app.post(`${prefix}/changes`, (req, reply) => {
      const { authz } = callerOf(req);
      const target = resolveOwner(emu, authz, req.params);
      const attrs = readAttributes(req.body, CREATE_ATTRIBUTES);
      return createFromAttributes(emu, req, reply, target, attrs);
    });

    // Change `links.self` uses this node form.
    app.get(`${prefix}/changes/:change_id`, (req) => {
      const { authz } = callerOf(req);
      const owner = resolveOwner(emu, authz, req.params);
      const change = visibleChange(emu, authz, paramOf(req.params, 'change_id'));
      if (change.node_id !== owner.id)
        throw notFound('Change', `Couldn't find Change with 'id'=${change.id}`);
      return showChange(emu, req, change);
    });
  }
}
