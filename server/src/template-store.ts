import type { ActionSummary, TemplateAttributes, TemplateVersionAttributes } from '@contract/template.ts';
import { createHash } from 'node:crypto';
import type { Authorizer } from '@contract/authz.ts';
import { CATALOG_ACTIONS } from './catalog.ts';
import type { Emulator } from './context.ts';
import { currentData } from './documents.ts';
import { modelError } from './errors.ts';
import { booleanAttr, isPlainObject, readAttributes, stringAttr, type Resource } from './jsonapi.ts';
import type { NodeRow } from './nodes.ts';
import { findNodeById } from './nodes.ts';

export interface NewTemplate {
  projectId: string;
  code: string;
  name: string;
  description: string | null;
  url: string;
  user?: string | null;
  password?: string | null;
  sshKeyData?: string | null;
}

export function insertTemplate(emu: Emulator, t: NewTemplate): string {
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO templates (id, project_id, code, name, description, url, user, password, ssh_key_data,
         archived, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    )
    .run(
      id,
      t.projectId,
      t.code,
      t.name,
      t.description,
      t.url,
      t.user ?? null,
      t.password ?? null,
      t.sshKeyData ?? null,
      now,
      now,
    );
  return id;
}

/** A deterministic fake commit SHA for a revision: the emulator has no Git, but SHAs must look real and be stable. */
export function fakeCommitSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

export interface NewTemplateVersion {
  templateId: string;
  templateCode: string;
  version: string;
  description: string | null;
  gitRev: string;
  createdBy: string | null;
  /** Ready versions have their commit resolved and actions listed; new ones start `initializing`. */
  ready: boolean;
}

export function insertTemplateVersion(emu: Emulator, v: NewTemplateVersion): string {
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO template_versions (id, template_id, version, description, git_rev, commit_sha, state, archived,
         has_mintmodel, actions, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      v.templateId,
      v.version,
      v.description,
      v.gitRev,
      v.ready ? fakeCommitSha(`${v.templateCode}:${v.gitRev}`) : null,
      v.ready ? 'ready' : 'initializing',
      v.ready ? 1 : 0,
      JSON.stringify(v.ready ? CATALOG_ACTIONS : []),
      v.createdBy,
      now,
      now,
    );
  return id;
}

// ---------------------------------------------------------------------------------------------------------
// Rows

interface Credentials {
  user: string | null;
  password: string | null;
  ssh_key_data: string | null;
}

/** Columns shared by `git_remotes` and `templates` (a template is a Git remote with a code, domain §2.3). */
export interface RemoteRow extends Credentials {
  id: string;
  project_id: string;
  name: string;
  url: string;
  archived: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface TemplateRow extends RemoteRow {
  code: string;
  description: string | null;
}

export interface TemplateVersionRow {
  id: string;
  template_id: string;
  version: string;
  description: string | null;
  git_rev: string;
  commit_sha: string | null;
  state: string;
  archived: number;
  has_mintmodel: number;
  actions: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export function findTemplate(emu: Emulator, projectId: string, code: string): TemplateRow | undefined {
  return emu.sql('SELECT * FROM templates WHERE project_id = ? AND code = ?').get(projectId, code) as
    TemplateRow | undefined;
}

export function findTemplateVersion(
  emu: Emulator,
  templateId: string,
  version: string,
): TemplateVersionRow | undefined {
  return emu
    .sql('SELECT * FROM template_versions WHERE template_id = ? AND version = ?')
    .get(templateId, version) as TemplateVersionRow | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Credentials and URLs of remotes and templates

export const HIDDEN_CREDENTIAL = '{{hidden}}';
const CREDENTIAL_KEYS = ['user', 'password', 'ssh_key_data'] as const;

/** Credentials are write-only: a stored value reads as the placeholder, an unset one as null. */
export function hiddenCredentials(row: Credentials): Record<(typeof CREDENTIAL_KEYS)[number], string | null> {
  const hide = (value: string | null): string | null =>
    value === null || value === '' ? null : HIDDEN_CREDENTIAL;
  return { user: hide(row.user), password: hide(row.password), ssh_key_data: hide(row.ssh_key_data) };
}

/** Reads the three credentials; absent, null and blank all mean "none". Non-strings are a 422. */
export function readCredentials(attrs: Record<string, unknown>): Credentials {
  const read = (key: string): string | null => {
    const value = stringAttr(attrs, key);
    return value === undefined || value === null || value.trim() === '' ? null : value;
  };
  return { user: read('user'), password: read('password'), ssh_key_data: read('ssh_key_data') };
}

export type RemoteUpdate =
  { kind: 'archive'; archived: boolean } | { kind: 'credentials'; credentials: Credentials };

/**
 * `PATCH` of a Git remote or template is two documented operations on one URL: `{archived}` (un)archives,
 * `{user, password, ssh_key_data}` replaces the credentials. A body with `archived` is the archive operation,
 * so credentials sent beside it are unpermitted parameters (400), as each operation permits only its own keys.
 * Replacing credentials sets all three: a key left out is cleared, as the spec requires all three.
 */
export function readRemoteUpdate(body: unknown): RemoteUpdate {
  const peek = isPlainObject(body) && isPlainObject(body.data) ? body.data.attributes : undefined;
  if (isPlainObject(peek) && 'archived' in peek) {
    const archived = booleanAttr(readAttributes(body, ['archived']), 'archived');
    if (archived === undefined) throw modelError('archived', 'Archived must be true or false');
    return { kind: 'archive', archived };
  }
  return { kind: 'credentials', credentials: readCredentials(readAttributes(body, CREDENTIAL_KEYS)) };
}

const GIT_URL = /^(?:(?:https?|ssh|git|file):\/\/\S+|[\w.-]+@[\w.-]+:\S+)$/i;
const URL_WITH_PASSWORD = /^[a-z+]+:\/\/[^/@\s]*:[^/@\s]*@/i;

/** Problems with a remote's `url`: required, a Git URL, and free of embedded passwords (they would be shown). */
export function urlProblems(url: unknown): { field: string; title: string }[] {
  if (url === undefined || url === null || (typeof url === 'string' && url.trim() === '')) {
    return [{ field: 'url', title: "Url can't be blank" }];
  }
  if (typeof url !== 'string') return [{ field: 'url', title: 'Url must be a string' }];
  if (url.length > 2000 || !GIT_URL.test(url.trim()))
    return [{ field: 'url', title: 'Url is not a valid Git URL' }];
  if (URL_WITH_PASSWORD.test(url.trim())) {
    return [{ field: 'url', title: 'Url must not contain a password; set user and password instead' }];
  }
  return [];
}

export function applyRemoteUpdate(
  emu: Emulator,
  table: 'git_remotes' | 'templates',
  id: string,
  update: RemoteUpdate,
): void {
  const now = emu.now();
  if (update.kind === 'archive') {
    emu
      .sql(`UPDATE ${table} SET archived = ?, updated_at = ? WHERE id = ?`)
      .run(update.archived ? 1 : 0, now, id);
    return;
  }
  const c = update.credentials;
  emu
    .sql(`UPDATE ${table} SET user = ?, password = ?, ssh_key_data = ?, updated_at = ? WHERE id = ?`)
    .run(c.user, c.password, c.ssh_key_data, now, id);
}

// ---------------------------------------------------------------------------------------------------------
// Serialisation

function projectCodeOf(emu: Emulator, projectId: string): string {
  return findNodeById(emu, projectId)?.code ?? '';
}

export function templateUrl(projectCode: string, templateCode: string): string {
  return `/api/projects/${projectCode}/templates/${templateCode}`;
}

export function serializeTemplate(emu: Emulator, t: TemplateRow): Resource {
  const self = templateUrl(projectCodeOf(emu, t.project_id), t.code);
  const versionIds = emu
    .sql('SELECT id FROM template_versions WHERE template_id = ? ORDER BY created_at, id')
    .all(t.id) as { id: string }[];
  // Typed with the console's attributes, so a serialiser change the console cannot read fails `tsc`.
  const attributes: TemplateAttributes = {
    name: t.name,
    url: t.url,
    archived: t.archived === 1,
    disabled: t.disabled === 1,
    created_at: t.created_at,
    updated_at: t.updated_at,
    ...hiddenCredentials(t),
    code: t.code,
    description: t.description,
  };
  return {
    id: t.id,
    type: 'template',
    attributes,
    relationships: {
      template_versions: {
        data: versionIds.map((v) => ({ type: 'template_version', id: v.id })),
        links: { related: `${self}/versions` },
      },
    },
    links: {
      project: `/api/projects/${projectCodeOf(emu, t.project_id)}`,
      self,
      template_versions: `${self}/versions`,
    },
    meta: null,
  };
}

/**
 * A template version. `actions` appear once the version is ready (the spec's example of a just-created
 * version has none). The spec types `description` and `created_by` as non-null strings, so unset ones read "".
 */
export function serializeTemplateVersion(
  projectCode: string,
  templateCode: string,
  v: TemplateVersionRow,
): Resource {
  const template = templateUrl(projectCode, templateCode);
  // Typed with the console's attributes, so a serialiser change the console cannot read fails `tsc`.
  const attributes: TemplateVersionAttributes = {
    version: v.version,
    description: v.description ?? '',
    state: v.state,
    created_by: v.created_by ?? '',
    archived: v.archived === 1,
    has_mintmodel: v.has_mintmodel === 1,
    created_at: v.created_at,
    updated_at: v.updated_at,
    git_rev: v.git_rev,
    commit_sha: v.commit_sha,
  };
  // The column holds only JSON of CATALOG_ACTIONS or [] (insertTemplateVersion, settlePendingVersions, the templates route).
  if (v.state === 'ready') attributes.actions = JSON.parse(v.actions) as ActionSummary[];
  return {
    id: v.id,
    type: 'template_version',
    attributes,
    links: { self: `${template}/versions/${v.version}`, template },
  };
}

/** The template and template version of an asset, for the asset's `included` (empty for other nodes). */
export function templateIncluded(emu: Emulator, authz: Authorizer, node: NodeRow): Resource[] {
  if (node.kind !== 'asset' || !node.template_id || !node.project_id) return [];
  const project = findNodeById(emu, node.project_id);
  if (!project || !authz.may(project.path, '/templates', 'read')) return [];
  const template = emu.sql('SELECT * FROM templates WHERE id = ?').get(node.template_id) as
    TemplateRow | undefined;
  if (!template) return [];
  const out = [serializeTemplate(emu, template)];
  const version = node.template_version_id
    ? (emu.sql('SELECT * FROM template_versions WHERE id = ?').get(node.template_version_id) as
        TemplateVersionRow | undefined)
    : undefined;
  if (version) out.push(serializeTemplateVersion(project.code, template.code, version));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Template version lifecycle

/** How long a new template version stays `initializing` (the time OpsChain takes to fetch the revision). */
export const VERSION_RESOLVE_MS = 1000;

/**
 * The last emulator timestamp within millisecond `ms` (stored timestamps are text with six fractional digits).
 * Timestamps taken within one millisecond are spread over its microseconds to stay unique, so a version
 * created "at" ms is due once the clock reads ms + VERSION_RESOLVE_MS.
 */
function endOfMillisecond(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '999Z');
}

/**
 * Resolves every version that has been `initializing` for at least VERSION_RESOLVE_MS of emulator time:
 * it becomes `ready` with a (fake, stable) commit SHA, the catalog actions and a MintModel. Run lazily at the
 * start of each API request rather than on a timer, so tests drive it deterministically with their clock.
 */
export function settlePendingVersions(emu: Emulator): void {
  if (!emu.sql("SELECT 1 FROM template_versions WHERE state = 'initializing' LIMIT 1").get()) return;
  const due = emu
    .sql(
      `SELECT tv.id, tv.git_rev, t.code FROM template_versions tv JOIN templates t ON t.id = tv.template_id
        WHERE tv.state = 'initializing' AND tv.updated_at <= ?`,
    )
    .all(endOfMillisecond(emu.clock.now() - VERSION_RESOLVE_MS)) as {
    id: string;
    git_rev: string;
    code: string;
  }[];
  if (due.length === 0) return;
  emu.tx(() => {
    for (const v of due) {
      emu
        .sql(
          `UPDATE template_versions SET state = 'ready', commit_sha = ?, actions = ?, has_mintmodel = 1, updated_at = ?
            WHERE id = ? AND state = 'initializing'`,
        )
        .run(fakeCommitSha(`${v.code}:${v.git_rev}`), JSON.stringify(CATALOG_ACTIONS), emu.now(), v.id);
    }
  });
}

/** Points an asset at another version of its template, closing its current history record. False if already there. */
export function moveAssetToVersion(emu: Emulator, asset: NodeRow, versionId: string): boolean {
  if (asset.template_version_id === versionId) return false;
  const now = emu.now();
  emu
    .sql('UPDATE template_version_history SET active_to = ? WHERE asset_id = ? AND active_to IS NULL')
    .run(now, asset.id);
  emu
    .sql(
      'INSERT INTO template_version_history (id, asset_id, template_version_id, active_from, active_to) VALUES (?, ?, ?, ?, NULL)',
    )
    .run(emu.newId(), asset.id, versionId, now);
  emu
    .sql('UPDATE nodes SET template_version_id = ?, updated_at = ? WHERE id = ?')
    .run(versionId, now, asset.id);
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Converged properties and MintModels

/** Deep merge: objects merge key by key, anything else (arrays included) replaces. Inputs are not modified. */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  // A Map and Object.fromEntries define keys as own data properties, so a `__proto__` key stays a plain key.
  const merged = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(over)) {
    const current = merged.get(key);
    merged.set(key, isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value);
  }
  return Object.fromEntries(merged);
}

export interface RepositoryPropertiesFile {
  /** Path relative to `.opschain/`, which is also the resource id. */
  path: string;
  content: Record<string, unknown>;
}

export interface PropertiesSource {
  node: NodeRow;
  documentId: string;
  version: number;
  createdAt: string;
  data: Record<string, unknown>;
}

export interface Converged {
  data: Record<string, unknown>;
  repository: RepositoryPropertiesFile[];
  sources: PropertiesSource[];
}

interface AssetTemplate {
  templateCode: string;
  version: string;
  hasMintmodel: boolean;
}

/** The template and version an asset is built from, or undefined for an asset without one. */
export function assetTemplate(emu: Emulator, asset: NodeRow): AssetTemplate | undefined {
  if (!asset.template_version_id) return undefined;
  const row = emu
    .sql(
      `SELECT t.code AS template_code, tv.version, tv.has_mintmodel FROM template_versions tv
         JOIN templates t ON t.id = tv.template_id WHERE tv.id = ?`,
    )
    .get(asset.template_version_id) as
    { template_code: string; version: string; has_mintmodel: number } | undefined;
  return row
    ? { templateCode: row.template_code, version: row.version, hasMintmodel: row.has_mintmodel === 1 }
    : undefined;
}

/**
 * The emulator has no Git, so an asset's template repository contributes one honest, fixed file:
 * `.opschain/properties.yaml` naming the template and version the asset is built from.
 */
function repositoryFiles(template: AssetTemplate | undefined): RepositoryPropertiesFile[] {
  if (!template) return [];
  return [
    {
      path: 'properties.yaml',
      content: { template: { code: template.templateCode, version: template.version } },
    },
  ];
}

function propertiesSource(emu: Emulator, node: NodeRow): PropertiesSource {
  const row = emu
    .sql(
      `SELECT d.current_version AS version, v.created_at FROM documents d
         JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = ?`,
    )
    .get(node.properties_id) as { version: number; created_at: string } | undefined;
  return {
    node,
    documentId: node.properties_id,
    version: row?.version ?? 1,
    createdAt: row?.created_at ?? node.created_at,
    data: currentData(emu, node.properties_id),
  };
}

/** The nodes whose properties an asset sees, lowest precedence first: project, environment (if any), asset. */
export function propertyOwners(emu: Emulator, asset: NodeRow): NodeRow[] {
  const ids = [asset.project_id, asset.environment_id].filter((id): id is string => id !== null);
  const ancestors = ids.map((id) => findNodeById(emu, id)).filter((n): n is NodeRow => n !== undefined);
  return [...ancestors, asset];
}

/** Repository properties → project → environment → asset, deep-merged (domain §6.2). */
export function convergedProperties(emu: Emulator, asset: NodeRow): Converged {
  const repository = repositoryFiles(assetTemplate(emu, asset));
  const sources = propertyOwners(emu, asset).map((n) => propertiesSource(emu, n));
  let data: Record<string, unknown> = {};
  for (const file of repository) data = deepMerge(data, file.content);
  for (const source of sources) data = deepMerge(data, source.data);
  return { data, repository, sources };
}

export interface RenderedMintmodel {
  data: Record<string, unknown>;
  sha256: string;
}

/**
 * Renders an asset's MintModel from its converged properties, as its template version's MintModel ERB would:
 * the emulator's "template" is the template and version plus the converged properties. 422 when the asset's
 * template version has no MintModel (for example while it is still initializing).
 */
export function renderMintmodel(emu: Emulator, asset: NodeRow): RenderedMintmodel {
  const template = assetTemplate(emu, asset);
  if (!template) throw modelError('base', 'This asset has no template version, so it has no MintModel');
  if (!template.hasMintmodel) {
    throw modelError(
      'base',
      `Template version "${template.version}" of template "${template.templateCode}" does not provide a MintModel`,
    );
  }
  const data = {
    template: { code: template.templateCode, version: template.version },
    properties: convergedProperties(emu, asset).data,
  };
  return { data, sha256: createHash('sha256').update(JSON.stringify(data)).digest('hex') };
}

/**
 * Stores a rendered MintModel and its history record (what a change does when it runs on an asset). `now`:
 * the engine passes its simulated time of the transition, so the record sits on the change's time line.
 */
export function storeMintmodel(
  emu: Emulator,
  asset: NodeRow,
  rendered: RenderedMintmodel,
  changeId: string | null,
  now: string = emu.now(),
): { mintmodelId: string; historyId: string } {
  const mintmodelId = emu.newId();
  const historyId = emu.newId();
  emu
    .sql(
      'INSERT INTO mintmodels (id, asset_id, data, sha256, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(mintmodelId, asset.id, JSON.stringify(rendered.data), rendered.sha256, now, now);
  emu
    .sql(
      'INSERT INTO mintmodel_history (id, asset_id, mintmodel_id, change_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(historyId, asset.id, mintmodelId, changeId, now, now);
  return { mintmodelId, historyId };
}
