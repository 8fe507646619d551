import type { AuthProvider, GroupAttributes, InfoAttributes, UserAttributes } from '@contract/user.ts';
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';

export const EMULATED_VERSION = '2025-04-25';

export const USER_FILTERS: FilterSchema = {
  id: { sql: 'u.id', type: 'string' },
  username: { sql: 'u.username', type: 'string' },
  auth_provider: { sql: 'u.auth_provider', type: 'string' },
  created_at: { sql: 'u.created_at', type: 'datetime' },
  updated_at: { sql: 'u.updated_at', type: 'datetime' },
};

export const GROUP_FILTERS: FilterSchema = {
  id: { sql: 'g.id', type: 'string' },
  cn: { sql: 'g.cn', type: 'string' },
};

/** Info, users and groups; each `attributes` satisfies the console's type, so a change it cannot read fails `tsc`. */
export function systemRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/info', () => ({
    data: {
      id: '0',
      type: 'info',
      attributes: {
        version: EMULATED_VERSION,
        runner_image: `limepoint/opschain-runner:${EMULATED_VERSION}`,
        db_version: `SQLite ${(emu.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v} (OpsChain API emulator)`,
        api_version: '7.1.5.1',
        'ldap_available?': false,
      } satisfies InfoAttributes,
      links: { self: '/api/info' },
    },
  }));

  app.get('/api/users', (req) => {
    const { authz } = callerOf(req);
    if (!authz.decide('/users', 'read')) throw forbidden('You are not permitted to list users');
    const filter = compileFilter(queryOf(req.url), USER_FILTERS, { defaultOrder: 'u.username ASC' });
    const rows = emu
      .sql(`SELECT u.* FROM users u WHERE (${filter.where}) ORDER BY ${filter.orderBy}`)
      .all(...filter.params) as {
      id: string;
      username: string;
      // Only the seeds write users, always as 'local'.
      auth_provider: AuthProvider;
      created_at: string;
      updated_at: string;
    }[];
    return {
      data: rows.map((u) => ({
        id: u.id,
        type: 'user',
        attributes: {
          username: u.username,
          groupnames: (
            emu
              .sql('SELECT group_cn FROM group_members WHERE username = ? ORDER BY group_cn')
              .all(u.username) as {
              group_cn: string;
            }[]
          ).map((g) => g.group_cn),
          auth_provider: u.auth_provider,
          created_at: u.created_at,
          updated_at: u.updated_at,
        } satisfies UserAttributes,
      })),
    };
  });

  app.get('/api/groups', (req) => {
    const { authz } = callerOf(req);
    if (!authz.decide('/groups', 'read')) throw forbidden('You are not permitted to list groups');
    const filter = compileFilter(queryOf(req.url), GROUP_FILTERS, { defaultOrder: 'g.cn ASC' });
    const rows = emu
      .sql(`SELECT g.* FROM groups g WHERE (${filter.where}) ORDER BY ${filter.orderBy}`)
      .all(...filter.params) as { id: string; cn: string; alternative_cns: string }[];
    return {
      data: rows.map((g) => ({
        id: g.id,
        type: 'group',
        attributes: {
          cn: g.cn,
          alternative_cns: JSON.parse(g.alternative_cns) as string[],
        } satisfies GroupAttributes,
      })),
    };
  });
}
