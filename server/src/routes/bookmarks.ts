import type { BookmarkAttributes } from '@contract/bookmark.ts';
import type { FastifyInstance } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { forbidden, modelErrors, notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { readAttributes, type Resource } from '../jsonapi.ts';
import { ALL_OWNER_PREFIXES, resolveOwner, type NodeRow } from '../nodes.ts';

interface BookmarkRow {
  id: string;
  node_id: string;
  url: string;
  description: string;
  // The column is nullable, but every writer (POST here, the seeds) stores the creator or the caller.
  created_by: string;
  created_at: string;
  updated_at: string;
}

const BOOKMARK_FILTERS: FilterSchema = {
  id: { sql: 'b.id', type: 'string' },
  url: { sql: 'b.url', type: 'string' },
  description: { sql: 'b.description', type: 'string' },
  created_by: { sql: 'b.created_by', type: 'string' },
  created_at: { sql: 'b.created_at', type: 'datetime' },
  updated_at: { sql: 'b.updated_at', type: 'datetime' },
};

const MAX_URL = 2048;
const MAX_DESCRIPTION = 1000;

interface Problem {
  field: string;
  title: string;
}

function bookmarkResource(node: NodeRow, row: BookmarkRow): Resource {
  const parent = `/api${node.path}`;
  // Typed with the console's attributes, so a serialiser change the console cannot read fails `tsc`.
  const attributes: BookmarkAttributes = {
    url: row.url,
    description: row.description,
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
  return {
    id: row.id,
    type: 'bookmark',
    attributes,
    links: { self: `${parent}/bookmarks/${row.id}`, parent },
  };
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `URL can't be blank` and friends (the spec's 422 example spells the field `URL`). */
function urlProblem(value: unknown): Problem | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { field: 'url', title: "URL can't be blank" };
  }
  if (typeof value !== 'string') return { field: 'url', title: 'URL must be a string' };
  if (value.trim().length > MAX_URL) {
    return { field: 'url', title: `URL is too long (maximum is ${String(MAX_URL)} characters)` };
  }
  // A bookmark is opened from the console: only web links, never javascript: or data: URLs.
  if (!isWebUrl(value.trim())) return { field: 'url', title: 'URL must be an http or https URL' };
  return null;
}

function descriptionProblem(value: unknown): Problem | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { field: 'description', title: "Description can't be blank" };
  }
  if (typeof value !== 'string') return { field: 'description', title: 'Description must be a string' };
  if (value.length > MAX_DESCRIPTION) {
    return {
      field: 'description',
      title: `Description is too long (maximum is ${String(MAX_DESCRIPTION)} characters)`,
    };
  }
  return null;
}

interface BookmarkFields {
  url: string;
  description: string;
}

/** Validates url and description together, so a form gets every error at once (spec 422 example). */
function validFields(url: unknown, description: unknown, extra: Problem[] = []): BookmarkFields {
  const problems = [urlProblem(url), descriptionProblem(description), ...extra].filter(
    (p): p is Problem => p !== null,
  );
  if (problems.length > 0 || typeof url !== 'string' || typeof description !== 'string')
    throw modelErrors(problems);
  return { url: url.trim(), description };
}

/** `created_by` is optional and nullable; absent, null or blank means the caller (domain §2.5). */
function createdBy(value: unknown, caller: string): { value: string; problem: Problem | null } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { value: caller, problem: null };
  }
  if (typeof value !== 'string')
    return { value: caller, problem: { field: 'created_by', title: 'Created by must be a string' } };
  return { value: value.trim(), problem: null };
}

function findBookmark(emu: Emulator, node: NodeRow, id: string): BookmarkRow {
  const row = emu.sql('SELECT * FROM bookmarks WHERE node_id = ? AND id = ?').get(node.id, id) as
    BookmarkRow | undefined;
  if (!row) throw notFound('Bookmark', `Couldn't find Bookmark with 'id'=${id}`);
  return row;
}

/**
 * Bookmarks are part of the node itself (its `bookmarks` relationship), and no checked sub-path names them
 * (domain §5.3), so changing one needs the node's own update permission: `self.update` in
 * `meta.authorisations`, which is what a console checks before showing edit controls.
 */
function requireNodeUpdate(authz: Authorizer, node: NodeRow): void {
  if (!authz.may(node.path, '', 'update')) {
    throw forbidden(`You are not permitted to change the bookmarks of ${node.path}`);
  }
}

interface Member {
  Params: { bookmark_id: string };
}

function registerUnder(app: FastifyInstance, prefix: string): void {
  const emu = app.emulator;
  const collection = `${prefix}/bookmarks`;
  const member = `${collection}/:bookmark_id`;

  app.get(collection, (req) => {
    const { authz } = callerOf(req);
    const node = resolveOwner(emu, authz, req.params);
    const filter = compileFilter(queryOf(req.url), BOOKMARK_FILTERS, {
      defaultOrder: 'b.created_at ASC, b.id ASC',
    });
    const rows = emu
      .sql(`SELECT b.* FROM bookmarks b WHERE b.node_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`)
      .all(node.id, ...filter.params) as BookmarkRow[];
    return { data: rows.map((row) => bookmarkResource(node, row)) };
  });

  app.post(collection, { config: { event: 'api:bookmarks:create' } }, (req, reply) => {
    const { authz, principal } = callerOf(req);
    const node = resolveOwner(emu, authz, req.params);
    const attrs = readAttributes(req.body, ['url', 'description', 'created_by']);
    requireNodeUpdate(authz, node);
    const creator = createdBy(attrs.created_by, principal.username);
    const fields = validFields(attrs.url, attrs.description, creator.problem ? [creator.problem] : []);
    const id = emu.newId();
    const now = emu.now();
    emu
      .sql(
        `INSERT INTO bookmarks (id, node_id, url, description, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, node.id, fields.url, fields.description, creator.value, now, now);
    return reply.status(201).send({ data: bookmarkResource(node, findBookmark(emu, node, id)) });
  });

  app.get<Member>(member, (req) => {
    const { authz } = callerOf(req);
    const node = resolveOwner(emu, authz, req.params);
    return { data: bookmarkResource(node, findBookmark(emu, node, req.params.bookmark_id)) };
  });

  app.patch<Member>(member, { config: { event: 'api:bookmarks:update' } }, (req) => {
    const { authz } = callerOf(req);
    const node = resolveOwner(emu, authz, req.params);
    const row = findBookmark(emu, node, req.params.bookmark_id);
    const attrs = readAttributes(req.body, ['url', 'description']);
    requireNodeUpdate(authz, node);
    // The spec sends both fields; one alone keeps the other as it is.
    const fields = validFields(
      Object.hasOwn(attrs, 'url') ? attrs.url : row.url,
      Object.hasOwn(attrs, 'description') ? attrs.description : row.description,
    );
    emu
      .sql('UPDATE bookmarks SET url = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(fields.url, fields.description, emu.now(), row.id);
    return { data: bookmarkResource(node, findBookmark(emu, node, row.id)) };
  });

  app.delete<Member>(member, { config: { event: 'api:bookmarks:destroy' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const node = resolveOwner(emu, authz, req.params);
    const row = findBookmark(emu, node, req.params.bookmark_id);
    requireNodeUpdate(authz, node);
    emu.sql('DELETE FROM bookmarks WHERE id = ?').run(row.id);
    return reply.status(204).send();
  });
}

/** Labelled links on any project, environment or asset (domain §2.5). */
export function bookmarkRoutes(app: FastifyInstance): void {
  for (const prefix of ALL_OWNER_PREFIXES) registerUnder(app, prefix);
}
