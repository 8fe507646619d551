import type {
  PropertiesAttributes,
  PropertiesVersionAttributes,
  SettingsAttributes,
  SettingsVersionAttributes,
} from '@contract/properties.ts';
import type { FastifyInstance } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf } from '../context.ts';
import type { Emulator } from '../context.ts';
import {
  findDocument,
  findVersion,
  nestedDeeperThan,
  replaceData,
  settingsProblems,
  versionData,
  versionMismatchTitle,
  type DocumentKind,
  type DocumentRow,
  type DocumentVersionRow,
} from '../documents.ts';
import { forbidden, modelError, modelErrors, notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { isPlainObject, readAttributes, type Resource } from '../jsonapi.ts';
import { findNodeById, type NodeRow } from '../nodes.ts';

/** What differs between properties and settings; everything else is one implementation. */
interface KindSpec {
  kind: DocumentKind;
  /** Model name in 404 messages, as OpsChain names it. */
  model: string;
  /** The owner's checked sub-path (domain §5.3). */
  subPath: string;
  /** Problems with a new document beyond "is a JSON object", as 422 titles on `/data/attributes/data`. */
  problems: (data: Record<string, unknown>) => string[];
}

const KINDS: readonly KindSpec[] = [
  { kind: 'properties', model: 'Properties', subPath: '/properties', problems: () => [] },
  { kind: 'settings', model: 'Settings', subPath: '/settings', problems: settingsProblems },
];

/** Far deeper than real documents; keeps storing, serialising and SQLite's JSON functions safe. */
const MAX_DEPTH = 100;

const VERSION_FILTERS: FilterSchema = {
  id: { sql: 'v.id', type: 'string' },
  version: { sql: 'v.version', type: 'number' },
  created_at: { sql: 'v.created_at', type: 'datetime' },
  data: { sql: 'v.data', type: 'json' },
};

interface Located {
  doc: DocumentRow;
  owner: NodeRow;
}

/** The document and its owner, if the caller may read both; otherwise 404, as if it did not exist. */
function locate(emu: Emulator, authz: Authorizer, spec: KindSpec, id: string): Located {
  const doc = findDocument(emu, spec.kind, id);
  const owner = doc ? findNodeById(emu, doc.owner_id) : undefined;
  if (!doc || !owner || !authz.may(owner.path, spec.subPath, 'read')) {
    throw notFound(spec.model, `Couldn't find ${spec.model} with 'id'=${id}`);
  }
  return { doc, owner };
}

/** The document as of `shown`, one of its versions (the current one, or the one a PATCH just wrote). */
function documentResource(spec: KindSpec, { doc, owner }: Located, shown: DocumentVersionRow): Resource {
  const self = `/api/${spec.kind}/${doc.id}`;
  // Typed with the console's attributes, so a serialiser change the console cannot read fails `tsc`; both
  // kinds (identical today, hence not a union) are checked.
  // created_at is the document's own creation time; each version carries its own (see `…/versions`).
  const attributes: PropertiesAttributes = {
    data: versionData(shown),
    version: shown.version,
    created_at: doc.created_at,
  } satisfies SettingsAttributes;
  return {
    id: doc.id,
    type: spec.kind,
    attributes,
    // The spec's owner `data` enum has no `asset`, and its examples send only the link.
    relationships: { owner: { links: { owner: `/api${owner.path}` } } },
    links: {
      self,
      current_version: `${self}/versions/${String(shown.version)}`,
      versions: `${self}/versions`,
    },
  };
}

function currentVersion(emu: Emulator, doc: DocumentRow): DocumentVersionRow {
  const row = findVersion(emu, doc.id, doc.current_version);
  if (!row) throw new Error(`document ${doc.id} has no version ${String(doc.current_version)}`);
  return row;
}

function versionResource(spec: KindSpec, { doc, owner }: Located, row: DocumentVersionRow): Resource {
  const documentUrl = `/api/${spec.kind}/${doc.id}`;
  const settingsAttributes: SettingsVersionAttributes = {
    data: versionData(row),
    version: row.version,
    created_at: row.created_at,
  };
  // Only properties versions say what owns them (spec: settings_version has no owner_type).
  const attributes: PropertiesVersionAttributes | SettingsVersionAttributes =
    spec.kind === 'properties' ? { ...settingsAttributes, owner_type: doc.owner_type } : settingsAttributes;
  return {
    id: row.id,
    type: `${spec.kind}_version`,
    attributes,
    relationships: {
      [spec.kind]: { data: { id: doc.id, type: spec.kind }, links: { related: documentUrl } },
    },
    links: {
      versions: `${documentUrl}/versions`,
      owner: `/api${owner.path}`,
      self: `${documentUrl}/versions/${String(row.version)}`,
    },
  };
}

/** `version` absent or null → unchecked update; a whole number (or its digits, as Rails casts) → checked. */
function readVersion(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return 'invalid';
}

interface Update {
  data: Record<string, unknown>;
  version: number | undefined;
}

/** Validates the attributes of a PATCH (after the 400 checks); every problem is reported at once. */
function validateUpdate(spec: KindSpec, attrs: Record<string, unknown>): Update {
  const problems: { field: string; title: string }[] = [];
  const data = attrs.data;
  if (data === undefined || data === null) problems.push({ field: 'data', title: "Data can't be blank" });
  else if (!isPlainObject(data)) problems.push({ field: 'data', title: 'Data must be a JSON object' });
  else if (nestedDeeperThan(data, MAX_DEPTH)) {
    problems.push({
      field: 'data',
      title: `Data is nested too deeply (at most ${String(MAX_DEPTH)} levels)`,
    });
  } else for (const title of spec.problems(data)) problems.push({ field: 'data', title });
  const version = readVersion(attrs.version);
  if (version === 'invalid') problems.push({ field: 'version', title: 'Version must be a whole number' });
  if (problems.length > 0 || !isPlainObject(data) || version === 'invalid') throw modelErrors(problems);
  return { data, version };
}

function parseVersionNumber(raw: string): number | undefined {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

function registerKind(app: FastifyInstance, spec: KindSpec): void {
  const emu = app.emulator;
  const base = `/api/${spec.kind}/:id`;

  app.get<{ Params: { id: string } }>(base, (req) => {
    const { authz } = callerOf(req);
    const located = locate(emu, authz, spec, req.params.id);
    return { data: documentResource(spec, located, currentVersion(emu, located.doc)) };
  });

  app.patch<{ Params: { id: string } }>(base, { config: { event: `api:${spec.kind}:update` } }, (req) => {
    const { authz } = callerOf(req);
    const located = locate(emu, authz, spec, req.params.id);
    const attrs = readAttributes(req.body, ['data', 'version']);
    if (!authz.may(located.owner.path, spec.subPath, 'update')) {
      throw forbidden(`You are not permitted to update the ${spec.kind} of ${located.owner.path}`);
    }
    const update = validateUpdate(spec, attrs);
    const outcome = replaceData(emu, located.doc.id, update.data, update.version);
    if (outcome.kind === 'mismatch') {
      throw modelError('version', versionMismatchTitle(spec.kind, outcome.current, outcome.attempted));
    }
    // Answer with the version this request wrote: another writer may already have added a newer one.
    const written = findVersion(emu, located.doc.id, outcome.version);
    if (!written) throw new Error(`version ${String(outcome.version)} of ${located.doc.id} was not stored`);
    return { data: documentResource(spec, located, written) };
  });

  // Oldest first, so the last entry is the current version; filters and sorts apply as on other lists.
  app.get<{ Params: { id: string } }>(`${base}/versions`, (req) => {
    const { authz } = callerOf(req);
    const located = locate(emu, authz, spec, req.params.id);
    const filter = compileFilter(queryOf(req.url), VERSION_FILTERS, { defaultOrder: 'v.version ASC' });
    const rows = emu
      .sql(
        `SELECT v.* FROM document_versions v WHERE v.document_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
      )
      .all(located.doc.id, ...filter.params) as DocumentVersionRow[];
    return { data: rows.map((row) => versionResource(spec, located, row)) };
  });

  app.get<{ Params: { id: string; version: string } }>(`${base}/versions/:version`, (req) => {
    const { authz } = callerOf(req);
    const located = locate(emu, authz, spec, req.params.id);
    const number = parseVersionNumber(req.params.version);
    const row = number === undefined ? undefined : findVersion(emu, located.doc.id, number);
    if (!row)
      throw notFound(`${spec.model} version`, `Couldn't find ${spec.model} version ${req.params.version}`);
    return { data: versionResource(spec, located, row) };
  });
}

/** Properties and settings of every node, with their version history (domain §6.1, §6.3). */
export function documentRoutes(app: FastifyInstance): void {
  for (const spec of KINDS) registerKind(app, spec);
}
