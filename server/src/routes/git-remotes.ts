import type { GitRemoteAttributes } from '@contract/git-remote.ts';
import { recordEvent } from '../events.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf, type Emulator } from '../context.ts';
import { forbidden, modelErrors, notFound } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { readAttributes, type Resource } from '../jsonapi.ts';
import { OWNER_PREFIXES, ownerPathFromParams, resolveNode, type NodeRow } from '../nodes.ts';
import {
  applyRemoteUpdate,
  hiddenCredentials,
  readCredentials,
  readRemoteUpdate,
  urlProblems,
  type RemoteRow,
} from '../template-store.ts';

interface GitRemoteRow extends RemoteRow {
  used_by_change: number;
}

// Credentials are deliberately not filterable: a filter on them would reveal them one guess at a time.
export const REMOTE_FILTERS: FilterSchema = {
  id: { sql: 'r.id', type: 'string' },
  name: { sql: 'r.name', type: 'string' },
  url: { sql: 'r.url', type: 'string' },
  archived: { sql: 'r.archived', type: 'boolean' },
  disabled: { sql: 'r.disabled', type: 'boolean' },
  created_at: { sql: 'r.created_at', type: 'datetime' },
  updated_at: { sql: 'r.updated_at', type: 'datetime' },
};

const COLLECTION = `${OWNER_PREFIXES.project}/git_remotes`;
const MEMBER = `${COLLECTION}/:remote_id`;
const USED_BY_CHANGE_MESSAGE =
  'This Git remote cannot be deleted as it is used by a change. Its credentials have been removed.';

function serializeRemote(project: NodeRow, r: GitRemoteRow, meta: Resource['meta'] = null): Resource {
  const projectUrl = `/api${project.path}`;
  // Typed with the console's attributes, so a serialiser change the console cannot read fails `tsc`.
  const attributes: GitRemoteAttributes = {
    name: r.name,
    url: r.url,
    archived: r.archived === 1,
    disabled: r.disabled === 1,
    created_at: r.created_at,
    updated_at: r.updated_at,
    ...hiddenCredentials(r),
  };
  return {
    id: r.id,
    type: 'git_remote',
    attributes,
    links: { project: projectUrl, self: `${projectUrl}/git_remotes/${r.id}` },
    meta,
  };
}

/** The project of the route, when the caller may read it and its Git remotes (otherwise 404, as if absent). */
function readableProject(emu: Emulator, authz: Authorizer, params: unknown): NodeRow {
  const project = resolveNode(emu, authz, ownerPathFromParams(params), 'project');
  if (!authz.may(project.path, '/git_remotes', 'read')) {
    throw notFound('Project', `Couldn't find Project with path ${project.path}`);
  }
  return project;
}

function assertMayUpdate(authz: Authorizer, project: NodeRow): void {
  if (!authz.may(project.path, '/git_remotes', 'update')) {
    throw forbidden(`You are not permitted to manage the Git remotes of ${project.path}`);
  }
}

function findRemote(emu: Emulator, project: NodeRow, params: unknown): GitRemoteRow {
  const id = (params as { remote_id?: string }).remote_id ?? '';
  const row = emu.sql('SELECT * FROM git_remotes WHERE id = ? AND project_id = ?').get(id, project.id) as
    GitRemoteRow | undefined;
  if (!row) throw notFound('GitRemote', `Couldn't find GitRemote with id ${id}`);
  return row;
}

function reloadRemote(emu: Emulator, id: string): GitRemoteRow {
  const row = emu.sql('SELECT * FROM git_remotes WHERE id = ?').get(id) as GitRemoteRow | undefined;
  if (!row) throw new Error(`git remote ${id} vanished`);
  return row;
}

function listRemotes(emu: Emulator, req: FastifyRequest, project: NodeRow): GitRemoteRow[] {
  const filter = compileFilter(queryOf(req.url), REMOTE_FILTERS, {
    defaultOrder: 'r.created_at ASC, r.id ASC',
  });
  return emu
    .sql(
      `SELECT r.* FROM git_remotes r WHERE r.project_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(project.id, ...filter.params) as GitRemoteRow[];
}

/** Validates `{name, url, user, password, ssh_key_data}` and inserts the remote; returns its id. */
function createRemote(emu: Emulator, project: NodeRow, attrs: Record<string, unknown>): string {
  const problems: { field: string; title: string }[] = [];
  const name = typeof attrs.name === 'string' ? attrs.name.trim() : '';
  if (name === '') problems.push({ field: 'name', title: "Name can't be blank" });
  else if (name.length > 200)
    problems.push({ field: 'name', title: 'Name is too long (maximum is 200 characters)' });
  else if (emu.sql('SELECT 1 FROM git_remotes WHERE project_id = ? AND name = ?').get(project.id, name)) {
    problems.push({ field: 'name', title: 'Name has already been taken' });
  }
  problems.push(...urlProblems(attrs.url));
  if (project.archived === 1)
    problems.push({ field: 'base', title: 'Cannot add a Git remote to an archived project' });
  const credentials = readCredentials(attrs);
  if (problems.length > 0) throw modelErrors(problems);
  const url = typeof attrs.url === 'string' ? attrs.url.trim() : '';
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO git_remotes (id, project_id, name, url, user, password, ssh_key_data, archived, disabled,
         used_by_change, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)`,
    )
    .run(
      id,
      project.id,
      name,
      url,
      credentials.user,
      credentials.password,
      credentials.ssh_key_data,
      now,
      now,
    );
  return id;
}

/**
 * DELETE: only archived remotes; one never used by a change is removed, one used by a change is kept for the
 * changes' history with its credentials wiped (domain §2.4). Returns the kept remote, or null when removed.
 */
function deleteRemote(emu: Emulator, remote: GitRemoteRow): GitRemoteRow | null {
  if (remote.archived !== 1) {
    throw modelErrors([
      { field: 'base', title: 'Git remote must be archived first before its credentials can be removed.' },
    ]);
  }
  if (remote.used_by_change === 0) {
    emu.sql('DELETE FROM git_remotes WHERE id = ?').run(remote.id);
    return null;
  }
  emu
    .sql(
      'UPDATE git_remotes SET user = NULL, password = NULL, ssh_key_data = NULL, updated_at = ? WHERE id = ?',
    )
    .run(emu.now(), remote.id);
  return reloadRemote(emu, remote.id);
}

/**
 * Archiving a remote unschedules the scheduled changes that use it (OpsChain changelog 2022-07-20), so a
 * remote is never deleted from under a schedule either.
 */
function unscheduleChangesOf(emu: Emulator, remote: GitRemoteRow, username: string): void {
  const schedules = emu
    .sql(`SELECT id FROM scheduled_activities WHERE kind = 'scheduled_change' AND git_remote_id = ?`)
    .all(remote.id) as { id: string }[];
  for (const { id } of schedules) {
    emu.sql('DELETE FROM scheduled_activities WHERE id = ?').run(id);
    recordEvent(emu, {
      type: 'api:scheduled_changes:destroy',
      username,
      system: true,
      payload: { reason: `Git remote "${remote.name}" was archived`, scheduled_activity_id: id },
      source: null,
    });
  }
}

/** Project Git remotes (domain §2.4): list, create, show, (un)archive or replace credentials, delete. */
export function gitRemoteRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get(COLLECTION, (req) => {
    const { authz } = callerOf(req);
    const project = readableProject(emu, authz, req.params);
    return { data: listRemotes(emu, req, project).map((r) => serializeRemote(project, r)) };
  });

  app.post(COLLECTION, { config: { event: 'api:git_remotes:create' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const project = readableProject(emu, authz, req.params);
    const attrs = readAttributes(req.body, ['name', 'url', 'user', 'password', 'ssh_key_data']);
    assertMayUpdate(authz, project);
    const id = emu.tx(() => createRemote(emu, project, attrs));
    return reply.status(201).send({ data: serializeRemote(project, reloadRemote(emu, id)) });
  });

  app.get(MEMBER, (req) => {
    const { authz } = callerOf(req);
    const project = readableProject(emu, authz, req.params);
    return { data: serializeRemote(project, findRemote(emu, project, req.params)) };
  });

  app.patch(MEMBER, { config: { event: 'api:git_remotes:update' } }, (req) => {
    const { principal, authz } = callerOf(req);
    const project = readableProject(emu, authz, req.params);
    const remote = findRemote(emu, project, req.params);
    const update = readRemoteUpdate(req.body);
    assertMayUpdate(authz, project);
    emu.tx(() => {
      applyRemoteUpdate(emu, 'git_remotes', remote.id, update);
      if (update.kind === 'archive' && update.archived) unscheduleChangesOf(emu, remote, principal.username);
    });
    return { data: serializeRemote(project, reloadRemote(emu, remote.id)) };
  });

  app.delete(MEMBER, { config: { event: 'api:git_remotes:destroy' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const project = readableProject(emu, authz, req.params);
    const remote = findRemote(emu, project, req.params);
    assertMayUpdate(authz, project);
    const kept = emu.tx(() => deleteRemote(emu, remote));
    if (!kept) return reply.status(204).send();
    const meta = { credentials_removed: true, messages: [USED_BY_CHANGE_MESSAGE] };
    return reply.status(200).send({ data: serializeRemote(project, kept, meta) });
  });
}
