import type {
  AssetAttributes,
  EnvironmentAttributes,
  ProjectAttributes,
  ProjectType,
} from '@contract/node.ts';
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from './context.ts';
import { notFound } from './errors.ts';
import type { Resource } from './jsonapi.ts';
import { toMany, toOne } from './jsonapi.ts';

export type NodeKind = 'project' | 'environment' | 'asset';

export interface NodeRow {
  id: string;
  kind: NodeKind;
  code: string;
  name: string;
  description: string | null;
  archived: number;
  /** Set (and validated against PROJECT_TYPES) by `createNode` for projects only; null otherwise. */
  project_type: ProjectType | null;
  path: string;
  parent_id: string | null;
  project_id: string | null;
  environment_id: string | null;
  properties_id: string;
  settings_id: string;
  template_id: string | null;
  template_version_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Route prefixes of every node kind; collections that live under "any node" are registered under each. */
export const OWNER_PREFIXES = {
  project: '/api/projects/:project_code',
  environment: '/api/projects/:project_code/environments/:environment_code',
  projectAsset: '/api/projects/:project_code/assets/:asset_code',
  environmentAsset: '/api/projects/:project_code/environments/:environment_code/assets/:asset_code',
} as const;

export const ALL_OWNER_PREFIXES: readonly string[] = Object.values(OWNER_PREFIXES);
export const ASSET_OWNER_PREFIXES: readonly string[] = [
  OWNER_PREFIXES.projectAsset,
  OWNER_PREFIXES.environmentAsset,
];

/** Builds the OpsChain path (`/projects/p/environments/e/assets/a`) from route params. */
export function ownerPathFromParams(params: unknown): string {
  const p = (params ?? {}) as Record<string, string | undefined>;
  let path = `/projects/${p.project_code ?? ''}`;
  if (p.environment_code !== undefined) path += `/environments/${p.environment_code}`;
  if (p.asset_code !== undefined) path += `/assets/${p.asset_code}`;
  return path;
}

export function findNodeByPath(emu: Emulator, path: string): NodeRow | undefined {
  return emu.sql('SELECT * FROM nodes WHERE path = ?').get(path) as NodeRow | undefined;
}

export function findNodeById(emu: Emulator, id: string): NodeRow | undefined {
  return emu.sql('SELECT * FROM nodes WHERE id = ?').get(id) as NodeRow | undefined;
}

const MODEL_NAMES: Record<NodeKind, string> = {
  project: 'Project',
  environment: 'Environment',
  asset: 'Asset',
};

/** Resolves a node the caller can read; anything else is a 404, as OpsChain answers for unreadable nodes. */
export function resolveNode(emu: Emulator, authz: Authorizer, path: string, kind?: NodeKind): NodeRow {
  const node = findNodeByPath(emu, path);
  const model = kind ? MODEL_NAMES[kind] : 'node';
  if (!node || (kind && node.kind !== kind) || !authz.canRead(node.path)) {
    throw notFound(model, `Couldn't find ${model} with path ${path}`);
  }
  return node;
}

/** Resolves the owner node named by the route params of an owner-path route. */
export function resolveOwner(emu: Emulator, authz: Authorizer, params: unknown): NodeRow {
  return resolveNode(emu, authz, ownerPathFromParams(params));
}

export function isEnterprise(emu: Emulator, node: NodeRow): boolean {
  if (node.kind === 'project') return node.project_type === 'Enterprise';
  const project = node.project_id ? findNodeById(emu, node.project_id) : undefined;
  return project?.project_type === 'Enterprise';
}

interface Capabilities {
  can_have_changes: boolean;
  can_have_children: boolean;
  can_have_properties: boolean;
  can_have_settings: boolean;
  can_have_templates: boolean;
  requires_template: boolean;
  child_node_types: string[];
  can_have_workflows: boolean;
}

const CAPABILITIES = new Map<string, Readonly<Capabilities>>();

/** The `meta` flags of a node kind in a Standard or Enterprise project (six combinations, built once each). */
export function capabilities(kind: NodeKind, enterprise: boolean): Readonly<Capabilities> {
  const key = `${kind}:${String(enterprise)}`;
  let caps = CAPABILITIES.get(key);
  if (caps === undefined) {
    caps = buildCapabilities(kind, enterprise);
    CAPABILITIES.set(key, caps);
  }
  return caps;
}

function buildCapabilities(kind: NodeKind, enterprise: boolean): Capabilities {
  const base = { can_have_properties: true, can_have_settings: true };
  if (kind === 'project') {
    return {
      ...base,
      can_have_changes: enterprise,
      can_have_children: true,
      can_have_templates: enterprise,
      requires_template: false,
      child_node_types: enterprise ? ['environment', 'asset'] : ['environment'],
      can_have_workflows: enterprise,
    };
  }
  if (kind === 'environment') {
    return {
      ...base,
      can_have_changes: true,
      can_have_children: enterprise,
      can_have_templates: false,
      requires_template: false,
      child_node_types: enterprise ? ['asset'] : [],
      can_have_workflows: false,
    };
  }
  return {
    ...base,
    can_have_changes: true,
    can_have_children: false,
    can_have_templates: false,
    requires_template: true,
    child_node_types: [],
    can_have_workflows: false,
  };
}

interface Facet {
  read?: boolean;
  update?: boolean;
  execute?: boolean;
}

/** `meta.authorisations`: what the caller may do on each collection of the node (§5.4). */
export function authorisations(authz: Authorizer, node: NodeRow, caps: Capabilities): Record<string, Facet> {
  const p = node.path;
  const ru = (sub: string): Facet => ({
    read: authz.may(p, sub, 'read'),
    update: authz.may(p, sub, 'update'),
  });
  const re = (sub: string, allowed = true): Facet => ({
    read: authz.may(p, sub, 'read'),
    execute: allowed && authz.may(p, sub, 'execute'),
  });
  const out: Record<string, Facet> = {
    properties: ru('/properties'),
    settings: ru('/settings'),
    scheduled_activities: ru('/scheduled_activities'),
  };
  if (node.kind === 'project') out.git_remotes = ru('/git_remotes');
  if (caps.can_have_templates) out.templates = ru('/templates');
  if (caps.can_have_workflows) out.workflows = ru('/workflows');
  out.changes = re('/changes', caps.can_have_changes);
  if (caps.can_have_workflows) out.workflow_runs = re('/workflow_runs');
  if (caps.child_node_types.includes('environment')) out.environments = ru('/environments');
  if (caps.child_node_types.includes('asset')) out.assets = ru('/assets');
  out.self = { update: authz.may(p, '', 'update') };
  return out;
}

function nodeLinks(node: NodeRow, caps: Capabilities, parentPath: string | null): Record<string, string> {
  const self = `/api${node.path}`;
  const links: Record<string, string> = { self, bookmarks: `${self}/bookmarks` };
  if (caps.can_have_changes || node.kind !== 'project') links.changes = `${self}/changes`;
  links.scheduled_activities = `${self}/scheduled_activities`;
  if (node.kind === 'project') {
    links.git_remotes = `${self}/git_remotes`;
    if (caps.can_have_workflows) {
      links.workflows = `${self}/workflows`;
      links.workflow_runs = `${self}/workflow_runs`;
    }
    if (caps.can_have_templates) links.templates = `${self}/templates`;
    links.environments = `${self}/environments`;
    if (caps.child_node_types.includes('asset')) links.assets = `${self}/assets`;
  }
  if (node.kind === 'environment' && caps.child_node_types.includes('asset')) links.assets = `${self}/assets`;
  if (node.kind === 'asset') {
    links.converged_properties = `${self}/converged_properties`;
    links.mintmodels = `${self}/mintmodels`;
    links.mintmodel_history = `${self}/mintmodel_history`;
    links.version_history = `${self}/version_history`;
    links.workflow_runs = `${self}/workflow_runs`;
  }
  if (parentPath) links.parent = `/api${parentPath}`;
  return links;
}

interface TemplateVersionInfo {
  version: string;
  actions: { name: string; description: string }[];
  has_mintmodel: number;
  template_code: string;
}

/**
 * Everything serializing a batch of nodes needs beyond the rows themselves, loaded with one query per
 * relationship for the whole batch (a list of 10,000 assets must not cost 40,000 queries).
 */
interface BatchData {
  bookmarks: Map<string, string[]>;
  children: Map<string, { type: string; id: string }[]>;
  mintmodelHistory: Map<string, string[]>;
  templateVersions: Map<string, TemplateVersionInfo>;
  nodes: Map<string, NodeRow>;
}

function groupBy<T extends { key: string }>(rows: T[], pick: (row: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const list = out.get(row.key);
    if (list) list.push(pick(row));
    else out.set(row.key, [pick(row)]);
  }
  return out;
}

function loadBatch(emu: Emulator, nodes: readonly NodeRow[]): BatchData {
  const ids = JSON.stringify(nodes.map((n) => n.id));
  const bookmarks = groupBy(
    emu
      .sql(
        `SELECT node_id AS key, id FROM bookmarks WHERE node_id IN (SELECT value FROM json_each(?))
          ORDER BY created_at`,
      )
      .all(ids) as { key: string; id: string }[],
    (r) => r.id,
  );
  const childRows = emu
    .sql(
      `SELECT parent_id AS key, id, kind FROM nodes WHERE parent_id IN (SELECT value FROM json_each(?))
        ORDER BY created_at`,
    )
    .all(ids) as { key: string; id: string; kind: string }[];
  const children = new Map<string, { type: string; id: string }[]>();
  for (const c of childRows) {
    const list = children.get(c.key) ?? [];
    list.push({ type: c.kind, id: c.id });
    children.set(c.key, list);
  }
  const mintmodelHistory = groupBy(
    emu
      .sql(
        `SELECT asset_id AS key, id FROM mintmodel_history WHERE asset_id IN (SELECT value FROM json_each(?))
          ORDER BY created_at`,
      )
      .all(ids) as { key: string; id: string }[],
    (r) => r.id,
  );
  const versionIds = JSON.stringify([
    ...new Set(nodes.map((n) => n.template_version_id).filter((v) => v !== null)),
  ]);
  const templateVersions = new Map<string, TemplateVersionInfo>();
  for (const tv of emu
    .sql(
      `SELECT tv.id, tv.version, tv.actions, tv.has_mintmodel, t.code AS template_code
         FROM template_versions tv JOIN templates t ON t.id = tv.template_id
        WHERE tv.id IN (SELECT value FROM json_each(?))`,
    )
    .all(versionIds) as {
    id: string;
    version: string;
    actions: string;
    has_mintmodel: number;
    template_code: string;
  }[]) {
    templateVersions.set(tv.id, { ...tv, actions: JSON.parse(tv.actions) as TemplateVersionInfo['actions'] });
  }
  const related = new Set<string>();
  for (const n of nodes) {
    for (const id of [n.parent_id, n.project_id]) if (id) related.add(id);
  }
  const nodeMap = new Map<string, NodeRow>();
  for (const row of emu
    .sql('SELECT * FROM nodes WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...related])) as NodeRow[]) {
    nodeMap.set(row.id, row);
  }
  return { bookmarks, children, mintmodelHistory, templateVersions, nodes: nodeMap };
}

/** The JSON:API resource of a project, environment or asset, as the caller sees it. */
export function serializeNode(emu: Emulator, authz: Authorizer, node: NodeRow): Resource {
  const [resource] = serializeNodes(emu, authz, [node]);
  if (!resource) throw new Error('serializeNodes returned nothing');
  return resource;
}

/** Serializes many nodes with a constant number of queries. */
export function serializeNodes(emu: Emulator, authz: Authorizer, nodes: readonly NodeRow[]): Resource[] {
  if (nodes.length === 0) return [];
  const batch = loadBatch(emu, nodes);
  return nodes.map((node) => toResource(authz, node, batch));
}

/** A project's type; `createNode` refuses a project without one, so null here is a broken row. */
function projectTypeOf(node: NodeRow): ProjectType {
  if (node.project_type === null) throw new Error(`project ${node.id} has no project_type`);
  return node.project_type;
}

function toResource(authz: Authorizer, node: NodeRow, batch: BatchData): Resource {
  const project =
    node.kind === 'project' ? node : node.project_id ? batch.nodes.get(node.project_id) : undefined;
  const enterprise = project?.project_type === 'Enterprise';
  const caps = capabilities(node.kind, enterprise);
  const parent = node.parent_id ? batch.nodes.get(node.parent_id) : undefined;
  // Typed with the console's attributes, so a serialiser change the console cannot read fails `tsc`.
  const common: EnvironmentAttributes = {
    code: node.code,
    name: node.name,
    description: node.description,
    archived: node.archived === 1,
  };
  let attributes: ProjectAttributes | EnvironmentAttributes | AssetAttributes = common;
  if (node.kind === 'project') attributes = { ...common, project_type: projectTypeOf(node) };

  const parentIds: { type: string; id: string }[] = [];
  if (node.project_id) parentIds.push({ type: 'project', id: node.project_id });
  if (node.environment_id) parentIds.push({ type: 'environment', id: node.environment_id });

  const relationships: Resource['relationships'] = {
    properties: toOne('properties', node.properties_id, `/api/properties/${node.properties_id}`),
    parents: { data: parentIds },
    settings: toOne('settings', node.settings_id, `/api/settings/${node.settings_id}`),
  };
  const projectPath = node.path.split('/').slice(0, 3).join('/');
  if (node.project_id) relationships.project = toOne('project', node.project_id, `/api${projectPath}`);
  if (node.kind !== 'asset') relationships.children = { data: batch.children.get(node.id) ?? [] };
  relationships.bookmarks = toMany('bookmark', batch.bookmarks.get(node.id) ?? []);
  if (node.kind === 'asset') {
    const tv = node.template_version_id ? batch.templateVersions.get(node.template_version_id) : undefined;
    attributes = {
      ...common,
      actions: tv?.actions ?? [],
      mintmodel_valid: tv ? tv.has_mintmodel === 1 : false,
    };
    relationships.template_version = toOne(
      'template_version',
      node.template_version_id,
      tv ? `/api${projectPath}/templates/${tv.template_code}/versions/${tv.version}` : undefined,
    );
    relationships.template = toOne(
      'template',
      node.template_id,
      tv ? `/api${projectPath}/templates/${tv.template_code}` : undefined,
    );
    relationships.mintmodel_history = toMany('mintmodel_history', batch.mintmodelHistory.get(node.id) ?? []);
  }

  return {
    id: node.id,
    type: node.kind,
    attributes,
    relationships,
    links: nodeLinks(node, caps, parent ? parent.path : null),
    meta: { ...caps, authorisations: authorisations(authz, node, caps) },
  };
}
