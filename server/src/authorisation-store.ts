import type { RuleGrant } from '@contract/authz.ts';
import type { AssignmentInput, PolicyInput, RuleInput } from './authorisation-validation.ts';
import type { Emulator } from './context.ts';
import type { Db } from './db/database.ts';
import { notFound } from './errors.ts';
import { compileFilter, type FilterSchema } from './filter.ts';

// The authorisation tables (rules, policies, their links and assignments; domain §5): every read and write
// of them goes through here. Each write runs in one transaction and then invalidates the permission cache
// (`Emulator.authzChanged`), so no caller can forget to.

export interface RuleRow {
  id: string;
  name: string;
  path: string;
  readable: number;
  updatable: number;
  executable: number;
  system: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyRow {
  id: string;
  name: string;
  description: string | null;
  system: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyRuleRow {
  id: string;
  policy_id: string;
  rule_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssignmentRow {
  id: string;
  policy_id: string;
  username: string | null;
  groupname: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyLinks {
  policyRuleIds: string[];
  ruleIds: string[];
  assignmentIds: string[];
}

const RULE_FILTERS: FilterSchema = {
  id: { sql: 'r.id', type: 'string' },
  name: { sql: 'r.name', type: 'string' },
  path: { sql: 'r.path', type: 'string' },
  readable: { sql: 'r.readable', type: 'boolean' },
  updatable: { sql: 'r.updatable', type: 'boolean' },
  executable: { sql: 'r.executable', type: 'boolean' },
  system: { sql: 'r.system', type: 'boolean' },
  created_by: { sql: 'r.created_by', type: 'string' },
  created_at: { sql: 'r.created_at', type: 'datetime' },
  updated_at: { sql: 'r.updated_at', type: 'datetime' },
};

const POLICY_FILTERS: FilterSchema = {
  id: { sql: 'p.id', type: 'string' },
  name: { sql: 'p.name', type: 'string' },
  description: { sql: 'p.description', type: 'string' },
  system: { sql: 'p.system', type: 'boolean' },
  created_by: { sql: 'p.created_by', type: 'string' },
  created_at: { sql: 'p.created_at', type: 'datetime' },
  updated_at: { sql: 'p.updated_at', type: 'datetime' },
};

const POLICY_RULE_FILTERS: FilterSchema = {
  id: { sql: 'pr.id', type: 'string' },
  authorisation_policy_id: { sql: 'pr.policy_id', type: 'string' },
  authorisation_rule_id: { sql: 'pr.rule_id', type: 'string' },
  created_by: { sql: 'pr.created_by', type: 'string' },
  created_at: { sql: 'pr.created_at', type: 'datetime' },
  updated_at: { sql: 'pr.updated_at', type: 'datetime' },
};

const ASSIGNMENT_FILTERS: FilterSchema = {
  id: { sql: 'a.id', type: 'string' },
  username: { sql: 'a.username', type: 'string' },
  groupname: { sql: 'a.groupname', type: 'string' },
  created_by: { sql: 'a.created_by', type: 'string' },
  created_at: { sql: 'a.created_at', type: 'datetime' },
  updated_at: { sql: 'a.updated_at', type: 'datetime' },
};

// ---------------------------------------------------------------------------------------------------------
// The caller's rules, for the authorisation engine

/** Every rule that reaches `username` (in `groups`), once per policy assignment that brings it. */
export function loadRuleGrants(db: Db, username: string, groups: readonly string[]): RuleGrant[] {
  const rows = db
    .prepare(
      `SELECT r.id AS rule_id, r.name AS rule_name, r.path, r.readable, r.updatable, r.executable,
              r.system AS rule_system, p.id AS policy_id, p.name AS policy_name, p.system AS policy_system,
              a.id AS assignment_id, a.username, a.groupname
         FROM policy_assignments a
         JOIN authorisation_policies p ON p.id = a.policy_id
         JOIN policy_rules pr ON pr.policy_id = a.policy_id
         JOIN authorisation_rules r ON r.id = pr.rule_id
        WHERE (a.username IS NULL OR a.username = ?)
          AND (a.groupname IS NULL OR a.groupname IN (SELECT value FROM json_each(?)))`,
    )
    .all(username, JSON.stringify(groups)) as GrantRow[];
  return rows.map((row) => ({
    ruleId: row.rule_id,
    ruleName: row.rule_name === '' ? null : row.rule_name,
    path: row.path,
    readable: row.readable === 1,
    updatable: row.updatable === 1,
    executable: row.executable === 1,
    ruleSystem: row.rule_system === 1,
    policyId: row.policy_id,
    policyName: row.policy_name,
    policySystem: row.policy_system === 1,
    assignmentId: row.assignment_id,
    username: row.username,
    groupname: row.groupname,
  }));
}

interface GrantRow {
  rule_id: string;
  rule_name: string;
  path: string;
  readable: number;
  updatable: number;
  executable: number;
  rule_system: number;
  policy_id: string;
  policy_name: string;
  policy_system: number;
  assignment_id: string;
  username: string | null;
  groupname: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Reads

export function findRule(emu: Emulator, id: string): RuleRow {
  const row = ruleById(emu, id);
  if (!row) throw notFound('AuthorisationRule', `Couldn't find AuthorisationRule with 'id'=${id}`);
  return row;
}

export function ruleById(emu: Emulator, id: string): RuleRow | undefined {
  return emu.sql('SELECT * FROM authorisation_rules WHERE id = ?').get(id) as RuleRow | undefined;
}

export function findPolicy(emu: Emulator, id: string): PolicyRow {
  const row = emu.sql('SELECT * FROM authorisation_policies WHERE id = ?').get(id) as PolicyRow | undefined;
  if (!row) throw notFound('AuthorisationPolicy', `Couldn't find AuthorisationPolicy with 'id'=${id}`);
  return row;
}

/** A rule is read-only when it is a system rule or belongs to a system policy (changing it would change that policy). */
export function ruleIsSystem(emu: Emulator, rule: RuleRow): boolean {
  if (rule.system === 1) return true;
  const linked = emu
    .sql(
      `SELECT 1 FROM policy_rules pr JOIN authorisation_policies p ON p.id = pr.policy_id
        WHERE pr.rule_id = ? AND p.system = 1 LIMIT 1`,
    )
    .get(rule.id);
  return linked !== undefined;
}

export function listRules(emu: Emulator, query: URLSearchParams): RuleRow[] {
  const filter = compileFilter(query, RULE_FILTERS, { defaultOrder: 'r.created_at ASC, r.rowid ASC' });
  return emu
    .sql(`SELECT r.* FROM authorisation_rules r WHERE (${filter.where}) ORDER BY ${filter.orderBy}`)
    .all(...filter.params) as RuleRow[];
}

export function listPolicies(emu: Emulator, query: URLSearchParams): PolicyRow[] {
  const filter = compileFilter(query, POLICY_FILTERS, { defaultOrder: 'p.created_at ASC, p.rowid ASC' });
  return emu
    .sql(`SELECT p.* FROM authorisation_policies p WHERE (${filter.where}) ORDER BY ${filter.orderBy}`)
    .all(...filter.params) as PolicyRow[];
}

export function listPolicyRules(emu: Emulator, policyId: string, query: URLSearchParams): PolicyRuleRow[] {
  const filter = compileFilter(query, POLICY_RULE_FILTERS, {
    defaultOrder: 'pr.created_at ASC, pr.rowid ASC',
  });
  return emu
    .sql(
      `SELECT pr.* FROM policy_rules pr WHERE pr.policy_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(policyId, ...filter.params) as PolicyRuleRow[];
}

export function hasPolicyRule(emu: Emulator, policyId: string, id: string): boolean {
  return (
    emu.sql('SELECT id FROM policy_rules WHERE id = ? AND policy_id = ?').get(id, policyId) !== undefined
  );
}

export function listAssignments(emu: Emulator, policyId: string, query: URLSearchParams): AssignmentRow[] {
  const filter = compileFilter(query, ASSIGNMENT_FILTERS, { defaultOrder: 'a.created_at ASC, a.rowid ASC' });
  return emu
    .sql(
      `SELECT a.* FROM policy_assignments a WHERE a.policy_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
    )
    .all(policyId, ...filter.params) as AssignmentRow[];
}

/** Groups `[key, value]` rows into key → values, keeping row order. */
function groupBy(rows: readonly { key: string; value: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, value } of rows) {
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

export function policiesOfRules(emu: Emulator, ruleIds: readonly string[]): Map<string, string[]> {
  const rows = emu
    .sql(
      `SELECT rule_id AS key, policy_id AS value FROM policy_rules
        WHERE rule_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
    )
    .all(JSON.stringify(ruleIds)) as { key: string; value: string }[];
  return groupBy(rows);
}

export const NO_POLICY_LINKS: Readonly<PolicyLinks> = { policyRuleIds: [], ruleIds: [], assignmentIds: [] };

export function linksOfPolicies(emu: Emulator, policyIds: readonly string[]): Map<string, PolicyLinks> {
  const ids = JSON.stringify(policyIds);
  const links = emu
    .sql(
      `SELECT policy_id, id, rule_id FROM policy_rules
        WHERE policy_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
    )
    .all(ids) as { policy_id: string; id: string; rule_id: string }[];
  const assignments = emu
    .sql(
      `SELECT policy_id AS key, id AS value FROM policy_assignments
        WHERE policy_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
    )
    .all(ids) as { key: string; value: string }[];
  const assignmentsByPolicy = groupBy(assignments);
  const out = new Map<string, PolicyLinks>();
  for (const id of policyIds)
    out.set(id, { policyRuleIds: [], ruleIds: [], assignmentIds: assignmentsByPolicy.get(id) ?? [] });
  for (const link of links) {
    const entry = out.get(link.policy_id);
    entry?.policyRuleIds.push(link.id);
    entry?.ruleIds.push(link.rule_id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Writes: each in one transaction, followed by the cache invalidation

/** Runs a write in one transaction and invalidates the permission cache after it. */
function write<T>(emu: Emulator, fn: () => T): T {
  const result = emu.tx(fn);
  emu.authzChanged();
  return result;
}

function flag(value: boolean): number {
  return value ? 1 : 0;
}

function insertRule(emu: Emulator, input: RuleInput, createdBy: string): string {
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO authorisation_rules (id, name, path, readable, updatable, executable, system, created_by,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    )
    .run(
      id,
      input.name ?? '',
      input.path,
      flag(input.readable),
      flag(input.updatable),
      flag(input.executable),
      createdBy,
      now,
      now,
    );
  return id;
}

function linkRule(emu: Emulator, policyId: string, ruleId: string, createdBy: string): void {
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO policy_rules (id, policy_id, rule_id, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (policy_id, rule_id) DO NOTHING`,
    )
    .run(emu.newId(), policyId, ruleId, createdBy, now, now);
}

/** Replaces the policy's rule links with new rule records made from the inline rules. */
function replaceInlineRules(
  emu: Emulator,
  policyId: string,
  rules: readonly RuleInput[],
  createdBy: string,
): void {
  emu.sql('DELETE FROM policy_rules WHERE policy_id = ?').run(policyId);
  for (const rule of rules) linkRule(emu, policyId, insertRule(emu, rule, createdBy), createdBy);
}

/** A new rule; its id. */
export function createRule(emu: Emulator, input: RuleInput, createdBy: string): string {
  return write(emu, () => insertRule(emu, input, createdBy));
}

export function updateRule(emu: Emulator, id: string, input: RuleInput): void {
  write(emu, () => {
    emu
      .sql(
        `UPDATE authorisation_rules SET name = ?, path = ?, readable = ?, updatable = ?, executable = ?, updated_at = ?
        WHERE id = ?`,
      )
      .run(
        input.name ?? '',
        input.path,
        flag(input.readable),
        flag(input.updatable),
        flag(input.executable),
        emu.now(),
        id,
      );
  });
}

/** Deletes the rule and unlinks it from its policies. */
export function deleteRule(emu: Emulator, id: string): void {
  write(emu, () => {
    emu.sql('DELETE FROM policy_rules WHERE rule_id = ?').run(id);
    emu.sql('DELETE FROM authorisation_rules WHERE id = ?').run(id);
  });
}

/** A new policy with its inline rules; its id. */
export function createPolicy(emu: Emulator, input: PolicyInput, createdBy: string): string {
  return write(emu, () => {
    const policyId = emu.newId();
    const now = emu.now();
    emu
      .sql(
        `INSERT INTO authorisation_policies (id, name, description, system, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 0, ?, ?, ?)`,
      )
      .run(policyId, input.name, input.description, createdBy, now, now);
    replaceInlineRules(emu, policyId, input.rules, createdBy);
    return policyId;
  });
}

/** Renames and describes the policy and replaces its rule links with its new inline rules. */
export function updatePolicy(emu: Emulator, id: string, input: PolicyInput, updatedBy: string): void {
  write(emu, () => {
    emu
      .sql('UPDATE authorisation_policies SET name = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(input.name, input.description, emu.now(), id);
    replaceInlineRules(emu, id, input.rules, updatedBy);
  });
}

/** Deletes the policy with its rule links and assignments (the rules stay). */
export function deletePolicy(emu: Emulator, id: string): void {
  write(emu, () => {
    emu.sql('DELETE FROM policy_assignments WHERE policy_id = ?').run(id);
    emu.sql('DELETE FROM policy_rules WHERE policy_id = ?').run(id);
    emu.sql('DELETE FROM authorisation_policies WHERE id = ?').run(id);
  });
}

/** Links the rules to the policy (an existing link stays as it is); the links, in the order asked. */
export function linkRules(
  emu: Emulator,
  policyId: string,
  ruleIds: readonly string[],
  createdBy: string,
): PolicyRuleRow[] {
  return write(emu, () =>
    ruleIds.map((ruleId) => {
      linkRule(emu, policyId, ruleId, createdBy);
      return emu
        .sql('SELECT * FROM policy_rules WHERE policy_id = ? AND rule_id = ?')
        .get(policyId, ruleId) as PolicyRuleRow;
    }),
  );
}

export function unlinkRule(emu: Emulator, policyRuleId: string): void {
  write(emu, () => {
    emu.sql('DELETE FROM policy_rules WHERE id = ?').run(policyRuleId);
  });
}

/** Replaces the policy's assignments with `wanted`; assignments that stay keep their id and created_at. */
export function replaceAssignments(
  emu: Emulator,
  policyId: string,
  wanted: readonly AssignmentInput[],
  createdBy: string,
): void {
  write(emu, () => {
    const existing = emu
      .sql('SELECT * FROM policy_assignments WHERE policy_id = ?')
      .all(policyId) as AssignmentRow[];
    const keyOf = (a: AssignmentInput): string => JSON.stringify([a.username, a.groupname]);
    const wantedKeys = new Set(wanted.map(keyOf));
    const kept = new Set<string>();
    for (const row of existing) {
      const key = keyOf(row);
      if (wantedKeys.has(key) && !kept.has(key)) kept.add(key);
      else emu.sql('DELETE FROM policy_assignments WHERE id = ?').run(row.id);
    }
    const now = emu.now();
    for (const a of wanted) {
      if (kept.has(keyOf(a))) continue;
      emu
        .sql(
          `INSERT INTO policy_assignments (id, policy_id, username, groupname, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(emu.newId(), policyId, a.username, a.groupname, createdBy, now, now);
    }
  });
}
