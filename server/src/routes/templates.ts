import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf, type Emulator } from '../context.ts';
import { ApiHttpError, forbidden, modelError, modelErrors, notFound, parameterMissing } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { booleanAttr, readAttributes } from '../jsonapi.ts';
import { findNodeByPath, OWNER_PREFIXES, ownerPathFromParams, resolveNode, type NodeRow } from '../nodes.ts';
import {
  applyRemoteUpdate,
  findTemplate,
  findTemplateVersion,
  insertTemplate,
  insertTemplateVersion,
  moveAssetToVersion,
  readCredentials,
  readRemoteUpdate,
  serializeTemplate,
  serializeTemplateVersion,
  settlePendingVersions,
  urlProblems,
  type TemplateRow,
  type TemplateVersionRow,
} from '../template-store.ts';

interface Problem {
  field: string;
  title: string;
}

export const TEMPLATE_FILTERS: FilterSchema = {
  id: { sql: 't.id', type: 'string' },
  code: { sql: 't.code', type: 'string' },
  name: { sql: 't.name', type: 'string' },
  description: { sql: 't.description', type: 'string' },
  url: { sql: 't.url', type: 'string' },
  archived: { sql: 't.archived', type: 'boolean' },
  disabled: { sql: 't.disabled', type: 'boolean' },
  created_at: { sql: 't.created_at', type: 'datetime' },
  updated_at: { sql: 't.updated_at', type: 'datetime' },
};

const VERSION_FILTERS: FilterSchema = {
  id: { sql: 'tv.id', type: 'string' },
  version: { sql: 'tv.version', type: 'string' },
  description: { sql: 'tv.description', type: 'string' },
  state: { sql: 'tv.state', type: 'string' },
  created_by: { sql: 'tv.created_by', type: 'string' },
  archived: { sql: 'tv.archived', type: 'boolean' },
  has_mintmodel: { sql: 'tv.has_mintmodel', type: 'boolean' },
  git_rev: { sql: 'tv.git_rev', type: 'string' },
  commit_sha: { sql: 'tv.commit_sha', type: 'string' },
  created_at: { sql: 'tv.created_at', type: 'datetime' },
  updated_at: { sql: 'tv.updated_at', type: 'datetime' },
};

const COLLECTION = `${OWNER_PREFIXES.project}/templates`;
const MEMBER = `${COLLECTION}/:template_code`;
const VERSIONS = `${MEMBER}/versions`;
const VERSION = `${VERSIONS}/:version`;

const TEMPLATE_CODE = /^[a-z0-9_]+$/;
// Version names in the docs and spec look like 2023_Q4_2, so upper case is allowed, unlike codes.
const VERSION_NAME = /^[A-Za-z0-9_]{1,50}$/;
const GIT_REV = /^[^\s\p{Cc}]{1,255}$/u;

interface RouteParams {
  template_code?: string;
  version?: string;
}

/**
 * The project of the route, when the caller may read its templates (otherwise 404, as if absent). Standard
 * projects have no templates: 422 in the shape OpsChain uses for workflows on Standard projects (domain §3).
 */
function templatesProject(emu: Emulator, authz: Authorizer, params: unknown): NodeRow {
  const project = resolveNode(emu, authz, ownerPathFromParams(params), 'project');
  if (!authz.may(project.path, '/templates', 'read')) {
    throw notFound('Project', `Couldn't find Project with path ${project.path}`);
  }
  if (project.project_type !== 'Enterprise') {
    throw new ApiHttpError(422, [
      {
        status: 422,
        title: 'Unsupported project type',
        detail: `"${project.project_type ?? 'Standard'}" projects do not support templates`,
      },
    ]);
  }
  return project;
}

function assertMayUpdate(authz: Authorizer, project: NodeRow): void {
  if (!authz.may(project.path, '/templates', 'update')) {
    throw forbidden(`You are not permitted to manage the templates of ${project.path}`);
  }
}

function templateOf(emu: Emulator, project: NodeRow, params: unknown): TemplateRow {
  const code = (params as RouteParams).template_code ?? '';
  const template = findTemplate(emu, project.id, code);
  if (!template) throw notFound('Template', `Couldn't find Template with code ${code}`);
  return template;
}

function versionOf(emu: Emulator, template: TemplateRow, params: unknown): TemplateVersionRow {
  const name = (params as RouteParams).version ?? '';
  const version = findTemplateVersion(emu, template.id, name);
  if (!version) throw notFound('TemplateVersion', `Couldn't find TemplateVersion with version ${name}`);
  return version;
}

function reloadTemplate(emu: Emulator, id: string): TemplateRow {
  const row = emu.sql('SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow | undefined;
  if (!row) throw new Error(`template ${id} vanished`);
  return row;
}

function reloadVersion(emu: Emulator, id: string): TemplateVersionRow {
  const row = emu.sql('SELECT * FROM template_versions WHERE id = ?').get(id) as
    TemplateVersionRow | undefined;
  if (!row) throw new Error(`template version ${id} vanished`);
  return row;
}

// ---- templates

function codeProblems(emu: Emulator, project: NodeRow, code: unknown): Problem[] {
  const format: Problem = {
    field: 'code',
    title: 'Code must only contain lowercase letters, numbers and underscores',
  };
  // OpsChain reports both the blank and the format error for an empty code (spec 422 example).
  if (typeof code !== 'string' || code.trim() === '')
    return [{ field: 'code', title: "Code can't be blank" }, format];
  if (!TEMPLATE_CODE.test(code)) return [format];
  if (code.length > 50) return [{ field: 'code', title: 'Code is too long (maximum is 50 characters)' }];
  if (findTemplate(emu, project.id, code)) return [{ field: 'code', title: 'Code has already been taken' }];
  return [];
}

/** Validates `{code, name, description, url, user, password, ssh_key_data}` and inserts the template. */
function createTemplate(emu: Emulator, project: NodeRow, attrs: Record<string, unknown>): string {
  const problems: Problem[] = [];
  const name = typeof attrs.name === 'string' ? attrs.name.trim() : '';
  if (name === '') problems.push({ field: 'name', title: "Name can't be blank" });
  else if (name.length > 200)
    problems.push({ field: 'name', title: 'Name is too long (maximum is 200 characters)' });
  problems.push(...codeProblems(emu, project, attrs.code));
  const description = attrs.description;
  if (description !== undefined && description !== null && typeof description !== 'string') {
    problems.push({ field: 'description', title: 'Description must be a string' });
  }
  problems.push(...urlProblems(attrs.url));
  if (project.archived === 1)
    problems.push({ field: 'base', title: 'Cannot add a template to an archived project' });
  const credentials = readCredentials(attrs);
  if (problems.length > 0) throw modelErrors(problems);
  return insertTemplate(emu, {
    projectId: project.id,
    code: typeof attrs.code === 'string' ? attrs.code : '',
    name,
    description: typeof description === 'string' ? description : null,
    url: typeof attrs.url === 'string' ? attrs.url.trim() : '',
    user: credentials.user,
    password: credentials.password,
    sshKeyData: credentials.ssh_key_data,
  });
}

function listTemplates(emu: Emulator, req: FastifyRequest, project: NodeRow): TemplateRow[] {
  const filter = compileFilter(queryOf(req.url), TEMPLATE_FILTERS, {
    defaultOrder: 't.created_at ASC, t.id ASC',
  });
  return emu
    .sql(
      `SELECT t.* FROM templates t WHERE t.project_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(project.id, ...filter.params) as TemplateRow[];
}

// ---- template versions

function listVersions(emu: Emulator, req: FastifyRequest, template: TemplateRow): TemplateVersionRow[] {
  const filter = compileFilter(queryOf(req.url), VERSION_FILTERS, {
    defaultOrder: 'tv.created_at ASC, tv.id ASC',
  });
  return emu
    .sql(
      `SELECT tv.* FROM template_versions tv WHERE tv.template_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(template.id, ...filter.params) as TemplateVersionRow[];
}

interface VersionInput {
  description: string | null | undefined;
  gitRev: string | undefined;
  archived: boolean | undefined;
}

function readVersionInput(attrs: Record<string, unknown>, isNew: boolean, problems: Problem[]): VersionInput {
  const { description, git_rev: gitRev } = attrs;
  if (description !== undefined && description !== null && typeof description !== 'string') {
    problems.push({ field: 'description', title: 'Description must be a string' });
  }
  if (gitRev === undefined ? isNew : typeof gitRev !== 'string' || gitRev.trim() === '') {
    problems.push({ field: 'git_rev', title: "Git rev can't be blank" });
  } else if (typeof gitRev === 'string' && !GIT_REV.test(gitRev.trim())) {
    problems.push({ field: 'git_rev', title: 'Git rev is not a valid Git revision' });
  }
  return {
    description: typeof description === 'string' || description === null ? description : undefined,
    gitRev: typeof gitRev === 'string' ? gitRev.trim() : undefined,
    archived: booleanAttr(attrs, 'archived'),
  };
}

/**
 * PUT creates or updates a version (200 both ways). A new version starts `initializing` and becomes `ready`
 * once its revision "resolves" (settlePendingVersions); changing `git_rev` resolves the version again.
 */
function putVersion(
  emu: Emulator,
  template: TemplateRow,
  name: string,
  attrs: Record<string, unknown>,
  username: string,
): string {
  const existing = findTemplateVersion(emu, template.id, name);
  const problems: Problem[] = [];
  const input = readVersionInput(attrs, !existing, problems);
  if (!existing) {
    if (!VERSION_NAME.test(name)) {
      problems.push({
        field: 'version',
        title: 'Version must only contain letters, numbers and underscores (at most 50)',
      });
    }
    if (input.archived === true)
      problems.push({ field: 'base', title: 'Cannot create a new archived template version' });
    if (template.archived === 1)
      problems.push({ field: 'base', title: 'Cannot create a version of an archived template' });
  }
  if (problems.length > 0) throw modelErrors(problems);
  if (!existing) {
    return insertTemplateVersion(emu, {
      templateId: template.id,
      templateCode: template.code,
      version: name,
      description: input.description ?? null,
      gitRev: input.gitRev ?? '',
      createdBy: username,
      ready: false,
    });
  }
  updateVersion(emu, existing, input);
  return existing.id;
}

function updateVersion(emu: Emulator, v: TemplateVersionRow, input: VersionInput): void {
  const now = emu.now();
  const description = input.description === undefined ? v.description : input.description;
  const archived = input.archived === undefined ? v.archived : input.archived ? 1 : 0;
  emu
    .sql('UPDATE template_versions SET description = ?, archived = ?, updated_at = ? WHERE id = ?')
    .run(description, archived, now, v.id);
  if (input.gitRev !== undefined && input.gitRev !== v.git_rev) {
    emu
      .sql(
        `UPDATE template_versions SET git_rev = ?, state = 'initializing', commit_sha = NULL, actions = '[]',
           has_mintmodel = 0, updated_at = ? WHERE id = ?`,
      )
      .run(input.gitRev, now, v.id);
  }
}

/** `asset_paths` of assign_to_assets: a missing or empty list is Rails' 400 "param is missing". */
function readAssetPaths(body: unknown): string[] {
  const attrs = readAttributes(body, ['asset_paths'], { allowEmpty: true });
  const raw: unknown = attrs.asset_paths;
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0))
    throw parameterMissing('asset_paths');
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (!list.every((p): p is string => typeof p === 'string')) {
    throw modelError('asset_paths', 'Asset paths must be a list of asset paths such as /projects/p/assets/a');
  }
  return [...new Set(list.map((p) => p.trim().replace(/\/+$/, '')))];
}

interface AssignTarget {
  template: TemplateRow;
  version: TemplateVersionRow;
  project: NodeRow;
}

/** Checks every path names a readable, active asset of this project built from this template. */
function assetsToAssign(emu: Emulator, authz: Authorizer, target: AssignTarget, paths: string[]): NodeRow[] {
  const missing: string[] = [];
  const otherTemplate: string[] = [];
  const archived: string[] = [];
  const refused: string[] = [];
  const assets: NodeRow[] = [];
  for (const path of paths) {
    const node = findNodeByPath(emu, path);
    if (node?.kind !== 'asset' || node.project_id !== target.project.id || !authz.canRead(node.path)) {
      missing.push(path);
    } else if (node.template_id !== target.template.id) otherTemplate.push(path);
    else if (node.archived === 1) archived.push(path);
    else if (!authz.may(node.path, '', 'update')) refused.push(path);
    else assets.push(node);
  }
  const problems: Problem[] = [];
  const base = (title: string): void => {
    problems.push({ field: 'base', title });
  };
  if (missing.length > 0) base(`The following asset(s) do not exist: ${missing.join(', ')}`);
  if (otherTemplate.length > 0) {
    base(`The following asset(s) do not use template ${target.template.code}: ${otherTemplate.join(', ')}`);
  }
  if (archived.length > 0) base(`The following asset(s) are archived: ${archived.join(', ')}`);
  if (target.version.archived === 1) base('Cannot assign assets to an archived template version');
  if (problems.length > 0) throw modelErrors(problems);
  if (refused.length > 0)
    throw forbidden(`You are not permitted to update the following asset(s): ${refused.join(', ')}`);
  return assets;
}

/** Templates and template versions of Enterprise projects (domain §2.3). */
export function templateRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  // Every reader (assets, changes, these routes) sees versions whose revision has resolved by now.
  app.addHook('onRequest', (_req, _reply, done) => {
    settlePendingVersions(emu);
    done();
  });

  app.get(COLLECTION, (req) => {
    const { authz } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    return { data: listTemplates(emu, req, project).map((t) => serializeTemplate(emu, t)) };
  });

  app.post(COLLECTION, { config: { event: 'api:templates:create' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    const attrs = readAttributes(req.body, [
      'code',
      'name',
      'description',
      'url',
      'user',
      'password',
      'ssh_key_data',
    ]);
    assertMayUpdate(authz, project);
    const id = emu.tx(() => createTemplate(emu, project, attrs));
    return reply.status(201).send({ data: serializeTemplate(emu, reloadTemplate(emu, id)) });
  });

  app.get(MEMBER, (req) => {
    const { authz } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    return { data: serializeTemplate(emu, templateOf(emu, project, req.params)) };
  });

  app.patch(MEMBER, { config: { event: 'api:templates:update' } }, (req) => {
    const { authz } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    const template = templateOf(emu, project, req.params);
    const update = readRemoteUpdate(req.body);
    assertMayUpdate(authz, project);
    emu.tx(() => {
      applyRemoteUpdate(emu, 'templates', template.id, update);
    });
    return { data: serializeTemplate(emu, reloadTemplate(emu, template.id)) };
  });

  app.get(VERSIONS, (req) => {
    const { authz } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    const template = templateOf(emu, project, req.params);
    return {
      data: listVersions(emu, req, template).map((v) =>
        serializeTemplateVersion(project.code, template.code, v),
      ),
    };
  });

  app.get(VERSION, (req) => {
    const { authz } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    const template = templateOf(emu, project, req.params);
    return {
      data: serializeTemplateVersion(project.code, template.code, versionOf(emu, template, req.params)),
    };
  });

  app.put(VERSION, { config: { event: 'api:template_versions:update' } }, (req) => {
    const { authz, principal } = callerOf(req);
    const project = templatesProject(emu, authz, req.params);
    const template = templateOf(emu, project, req.params);
    const attrs = readAttributes(req.body, ['description', 'git_rev', 'archived']);
    assertMayUpdate(authz, project);
    const name = (req.params as RouteParams).version ?? '';
    const id = emu.tx(() => putVersion(emu, template, name, attrs, principal.username));
    return { data: serializeTemplateVersion(project.code, template.code, reloadVersion(emu, id)) };
  });

  // The event name follows OpsChain's api:<controller>:<action> pattern; the docs list no name for this action.
  app.post(
    `${VERSION}/assign_to_assets`,
    { config: { event: 'api:template_versions:assign_to_assets' } },
    (req) => {
      const { authz } = callerOf(req);
      const project = templatesProject(emu, authz, req.params);
      const template = templateOf(emu, project, req.params);
      const version = versionOf(emu, template, req.params);
      const paths = readAssetPaths(req.body);
      assertMayUpdate(authz, project);
      const assets = assetsToAssign(emu, authz, { template, version, project }, paths);
      emu.tx(() => {
        for (const asset of assets) moveAssetToVersion(emu, asset, version.id);
      });
      return { data: serializeTemplateVersion(project.code, template.code, reloadVersion(emu, version.id)) };
    },
  );
}
