import type { MintmodelAttributes, MintmodelHistoryAttributes } from '@contract/mintmodel.ts';
import type {
  ConvergedPropertiesAttributes,
  PropertiesAttributes,
  RepositoryPropertiesAttributes,
} from '@contract/properties.ts';
import type { TemplateVersionHistoryAttributes } from '@contract/template.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf, type Emulator } from '../context.ts';
import { notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { toOne, type Resource } from '../jsonapi.ts';
import {
  ASSET_OWNER_PREFIXES,
  ownerPathFromParams,
  resolveNode,
  serializeNode,
  type NodeRow,
} from '../nodes.ts';
import {
  convergedProperties,
  propertyOwners,
  renderMintmodel,
  serializeTemplateVersion,
  templateUrl,
  type PropertiesSource,
  type RepositoryPropertiesFile,
  type TemplateVersionRow,
} from '../template-store.ts';

interface HistoryRow {
  id: string;
  asset_id: string;
  template_version_id: string;
  active_from: string;
  active_to: string | null;
  version: string;
  template_code: string;
}

interface MintmodelRow {
  id: string;
  asset_id: string;
  data: string;
  sha256: string;
  created_at: string;
  updated_at: string;
}

interface MintmodelHistoryRow {
  id: string;
  asset_id: string;
  mintmodel_id: string;
  change_id: string | null;
  created_at: string;
  updated_at: string;
}

const VERSION_HISTORY_FILTERS: FilterSchema = {
  id: { sql: 'h.id', type: 'string' },
  active_from: { sql: 'h.active_from', type: 'datetime' },
  active_to: { sql: 'h.active_to', type: 'datetime' },
  template_version_id: { sql: 'h.template_version_id', type: 'string' },
  template_version: { sql: 'tv.version', type: 'string' },
  template_code: { sql: 't.code', type: 'string' },
};

const MINTMODEL_FILTERS: FilterSchema = {
  id: { sql: 'm.id', type: 'string' },
  sha256: { sql: 'm.sha256', type: 'string' },
  data: { sql: 'm.data', type: 'json' },
  created_at: { sql: 'm.created_at', type: 'datetime' },
  updated_at: { sql: 'm.updated_at', type: 'datetime' },
};

const MINTMODEL_HISTORY_FILTERS: FilterSchema = {
  id: { sql: 'h.id', type: 'string' },
  mintmodel_id: { sql: 'h.mintmodel_id', type: 'string' },
  change_id: { sql: 'h.change_id', type: 'string' },
  created_at: { sql: 'h.created_at', type: 'datetime' },
  updated_at: { sql: 'h.updated_at', type: 'datetime' },
};

const HISTORY_SELECT = `SELECT h.*, tv.version, t.code AS template_code FROM template_version_history h
  JOIN template_versions tv ON tv.id = h.template_version_id JOIN templates t ON t.id = tv.template_id`;

function assetOf(emu: Emulator, authz: Authorizer, params: unknown): NodeRow {
  return resolveNode(emu, authz, ownerPathFromParams(params), 'asset');
}

function projectCodeOf(asset: NodeRow): string {
  return asset.path.split('/')[2] ?? '';
}

function idParam(params: unknown, key: 'id' | 'mintmodel_id'): string {
  return (params as Record<string, string | undefined>)[key] ?? '';
}

// Each `attributes` satisfies the console's type, so a serialiser change the console cannot read fails `tsc`.

// ---- template version history

function serializeVersionHistory(asset: NodeRow, h: HistoryRow): Resource {
  const assetUrl = `/api${asset.path}`;
  return {
    id: h.id,
    type: 'template_version_history',
    attributes: {
      active_from: h.active_from,
      active_to: h.active_to,
    } satisfies TemplateVersionHistoryAttributes,
    relationships: {
      owner: { data: { type: 'asset', id: asset.id } },
      template_version: { data: { type: 'template_version', id: h.template_version_id } },
    },
    links: {
      template_version: `${templateUrl(projectCodeOf(asset), h.template_code)}/versions/${h.version}`,
      self: `${assetUrl}/version_history/${h.id}`,
      asset: assetUrl,
    },
  };
}

function listVersionHistory(emu: Emulator, req: FastifyRequest, asset: NodeRow): HistoryRow[] {
  const filter = compileFilter(queryOf(req.url), VERSION_HISTORY_FILTERS, {
    defaultOrder: 'h.active_from ASC, h.id ASC',
  });
  return emu
    .sql(`${HISTORY_SELECT} WHERE h.asset_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`)
    .all(asset.id, ...filter.params) as HistoryRow[];
}

function showVersionHistory(emu: Emulator, authz: Authorizer, asset: NodeRow, id: string) {
  const h = emu.sql(`${HISTORY_SELECT} WHERE h.id = ? AND h.asset_id = ?`).get(id, asset.id) as
    HistoryRow | undefined;
  if (!h) throw notFound('TemplateVersionHistory', `Couldn't find TemplateVersionHistory with id ${id}`);
  const version = emu.sql('SELECT * FROM template_versions WHERE id = ?').get(h.template_version_id) as
    TemplateVersionRow | undefined;
  const included = [serializeNode(emu, authz, asset)];
  if (version) included.push(serializeTemplateVersion(projectCodeOf(asset), h.template_code, version));
  return { data: serializeVersionHistory(asset, h), included };
}

// ---- converged properties

function serializeRepositoryFile(file: RepositoryPropertiesFile): Resource {
  return {
    id: file.path,
    type: 'repository_properties',
    attributes: { content: file.content } satisfies RepositoryPropertiesAttributes,
    links: { repository_path: `.opschain/${file.path}` },
  };
}

function serializeProperties(source: PropertiesSource): Resource {
  const self = `/api/properties/${source.documentId}`;
  return {
    id: source.documentId,
    type: 'properties',
    attributes: {
      data: source.data,
      version: source.version,
      created_at: source.createdAt,
    } satisfies PropertiesAttributes,
    // Only links, as in the spec's example: the schema's owner types do not include assets.
    relationships: { owner: { links: { owner: `/api${source.node.path}` } } },
    links: {
      self,
      current_version: `${self}/versions/${String(source.version)}`,
      versions: `${self}/versions`,
    },
  };
}

/** Converged properties expose every contributing node's properties, so each of them must be readable. */
function assertPropertiesReadable(emu: Emulator, authz: Authorizer, asset: NodeRow): void {
  for (const node of propertyOwners(emu, asset)) {
    if (!authz.may(node.path, '/properties', 'read')) {
      throw notFound('Properties', `Couldn't find Properties of ${asset.path}`);
    }
  }
}

function showConverged(emu: Emulator, asset: NodeRow) {
  const converged = convergedProperties(emu, asset);
  return {
    data: {
      id: asset.code,
      type: 'converged_properties',
      attributes: { data: converged.data } satisfies ConvergedPropertiesAttributes,
      relationships: {
        repository_properties: {
          data: converged.repository.map((f) => ({ type: 'repository_properties', id: f.path })),
        },
        properties: { data: converged.sources.map((s) => ({ type: 'properties', id: s.documentId })) },
      },
      links: { self: `/api${asset.path}/converged_properties` },
    },
    included: [
      ...converged.sources.map(serializeProperties),
      ...converged.repository.map(serializeRepositoryFile),
    ],
  };
}

// ---- MintModels

function historyIdsOf(emu: Emulator, mintmodelId: string): string[] {
  const rows = emu
    .sql('SELECT id FROM mintmodel_history WHERE mintmodel_id = ? ORDER BY created_at, id')
    .all(mintmodelId) as { id: string }[];
  return rows.map((r) => r.id);
}

function serializeMintmodel(
  asset: NodeRow,
  m: Omit<MintmodelRow, 'data'> & { data: Record<string, unknown> },
  historyIds: string[],
): Resource {
  const base = `/api${asset.path}`;
  return {
    id: m.id,
    type: 'mintmodel',
    attributes: {
      data: m.data,
      sha256: m.sha256,
      created_at: m.created_at,
      updated_at: m.updated_at,
    } satisfies MintmodelAttributes,
    relationships: {
      mintmodel_history: { data: historyIds.map((id) => ({ type: 'mintmodel_history', id })) },
    },
    links: { self: `${base}/mintmodels/${m.id}`, parent_mintmodel_history: `${base}/mintmodel_history` },
  };
}

function storedMintmodel(emu: Emulator, asset: NodeRow, m: MintmodelRow): Resource {
  // Only a rendered MintModel's `data` (a JSON object) is ever stored in this column.
  const data = JSON.parse(m.data) as Record<string, unknown>;
  return serializeMintmodel(asset, { ...m, data }, historyIdsOf(emu, m.id));
}

function findMintmodel(emu: Emulator, asset: NodeRow, id: string): MintmodelRow {
  const m = emu.sql('SELECT * FROM mintmodels WHERE id = ? AND asset_id = ?').get(id, asset.id) as
    MintmodelRow | undefined;
  if (!m) throw notFound('MintModel', `Couldn't find MintModel with id ${id}`);
  return m;
}

function listMintmodels(emu: Emulator, req: FastifyRequest, asset: NodeRow): MintmodelRow[] {
  const filter = compileFilter(queryOf(req.url), MINTMODEL_FILTERS, {
    defaultOrder: 'm.created_at ASC, m.id ASC',
  });
  return emu
    .sql(`SELECT m.* FROM mintmodels m WHERE m.asset_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`)
    .all(asset.id, ...filter.params) as MintmodelRow[];
}

/** A MintModel rendered now and not stored: a fresh id, no history, timestamps of this moment. */
function generatedMintmodel(emu: Emulator, asset: NodeRow): Resource {
  const rendered = renderMintmodel(emu, asset);
  const now = emu.now();
  return serializeMintmodel(
    asset,
    { id: emu.newId(), asset_id: asset.id, ...rendered, created_at: now, updated_at: now },
    [],
  );
}

// ---- MintModel history

/**
 * `parents` are the record's ancestors: project, environment (for environment assets) and asset. The spec's
 * enum (taken from its project-asset example) lists only project and asset.
 */
function serializeMintmodelHistory(asset: NodeRow, h: MintmodelHistoryRow): Resource {
  const base = `/api${asset.path}`;
  const parents = [
    ...(asset.project_id ? [{ type: 'project', id: asset.project_id }] : []),
    ...(asset.environment_id ? [{ type: 'environment', id: asset.environment_id }] : []),
    { type: 'asset', id: asset.id },
  ];
  return {
    id: h.id,
    type: 'mintmodel_history',
    attributes: { created_at: h.created_at, updated_at: h.updated_at } satisfies MintmodelHistoryAttributes,
    relationships: {
      parents: { data: parents },
      mintmodel: toOne('mintmodel', h.mintmodel_id, `${base}/mintmodels/${h.mintmodel_id}`),
      opschain_changes: { data: h.change_id ? [{ type: 'change', id: h.change_id }] : [] },
    },
    links: { self: `${base}/mintmodel_history/${h.id}` },
  };
}

function listMintmodelHistory(emu: Emulator, req: FastifyRequest, asset: NodeRow): MintmodelHistoryRow[] {
  const filter = compileFilter(queryOf(req.url), MINTMODEL_HISTORY_FILTERS, {
    defaultOrder: 'h.created_at ASC, h.id ASC',
  });
  return emu
    .sql(
      `SELECT h.* FROM mintmodel_history h WHERE h.asset_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(asset.id, ...filter.params) as MintmodelHistoryRow[];
}

function showMintmodelHistory(emu: Emulator, asset: NodeRow, id: string) {
  const h = emu.sql('SELECT * FROM mintmodel_history WHERE id = ? AND asset_id = ?').get(id, asset.id) as
    MintmodelHistoryRow | undefined;
  if (!h) throw notFound('MintModelHistory', `Couldn't find MintModelHistory with id ${id}`);
  const m = emu.sql('SELECT * FROM mintmodels WHERE id = ?').get(h.mintmodel_id) as MintmodelRow | undefined;
  return { data: serializeMintmodelHistory(asset, h), included: m ? [storedMintmodel(emu, asset, m)] : [] };
}

/** Asset collections: template version history, converged properties, MintModels and their history. */
export function assetExtraRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  for (const prefix of ASSET_OWNER_PREFIXES) {
    app.get(`${prefix}/version_history`, (req) => {
      const asset = assetOf(emu, callerOf(req).authz, req.params);
      return { data: listVersionHistory(emu, req, asset).map((h) => serializeVersionHistory(asset, h)) };
    });

    app.get(`${prefix}/version_history/:id`, (req) => {
      const { authz } = callerOf(req);
      return showVersionHistory(emu, authz, assetOf(emu, authz, req.params), idParam(req.params, 'id'));
    });

    app.get(`${prefix}/converged_properties`, (req) => {
      const { authz } = callerOf(req);
      const asset = assetOf(emu, authz, req.params);
      assertPropertiesReadable(emu, authz, asset);
      return showConverged(emu, asset);
    });

    app.get(`${prefix}/mintmodels`, (req) => {
      const asset = assetOf(emu, callerOf(req).authz, req.params);
      return { data: listMintmodels(emu, req, asset).map((m) => storedMintmodel(emu, asset, m)) };
    });

    // Registered before `mintmodels/:mintmodel_id` so "generate" is never read as an id.
    app.get(`${prefix}/mintmodels/generate`, (req) => {
      const { authz } = callerOf(req);
      const asset = assetOf(emu, authz, req.params);
      assertPropertiesReadable(emu, authz, asset);
      return { data: generatedMintmodel(emu, asset) };
    });

    app.get(`${prefix}/mintmodels/:mintmodel_id`, (req) => {
      const asset = assetOf(emu, callerOf(req).authz, req.params);
      return {
        data: storedMintmodel(emu, asset, findMintmodel(emu, asset, idParam(req.params, 'mintmodel_id'))),
      };
    });

    app.get(`${prefix}/mintmodel_history`, (req) => {
      const asset = assetOf(emu, callerOf(req).authz, req.params);
      return { data: listMintmodelHistory(emu, req, asset).map((h) => serializeMintmodelHistory(asset, h)) };
    });

    app.get(`${prefix}/mintmodel_history/:id`, (req) => {
      const asset = assetOf(emu, callerOf(req).authz, req.params);
      return showMintmodelHistory(emu, asset, idParam(req.params, 'id'));
    });
  }
}
