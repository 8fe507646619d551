import { hashPassword } from '../auth.ts';
import type { Emulator } from '../context.ts';

export interface RuleSpec {
  name: string;
  path: string;
  read: boolean;
  update: boolean;
  execute: boolean;
  system?: boolean;
}

export interface AssignmentSpec {
  username?: string | null;
  groupname?: string | null;
}

export function insertUser(emu: Emulator, username: string, password: string, groups: string[] = []): void {
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO users (id, username, password_hash, auth_provider, created_at, updated_at)
       VALUES (?, ?, ?, 'local', ?, ?)`,
    )
    .run(emu.newId(), username, hashPassword(password), now, now);
  for (const cn of groups) {
    emu
      .sql(`INSERT OR IGNORE INTO groups (id, cn, alternative_cns) VALUES (?, ?, '[]')`)
      .run(`cn=${cn},ou=groups,dc=opschain,dc=io`, cn);
    emu.sql('INSERT INTO group_members (group_cn, username) VALUES (?, ?)').run(cn, username);
  }
}

export function insertPolicy(
  emu: Emulator,
  policy: { name: string; description: string | null; system?: boolean },
  rules: RuleSpec[],
  assignments: AssignmentSpec[],
): string {
  const now = emu.now();
  const policyId = emu.newId();
  emu
    .sql(
      `INSERT INTO authorisation_policies (id, name, description, system, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'opschain', ?, ?)`,
    )
    .run(policyId, policy.name, policy.description, policy.system ? 1 : 0, now, now);
  for (const rule of rules) {
    const ruleId = emu.newId();
    emu
      .sql(
        `INSERT INTO authorisation_rules (id, name, path, readable, updatable, executable, system, created_by,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'opschain', ?, ?)`,
      )
      .run(
        ruleId,
        rule.name,
        rule.path,
        rule.read ? 1 : 0,
        rule.update ? 1 : 0,
        rule.execute ? 1 : 0,
        rule.system ? 1 : 0,
        now,
        now,
      );
    emu
      .sql(
        `INSERT INTO policy_rules (id, policy_id, rule_id, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'opschain', ?, ?)`,
      )
      .run(emu.newId(), policyId, ruleId, now, now);
  }
  for (const a of assignments) {
    emu
      .sql(
        `INSERT INTO policy_assignments (id, policy_id, username, groupname, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'opschain', ?, ?)`,
      )
      .run(emu.newId(), policyId, a.username ?? null, a.groupname ?? null, now, now);
  }
  return policyId;
}

/**
 * What every emulator starts with: the `opschain` superuser (a system policy nothing outranks) and, as the
 * OpsChain docs' sample set-up does, an allow-all policy for everyone. Restricted users get longer (so
 * higher-ranked) rules of their own.
 */
export function seedBase(emu: Emulator): void {
  insertUser(emu, 'opschain', 'opschain');
  insertPolicy(
    emu,
    { name: 'Superuser', description: 'Full access for the opschain superuser', system: true },
    [{ name: 'Superuser access', path: '', read: true, update: true, execute: true, system: true }],
    [{ username: 'opschain' }],
  );
  insertPolicy(
    emu,
    { name: 'Allow all', description: 'Full access for every user unless a more specific rule applies' },
    [{ name: 'Allow everything', path: '', read: true, update: true, execute: true }],
    [{ username: null, groupname: null }],
  );
}

/** The restricted demo users and their policies. */
export function seedDemoUsers(emu: Emulator): void {
  insertUser(emu, 'operator', 'operator', ['operators']);
  insertUser(emu, 'approver', 'approver', ['approvers', 'qa']);
  insertUser(emu, 'viewer', 'viewer', ['viewers']);
  const readEverything: RuleSpec = {
    name: 'Read everything',
    path: '^/',
    read: true,
    update: false,
    execute: false,
  };
  insertPolicy(
    emu,
    { name: 'Operators', description: 'Read, update and execute on all projects; read-only elsewhere' },
    [
      readEverything,
      { name: 'Operate all projects', path: '^/projects', read: true, update: true, execute: true },
    ],
    [{ groupname: 'operators' }],
  );
  insertPolicy(
    emu,
    {
      name: 'Approvers',
      description: 'Read and execute on all projects (approve, reject, continue); no updates',
    },
    [
      { ...readEverything, name: 'Read everything (approvers)' },
      { name: 'Execute on all projects', path: '^/projects', read: true, update: false, execute: true },
    ],
    [{ groupname: 'approvers' }],
  );
  insertPolicy(
    emu,
    { name: 'Viewers', description: 'Read-only access to everything' },
    [{ ...readEverything, name: 'Read everything (viewers)' }],
    [{ groupname: 'viewers' }],
  );
}
