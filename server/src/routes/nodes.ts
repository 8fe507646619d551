import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import { sendCsv } from '../csv.ts';
import { forbidden, modelError, modelErrors } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { booleanAttr, JSON_API, readAttributes, type Resource } from '../jsonapi.ts';
import { STREAM_THRESHOLD, streamListDocument } from '../json-stream.ts';
import { createNode } from '../node-store.ts';
import type { NodeKind, NodeRow } from '../nodes.ts';
import {
  findNodeById,
  isEnterprise,
  OWNER_PREFIXES,
  ownerPathFromParams,
  resolveNode,
  serializeNode,
  serializeNodes,
} from '../nodes.ts';
import { templateIncluded } from '../template-store.ts';

export const NODE_FILTERS: FilterSchema = {
  id: { sql: 'n.id', type: 'string' },
  code: { sql: 'n.code', type: 'string' },
  name: { sql: 'n.name', type: 'string' },
  description: { sql: 'n.description', type: 'string' },
  archived: { sql: 'n.archived', type: 'boolean' },
  project_type: { sql: 'n.project_type', type: 'string' },
  created_at: { sql: 'n.created_at', type: 'datetime' },
  updated_at: { sql: 'n.updated_at', type: 'datetime' },
  parent_code: { sql: '(SELECT p.code FROM nodes p WHERE p.id = n.parent_id)', type: 'string' },
  parent_name: { sql: '(SELECT p.name FROM nodes p WHERE p.id = n.parent_id)', type: 'string' },
  template_code: { sql: '(SELECT t.code FROM templates t WHERE t.id = n.template_id)', type: 'string' },
  template_version: {
    sql: '(SELECT tv.version FROM template_versions tv WHERE tv.id = n.template_version_id)',
    type: 'string',
  },
};

const CSV_COLUMNS: Record<NodeKind, string[]> = {
  project: ['id', 'code', 'name', 'description', 'project_type', 'archived', 'created_at', 'updated_at'],
  environment: ['id', 'code', 'name', 'description', 'archived', 'created_at', 'updated_at'],
  asset: [
    'id',
    'code',
    'name',
    'description',
    'archived',
    'template_code',
    'template_version',
    'created_at',
    'updated_at',
  ],
};

/** Lists nodes of one kind under a parent (or all projects), filtered and sorted in SQL. */
/**
 * The nodes a list shows, in order: their ids and paths only (10,000 full rows take far longer to read than
 * to list); `readableRows` reads the rows batch by batch while the answer is written. A download needs the CSV
 * columns, so it reads full rows at once.
 */
function listNodes(
  emu: Emulator,
  req: FastifyRequest,
  kind: NodeKind,
  parent: NodeRow | null,
): { refs: NodeRef[]; download: string | null } {
  const query = queryOf(req.url);
  const filter = compileFilter(query, NODE_FILTERS, { defaultOrder: 'n.created_at ASC, n.id ASC' });
  const refs = emu
    .sql(
      `SELECT n.id, n.path FROM nodes n
        WHERE n.kind = ? AND ${parent ? 'n.parent_id = ?' : 'n.parent_id IS NULL'} AND (${filter.where})
        ORDER BY ${filter.orderBy}`,
    )
    .all(kind, ...(parent ? [parent.id] : []), ...filter.params) as NodeRef[];
  // Unreadable nodes are left out as the answer is written (see readableRows), not here: for a long list
  // that work then overlaps sending the first rows.
  return { refs, download: query.get('download') };
}

interface NodeRef {
  id: string;
  path: string;
}

/** Full rows for the nodes of `refs` the caller may read, in their order. */
function readableRows(emu: Emulator, authz: Authorizer, refs: readonly NodeRef[]): NodeRow[] {
  const readable = refs.filter((ref) => authz.canRead(ref.path));
  const rows = emu
    .sql('SELECT * FROM nodes WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(readable.map((ref) => ref.id))) as NodeRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return readable.map((ref) => byId.get(ref.id)).filter((row): row is NodeRow => row !== undefined);
}

/** The CSV rows of a download: every node listed, in creation order, with its template's code and version. */
function csvRows(emu: Emulator, authz: Authorizer, refs: readonly NodeRef[]): Record<string, unknown>[] {
  const rows = emu
    .sql(
      `SELECT n.*,
         (SELECT t.code FROM templates t WHERE t.id = n.template_id) AS template_code,
         (SELECT tv.version FROM template_versions tv WHERE tv.id = n.template_version_id) AS template_version
         FROM nodes n WHERE n.id IN (SELECT value FROM json_each(?))
        ORDER BY n.created_at ASC, n.id ASC`,
    )
    .all(JSON.stringify(refs.filter((ref) => authz.canRead(ref.path)).map((ref) => ref.id))) as (NodeRow &
    Record<string, unknown>)[];
  return rows.map(csvRow);
}

/** A list document of nodes; a long one is streamed in batches (see json-stream.ts). */
function sendNodeList(
  reply: FastifyReply,
  emu: Emulator,
  authz: Authorizer,
  refs: readonly NodeRef[],
  rest: Record<string, unknown> = {},
) {
  const serialize = (batch: readonly NodeRef[]) =>
    serializeNodes(emu, authz, readableRows(emu, authz, batch));
  if (refs.length < STREAM_THRESHOLD) return { data: serialize(refs), ...rest };
  const stream = streamListDocument(refs, serialize, rest);
  return reply.type(JSON_API).send(stream);
}

function parentsIncluded(emu: Emulator, authz: Authorizer, node: NodeRow): Resource[] {
  const ids = [node.project_id, node.environment_id].filter((id): id is string => id !== null);
  const parents = ids.map((id) => findNodeById(emu, id)).filter((n): n is NodeRow => n !== undefined);
  return serializeNodes(emu, authz, parents);
}

const UPDATABLE = ['name', 'description', 'archived'] as const;

/** Applies `{name, description, archived}`; archiving a project or environment archives what it contains. */
function updateNode(emu: Emulator, node: NodeRow, attrs: Record<string, unknown>): void {
  const problems: { field: string; title: string }[] = [];
  let name = node.name;
  if (attrs.name !== undefined) {
    if (typeof attrs.name !== 'string' || attrs.name.trim() === '')
      problems.push({ field: 'name', title: "Name can't be blank" });
    else {
      name = attrs.name.trim();
      const clash = emu
        .sql('SELECT 1 FROM nodes WHERE kind = ? AND parent_id IS ? AND name = ? AND id <> ?')
        .get(node.kind, node.parent_id, name, node.id);
      if (clash) problems.push({ field: 'name', title: 'Name has already been taken' });
    }
  }
  let description = node.description;
  if (attrs.description !== undefined) {
    if (attrs.description !== null && typeof attrs.description !== 'string') {
      problems.push({ field: 'description', title: 'Description must be a string' });
    } else description = attrs.description;
  }
  const archived = booleanAttr(attrs, 'archived');
  if (archived === true && node.archived === 0 && hasActiveChange(emu, node)) {
    problems.push({
      field: 'base',
      title: `Cannot archive ${node.path} while a change on it (or below it) is queued or running. Wait for it to finish or cancel it first.`,
    });
  }
  if (problems.length > 0) throw modelErrors(problems);
  const now = emu.now();
  emu
    .sql('UPDATE nodes SET name = ?, description = ?, archived = ?, updated_at = ? WHERE id = ?')
    .run(name, description, archived === undefined ? node.archived : archived ? 1 : 0, now, node.id);
  if (archived === true && node.kind !== 'asset') setArchivedBelow(emu, node, now);
}

/** A project or environment (or asset) with a queued or running change cannot be archived (OpsChain docs). */
function hasActiveChange(emu: Emulator, node: NodeRow): boolean {
  const row = emu
    .sql(
      `SELECT 1 FROM changes c JOIN nodes n ON n.id = c.node_id
        WHERE (n.id = ? OR n.path LIKE ? ESCAPE '\\') AND c.status_code IN ('queued', 'running') LIMIT 1`,
    )
    .get(node.id, descendantsPattern(node));
  return row !== undefined;
}

function setArchivedBelow(emu: Emulator, node: NodeRow, now: string): void {
  emu
    .sql(`UPDATE nodes SET archived = 1, updated_at = ? WHERE archived = 0 AND path LIKE ? ESCAPE '\\'`)
    .run(now, descendantsPattern(node));
}

/** LIKE pattern (escape character `\`) matching the paths of everything below a node. */
function descendantsPattern(node: NodeRow): string {
  return `${node.path.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

function eventControllerFor(kind: NodeKind): string {
  return kind === 'project' ? 'projects' : 'nodes';
}

export function nodeRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  // ---- projects collection
  app.get('/api/projects', (req, reply) => {
    const { authz } = callerOf(req);
    const { refs, download } = listNodes(emu, req, 'project', null);
    if (download) return sendCsv(reply, download, CSV_COLUMNS.project, csvRows(emu, authz, refs));
    return sendNodeList(reply, emu, authz, refs, {
      meta: { authorisations: { update: authz.decide('/projects', 'update') } },
    });
  });

  app.post('/api/projects', { config: { event: 'api:projects:create' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const attrs = readAttributes(req.body, ['code', 'name', 'description', 'project_type']);
    if (!authz.decide('/projects', 'update')) throw forbidden('You are not permitted to create projects');
    const node = emu.tx(() =>
      createNode(emu, {
        kind: 'project',
        parent: null,
        code: attrs.code,
        name: attrs.name,
        description: attrs.description,
        projectType: attrs.project_type,
      }),
    );
    return reply.status(201).send({ data: serializeNode(emu, authz, node) });
  });

  // ---- environments and assets collections
  const collections: { prefix: string; kind: NodeKind }[] = [
    { prefix: OWNER_PREFIXES.project, kind: 'environment' },
    { prefix: OWNER_PREFIXES.project, kind: 'asset' },
    { prefix: OWNER_PREFIXES.environment, kind: 'asset' },
  ];
  for (const { prefix, kind } of collections) {
    const segment = kind === 'environment' ? 'environments' : 'assets';
    app.get(`${prefix}/${segment}`, (req, reply) => {
      const { authz } = callerOf(req);
      const parent = resolveNode(emu, authz, ownerPathFromParams(req.params));
      const { refs, download } = listNodes(emu, req, kind, parent);
      if (download) return sendCsv(reply, download, CSV_COLUMNS[kind], csvRows(emu, authz, refs));
      return sendNodeList(reply, emu, authz, refs);
    });

    app.post(`${prefix}/${segment}`, { config: { event: 'api:nodes:create' } }, (req, reply) => {
      const { authz } = callerOf(req);
      const parent = resolveNode(emu, authz, ownerPathFromParams(req.params));
      const permitted =
        kind === 'asset'
          ? ['code', 'name', 'description', 'template_name', 'template_version']
          : ['code', 'name', 'description'];
      const attrs = readAttributes(req.body, permitted);
      if (!isEnterprise(emu, parent) && kind === 'asset') {
        throw modelError('base', 'Assets are only available in Enterprise projects');
      }
      if (!authz.may(parent.path, `/${segment}`, 'update')) {
        throw forbidden(`You are not permitted to create ${segment} in ${parent.path}`);
      }
      const node = emu.tx(() => {
        const template = kind === 'asset' ? resolveTemplateVersion(emu, parent, attrs) : undefined;
        return createNode(emu, {
          kind,
          parent,
          code: attrs.code,
          name: attrs.name,
          description: attrs.description,
          templateId: template?.templateId,
          templateVersionId: template?.versionId,
        });
      });
      return reply
        .status(201)
        .send({ data: serializeNode(emu, authz, node), included: parentsIncluded(emu, authz, node) });
    });
  }

  // ---- single nodes
  const singles: { prefix: string; kind: NodeKind }[] = [
    { prefix: OWNER_PREFIXES.project, kind: 'project' },
    { prefix: OWNER_PREFIXES.environment, kind: 'environment' },
    { prefix: OWNER_PREFIXES.projectAsset, kind: 'asset' },
    { prefix: OWNER_PREFIXES.environmentAsset, kind: 'asset' },
  ];
  for (const { prefix, kind } of singles) {
    app.get(prefix, (req) => {
      const { authz } = callerOf(req);
      const node = resolveNode(emu, authz, ownerPathFromParams(req.params), kind);
      // An asset's show includes its template and template version, as the spec example does.
      const included = [...parentsIncluded(emu, authz, node), ...templateIncluded(emu, authz, node)];
      return { data: serializeNode(emu, authz, node), included };
    });

    const event = eventControllerFor(kind);

    app.patch(prefix, { config: { event: `api:${event}:update` } }, (req) => {
      const { authz } = callerOf(req);
      const node = resolveNode(emu, authz, ownerPathFromParams(req.params), kind);
      const attrs = readAttributes(req.body, UPDATABLE);
      if (!authz.may(node.path, '', 'update'))
        throw forbidden(`You are not permitted to update ${node.path}`);
      emu.tx(() => {
        updateNode(emu, node, attrs);
      });
      const updated = findNodeById(emu, node.id) ?? node;
      return { data: serializeNode(emu, authz, updated) };
    });

    app.delete(prefix, { config: { event: `api:${event}:destroy` } }, (req, reply) => {
      const { authz } = callerOf(req);
      const node = resolveNode(emu, authz, ownerPathFromParams(req.params), kind);
      if (!authz.may(node.path, '', 'update'))
        throw forbidden(`You are not permitted to archive ${node.path}`);
      emu.tx(() => {
        updateNode(emu, node, { archived: true });
      });
      return reply.status(204).send();
    });
  }
}

function csvRow(n: NodeRow & Record<string, unknown>): Record<string, unknown> {
  return { ...n, archived: n.archived === 1 };
}

interface TemplateRef {
  templateId: string;
  versionId: string;
}

/** Assets are created on a template version; the template is named by name (as the spec example does) or code. */
function resolveTemplateVersion(emu: Emulator, parent: NodeRow, attrs: Record<string, unknown>): TemplateRef {
  const projectId = parent.kind === 'project' ? parent.id : parent.project_id;
  const templateName = attrs.template_name;
  const version = attrs.template_version;
  const problems: { field: string; title: string }[] = [];
  if (typeof templateName !== 'string' || templateName.trim() === '') {
    problems.push({ field: 'template_name', title: "Template name can't be blank" });
  }
  if (typeof version !== 'string' || version.trim() === '') {
    problems.push({ field: 'template_version', title: "Template version can't be blank" });
  }
  if (problems.length > 0 || typeof templateName !== 'string' || typeof version !== 'string')
    throw modelErrors(problems);
  const template = emu
    .sql(
      'SELECT id, archived FROM templates WHERE project_id = ? AND (name = ? OR code = ?) ORDER BY code = ? DESC LIMIT 1',
    )
    .get(projectId, templateName, templateName, templateName) as { id: string; archived: number } | undefined;
  if (!template)
    throw modelError('template_name', `Template "${templateName}" does not exist in this project`);
  if (template.archived === 1) throw modelError('template_name', `Template "${templateName}" is archived`);
  const tv = emu
    .sql('SELECT id, archived FROM template_versions WHERE template_id = ? AND version = ?')
    .get(template.id, version) as { id: string; archived: number } | undefined;
  if (!tv)
    throw modelError(
      'template_version',
      `Template version "${version}" does not exist for template "${templateName}"`,
    );
  if (tv.archived === 1) throw modelError('template_version', `Template version "${version}" is archived`);
  return { templateId: template.id, versionId: tv.id };
}
