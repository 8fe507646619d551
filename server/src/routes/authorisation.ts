import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authorizer } from '../authz.ts';
import { normaliseRulePath, unsafeRulePathReason } from '../authz.ts';
import type { Emulator } from '../context.ts';
import { callerOf } from '../context.ts';
import { forbidden, modelErrors, notFound, parameterMissing, unpermittedParameter } from '../errors.ts';
import { compileFilter, queryOf, type FilterSchema } from '../filter.ts';
import { humanise, isPlainObject, readAttributes, type Resource } from '../jsonapi.ts';

/**
 * Authorisation rules, policies, policy rules (rule ↔ policy links) and policy assignments (domain §5).
 *
 * Decisions where the contract is silent:
 * - Reading needs `read` on `/authorisation_rules` or `/authorisation_policies`, changing needs `update`;
 *   otherwise 403 (these are admin collections, not node resources, so there is nothing to hide with a 404).
 *   Links and assignments belong to their policy and use `/authorisation_policies`.
 * - System rules and policies (and rules linked to a system policy) are read-only for everyone, the superuser
 *   included: changing them answers 422 on `/data/attributes/base`, because the refusal is about the record,
 *   not about the caller. A system rule cannot be linked to another policy either (it would outrank every
 *   other rule there).
 * - Linking a rule that is already linked is idempotent: the existing policy_rule comes back in the 201.
 * - A policy PATCH replaces the policy's rule links; the replaced rule records stay (they are resources of
 *   their own, listed at /authorisation_rules), as a has-many-through reassignment leaves them.
 * - The assignments POST replaces the whole set; assignments that stay keep their id and created_at.
 */

const RULES = '/authorisation_rules';
const POLICIES = '/authorisation_policies';
const MAX_NAME = 255;
const MAX_INLINE_RULES = 100;
const MAX_ASSIGNMENTS = 1000;

interface RuleRow {
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

interface PolicyRow {
  id: string;
  name: string;
  description: string | null;
  system: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

interface PolicyRuleRow {
  id: string;
  policy_id: string;
  rule_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

interface AssignmentRow {
  id: string;
  policy_id: string;
  username: string | null;
  groupname: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

interface Problem {
  field: string;
  title: string;
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
// Permissions and lookups

function requirePermission(authz: Authorizer, area: string, perm: 'read' | 'update'): void {
  if (authz.decide(area, perm)) return;
  const what = area === RULES ? 'authorisation rules' : 'authorisation policies';
  throw forbidden(`You are not permitted to ${perm === 'read' ? 'view' : 'change'} ${what}`);
}

function findRule(emu: Emulator, id: string): RuleRow {
  const row = emu.sql('SELECT * FROM authorisation_rules WHERE id = ?').get(id) as RuleRow | undefined;
  if (!row) throw notFound('AuthorisationRule', `Couldn't find AuthorisationRule with 'id'=${id}`);
  return row;
}

function findPolicy(emu: Emulator, id: string): PolicyRow {
  const row = emu.sql('SELECT * FROM authorisation_policies WHERE id = ?').get(id) as PolicyRow | undefined;
  if (!row) throw notFound('AuthorisationPolicy', `Couldn't find AuthorisationPolicy with 'id'=${id}`);
  return row;
}

function paramOf(req: FastifyRequest, name: string): string {
  const params = req.params;
  const value = isPlainObject(params) ? params[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A rule is read-only when it is a system rule or belongs to a system policy (changing it would change that policy). */
function ruleIsSystem(emu: Emulator, rule: RuleRow): boolean {
  if (rule.system === 1) return true;
  const linked = emu
    .sql(
      `SELECT 1 FROM policy_rules pr JOIN authorisation_policies p ON p.id = pr.policy_id
        WHERE pr.rule_id = ? AND p.system = 1 LIMIT 1`,
    )
    .get(rule.id);
  return linked !== undefined;
}

function refuseSystemRule(emu: Emulator, rule: RuleRow): void {
  if (ruleIsSystem(emu, rule))
    throw modelErrors([{ field: 'base', title: 'System authorisation rules cannot be changed or deleted' }]);
}

function refuseSystemPolicy(policy: PolicyRow): void {
  if (policy.system === 1)
    throw modelErrors([
      { field: 'base', title: 'System authorisation policies cannot be changed or deleted' },
    ]);
}

// ---------------------------------------------------------------------------------------------------------
// Serialisation

/** Inline policy rules may omit their name; the column is NOT NULL, so '' stands for "no name" (API: null). */
function ruleName(row: RuleRow): string | null {
  return row.name === '' ? null : row.name;
}

function serializeRule(row: RuleRow, policyIds: readonly string[]): Resource {
  return {
    id: row.id,
    type: 'authorisation_rule',
    attributes: {
      name: ruleName(row),
      path: row.path,
      readable: row.readable === 1,
      updatable: row.updatable === 1,
      executable: row.executable === 1,
      created_by: row.created_by ?? '',
      system: row.system === 1,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    relationships: {
      authorisation_policies: { data: policyIds.map((id) => ({ type: 'authorisation_policy', id })) },
    },
    links: { self: `/api/authorisation_rules/${row.id}` },
  };
}

interface PolicyLinks {
  policyRuleIds: string[];
  ruleIds: string[];
  assignmentIds: string[];
}

function serializePolicy(row: PolicyRow, links: PolicyLinks): Resource {
  const self = `/api/authorisation_policies/${row.id}`;
  return {
    id: row.id,
    type: 'authorisation_policy',
    attributes: {
      name: row.name,
      description: row.description,
      system: row.system === 1,
      created_by: row.created_by ?? '',
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    relationships: {
      policy_rules: { data: links.policyRuleIds.map((id) => ({ type: 'policy_rule', id })) },
      policy_assignments: { data: links.assignmentIds.map((id) => ({ type: 'policy_assignment', id })) },
      authorisation_rules: { data: links.ruleIds.map((id) => ({ type: 'authorisation_rule', id })) },
    },
    links: { self, policy_rules: `${self}/rules`, policy_assignments: `${self}/assignments` },
  };
}

function serializePolicyRule(row: PolicyRuleRow): Resource {
  return {
    id: row.id,
    type: 'policy_rule',
    attributes: {
      id: row.id,
      created_by: row.created_by ?? '',
      authorisation_policy_id: row.policy_id,
      authorisation_rule_id: row.rule_id,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    links: { self: `/api/authorisation_policies/${row.policy_id}/rules/${row.id}` },
  };
}

function serializeAssignment(row: AssignmentRow): Resource {
  return {
    id: row.id,
    type: 'policy_assignment',
    attributes: {
      username: row.username,
      groupname: row.groupname,
      created_by: row.created_by ?? '',
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    links: { self: `/api/authorisation_policies/${row.policy_id}/assignments/${row.id}` },
  };
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

function policiesOfRules(emu: Emulator, ruleIds: readonly string[]): Map<string, string[]> {
  const rows = emu
    .sql(
      `SELECT rule_id AS key, policy_id AS value FROM policy_rules
        WHERE rule_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
    )
    .all(JSON.stringify(ruleIds)) as { key: string; value: string }[];
  return groupBy(rows);
}

function linksOfPolicies(emu: Emulator, policyIds: readonly string[]): Map<string, PolicyLinks> {
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

function ruleDocument(emu: Emulator, id: string): { data: Resource } {
  const row = findRule(emu, id);
  return { data: serializeRule(row, policiesOfRules(emu, [id]).get(id) ?? []) };
}

function policyDocument(emu: Emulator, id: string): { data: Resource } {
  const row = findPolicy(emu, id);
  const links = linksOfPolicies(emu, [id]).get(id) ?? { policyRuleIds: [], ruleIds: [], assignmentIds: [] };
  return { data: serializePolicy(row, links) };
}

// ---------------------------------------------------------------------------------------------------------
// Input validation

interface RuleInput {
  name: string | null;
  path: string;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
}

const RULE_ATTRIBUTES = ['name', 'path', 'readable', 'updatable', 'executable'] as const;

function validateFlag(
  attrs: Record<string, unknown>,
  key: string,
  field: string,
  problems: Problem[],
): boolean {
  const value = attrs[key];
  // Rails casts the usual string spellings of booleans; anything else is a model error, never a 500.
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  problems.push({
    field,
    title:
      value === undefined || value === null
        ? `${humanise(key)} can't be blank`
        : `${humanise(key)} must be true or false`,
  });
  return false;
}

function validateRuleName(
  value: unknown,
  field: string,
  required: boolean,
  problems: Problem[],
): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push({ field, title: "Name can't be blank" });
    return null;
  }
  if (typeof value !== 'string') {
    problems.push({ field, title: 'Name must be a string' });
    return null;
  }
  if (value.trim().length > MAX_NAME)
    problems.push({ field, title: `Name is too long (maximum is ${String(MAX_NAME)} characters)` });
  return value.trim();
}

/** The regex path, `^`-anchored, or a problem: missing, not a string, invalid or too slow to run. */
function validateRulePath(value: unknown, field: string, problems: Problem[]): string {
  if (value === undefined || value === null) {
    problems.push({ field, title: `Path can't be blank (use "" to match every path)` });
    return '';
  }
  if (typeof value !== 'string') {
    problems.push({ field, title: 'Path must be a string' });
    return '';
  }
  const path = normaliseRulePath(value);
  const reason = unsafeRulePathReason(path);
  if (reason !== null) problems.push({ field, title: `Path ${reason}` });
  return path;
}

/** `prefix` locates an inline rule (`authorisation_rules/0/`); inline rules may omit their name. */
function validateRule(
  attrs: Record<string, unknown>,
  prefix: string,
  nameRequired: boolean,
  problems: Problem[],
): RuleInput {
  return {
    name: validateRuleName(attrs.name, `${prefix}name`, nameRequired, problems),
    path: validateRulePath(attrs.path, `${prefix}path`, problems),
    readable: validateFlag(attrs, 'readable', `${prefix}readable`, problems),
    updatable: validateFlag(attrs, 'updatable', `${prefix}updatable`, problems),
    executable: validateFlag(attrs, 'executable', `${prefix}executable`, problems),
  };
}

interface PolicyInput {
  name: string;
  description: string | null;
  rules: RuleInput[];
}

/** Unknown keys inside nested objects are 400s too: OpsChain raises on every unpermitted parameter. */
function refuseUnknownKeys(value: Record<string, unknown>, permitted: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !permitted.includes(k));
  if (unknown.length > 0) throw unpermittedParameter(unknown);
}

function validateInlineRules(value: unknown, problems: Problem[]): RuleInput[] {
  // Omitted (or null) means "no rules": on PATCH that removes them all, as the spec describes.
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ field: 'authorisation_rules', title: 'Authorisation rules must be a list of rules' });
    return [];
  }
  if (value.length > MAX_INLINE_RULES) {
    problems.push({
      field: 'authorisation_rules',
      title: `Authorisation rules has too many rules (maximum is ${String(MAX_INLINE_RULES)})`,
    });
    return [];
  }
  const rules: RuleInput[] = [];
  value.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) {
      problems.push({
        field: `authorisation_rules/${String(index)}`,
        title: 'Authorisation rule must be an object',
      });
      return;
    }
    refuseUnknownKeys(item, RULE_ATTRIBUTES);
    rules.push(validateRule(item, `authorisation_rules/${String(index)}/`, false, problems));
  });
  return rules;
}

function validatePolicy(attrs: Record<string, unknown>): PolicyInput {
  const problems: Problem[] = [];
  const name = typeof attrs.name === 'string' ? attrs.name.trim() : '';
  if (attrs.name !== undefined && attrs.name !== null && typeof attrs.name !== 'string') {
    problems.push({ field: 'name', title: 'Name must be a string' });
  } else if (name === '') problems.push({ field: 'name', title: "Name can't be blank" });
  else if (name.length > MAX_NAME)
    problems.push({ field: 'name', title: `Name is too long (maximum is ${String(MAX_NAME)} characters)` });
  // The spec requires `description` on create and update; null is a valid value (policies without one exist).
  let description: string | null = null;
  if (!('description' in attrs))
    problems.push({ field: 'description', title: 'Description must be given (it may be null)' });
  else if (typeof attrs.description === 'string') description = attrs.description;
  else if (attrs.description !== null)
    problems.push({ field: 'description', title: 'Description must be a string' });
  const rules = validateInlineRules(attrs.authorisation_rules, problems);
  if (problems.length > 0) throw modelErrors(problems);
  return { name, description, rules };
}

interface AssignmentInput {
  username: string | null;
  groupname: string | null;
}

function validateAssignee(value: unknown, field: string, label: string, problems: Problem[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push({ field, title: `${label} must be a string or null` });
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '')
    problems.push({ field, title: `${label} can't be blank (send null to leave it unset)` });
  else if (trimmed.length > MAX_NAME)
    problems.push({ field, title: `${label} is too long (maximum is ${String(MAX_NAME)} characters)` });
  return trimmed;
}

/** The wanted assignments, duplicates dropped: `{username}`, `{groupname}`, both (user while in group), or neither (everyone). */
function validateAssignments(attrs: Record<string, unknown>): AssignmentInput[] {
  const value = attrs.assignments;
  if (value === undefined || value === null) throw parameterMissing('assignments');
  const problems: Problem[] = [];
  if (!Array.isArray(value))
    throw modelErrors([{ field: 'assignments', title: 'Assignments must be a list' }]);
  if (value.length > MAX_ASSIGNMENTS) {
    throw modelErrors([
      {
        field: 'assignments',
        title: `Assignments has too many entries (maximum is ${String(MAX_ASSIGNMENTS)})`,
      },
    ]);
  }
  const wanted = new Map<string, AssignmentInput>();
  value.forEach((item: unknown, index) => {
    const at = `assignments/${String(index)}`;
    if (!isPlainObject(item)) {
      problems.push({ field: at, title: 'Assignment must be an object' });
      return;
    }
    refuseUnknownKeys(item, ['username', 'groupname']);
    const username = validateAssignee(item.username, `${at}/username`, 'Username', problems);
    const groupname = validateAssignee(item.groupname, `${at}/groupname`, 'Groupname', problems);
    const key = JSON.stringify([username, groupname]);
    if (!wanted.has(key)) wanted.set(key, { username, groupname });
  });
  if (problems.length > 0) throw modelErrors(problems);
  return [...wanted.values()];
}

/** `authorisation_rule_id`: one id or a non-empty list of ids, duplicates dropped. */
function validateRuleIds(attrs: Record<string, unknown>): string[] {
  const value = attrs.authorisation_rule_id;
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((id) => typeof id !== 'string' || id.trim() === '')) {
    throw modelErrors([
      {
        field: 'authorisation_rule_id',
        title: 'Authorisation rule must be a rule id or a non-empty list of rule ids',
      },
    ]);
  }
  return [...new Set(list.filter((id): id is string => typeof id === 'string'))];
}

// ---------------------------------------------------------------------------------------------------------
// Writes (run inside emu.tx)

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

function flag(value: boolean): number {
  return value ? 1 : 0;
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

function replaceAssignments(
  emu: Emulator,
  policyId: string,
  wanted: readonly AssignmentInput[],
  createdBy: string,
): void {
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
}

// ---------------------------------------------------------------------------------------------------------
// Routes

export function authorisationRoutes(app: FastifyInstance): void {
  ruleRoutes(app);
  policyRoutes(app);
  policyRuleRoutes(app);
  assignmentRoutes(app);
}

function ruleRoutes(app: FastifyInstance): void {
  const emu = app.emulator;

  app.get('/api/authorisation_rules', (req) => {
    requirePermission(callerOf(req).authz, RULES, 'read');
    const filter = compileFilter(queryOf(req.url), RULE_FILTERS, {
      defaultOrder: 'r.created_at ASC, r.rowid ASC',
    });
    const rows = emu
      .sql(`SELECT r.* FROM authorisation_rules r WHERE (${filter.where}) ORDER BY ${filter.orderBy}`)
      .all(...filter.params) as RuleRow[];
    const policies = policiesOfRules(
      emu,
      rows.map((r) => r.id),
    );
    return { data: rows.map((r) => serializeRule(r, policies.get(r.id) ?? [])) };
  });

  app.post(
    '/api/authorisation_rules',
    { config: { event: 'api:authorisation_rules:create' } },
    (req, reply) => {
      const { principal, authz } = callerOf(req);
      requirePermission(authz, RULES, 'update');
      const attrs = readAttributes(req.body, RULE_ATTRIBUTES);
      const problems: Problem[] = [];
      const input = validateRule(attrs, '', true, problems);
      if (problems.length > 0) throw modelErrors(problems);
      const id = emu.tx(() => insertRule(emu, input, principal.username));
      emu.authzChanged();
      return reply.status(201).send(ruleDocument(emu, id));
    },
  );

  app.get('/api/authorisation_rules/:authorisation_rule_id', (req) => {
    requirePermission(callerOf(req).authz, RULES, 'read');
    return ruleDocument(emu, paramOf(req, 'authorisation_rule_id'));
  });

  app.patch(
    '/api/authorisation_rules/:authorisation_rule_id',
    { config: { event: 'api:authorisation_rules:update' } },
    (req) => {
      const { authz } = callerOf(req);
      const rule = findRule(emu, paramOf(req, 'authorisation_rule_id'));
      requirePermission(authz, RULES, 'update');
      refuseSystemRule(emu, rule);
      const attrs = readAttributes(req.body, RULE_ATTRIBUTES);
      const problems: Problem[] = [];
      const input = validateRule(attrs, '', true, problems);
      if (problems.length > 0) throw modelErrors(problems);
      emu.tx(() => {
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
            rule.id,
          );
      });
      emu.authzChanged();
      return ruleDocument(emu, rule.id);
    },
  );

  app.delete(
    '/api/authorisation_rules/:authorisation_rule_id',
    { config: { event: 'api:authorisation_rules:destroy' } },
    (req, reply) => {
      const { authz } = callerOf(req);
      const rule = findRule(emu, paramOf(req, 'authorisation_rule_id'));
      requirePermission(authz, RULES, 'update');
      refuseSystemRule(emu, rule);
      emu.tx(() => {
        emu.sql('DELETE FROM policy_rules WHERE rule_id = ?').run(rule.id);
        emu.sql('DELETE FROM authorisation_rules WHERE id = ?').run(rule.id);
      });
      emu.authzChanged();
      return reply.status(204).send();
    },
  );
}

function policyRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  const permitted = ['name', 'description', 'authorisation_rules'] as const;

  app.get('/api/authorisation_policies', (req) => {
    requirePermission(callerOf(req).authz, POLICIES, 'read');
    const filter = compileFilter(queryOf(req.url), POLICY_FILTERS, {
      defaultOrder: 'p.created_at ASC, p.rowid ASC',
    });
    const rows = emu
      .sql(`SELECT p.* FROM authorisation_policies p WHERE (${filter.where}) ORDER BY ${filter.orderBy}`)
      .all(...filter.params) as PolicyRow[];
    const links = linksOfPolicies(
      emu,
      rows.map((p) => p.id),
    );
    return {
      data: rows.map((p) =>
        serializePolicy(p, links.get(p.id) ?? { policyRuleIds: [], ruleIds: [], assignmentIds: [] }),
      ),
    };
  });

  app.post(
    '/api/authorisation_policies',
    { config: { event: 'api:authorisation_policies:create' } },
    (req, reply) => {
      const { principal, authz } = callerOf(req);
      requirePermission(authz, POLICIES, 'update');
      const input = validatePolicy(readAttributes(req.body, permitted));
      const id = emu.tx(() => {
        const policyId = emu.newId();
        const now = emu.now();
        emu
          .sql(
            `INSERT INTO authorisation_policies (id, name, description, system, created_by, created_at, updated_at)
           VALUES (?, ?, ?, 0, ?, ?, ?)`,
          )
          .run(policyId, input.name, input.description, principal.username, now, now);
        replaceInlineRules(emu, policyId, input.rules, principal.username);
        return policyId;
      });
      emu.authzChanged();
      return reply.status(201).send(policyDocument(emu, id));
    },
  );

  app.get('/api/authorisation_policies/:authorisation_policy_id', (req) => {
    requirePermission(callerOf(req).authz, POLICIES, 'read');
    return policyDocument(emu, paramOf(req, 'authorisation_policy_id'));
  });

  app.patch(
    '/api/authorisation_policies/:authorisation_policy_id',
    { config: { event: 'api:authorisation_policies:update' } },
    (req) => {
      const { principal, authz } = callerOf(req);
      const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
      requirePermission(authz, POLICIES, 'update');
      refuseSystemPolicy(policy);
      const input = validatePolicy(readAttributes(req.body, permitted));
      emu.tx(() => {
        emu
          .sql('UPDATE authorisation_policies SET name = ?, description = ?, updated_at = ? WHERE id = ?')
          .run(input.name, input.description, emu.now(), policy.id);
        replaceInlineRules(emu, policy.id, input.rules, principal.username);
      });
      emu.authzChanged();
      return policyDocument(emu, policy.id);
    },
  );

  app.delete(
    '/api/authorisation_policies/:authorisation_policy_id',
    { config: { event: 'api:authorisation_policies:destroy' } },
    (req, reply) => {
      const { authz } = callerOf(req);
      const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
      requirePermission(authz, POLICIES, 'update');
      refuseSystemPolicy(policy);
      emu.tx(() => {
        emu.sql('DELETE FROM policy_assignments WHERE policy_id = ?').run(policy.id);
        emu.sql('DELETE FROM policy_rules WHERE policy_id = ?').run(policy.id);
        emu.sql('DELETE FROM authorisation_policies WHERE id = ?').run(policy.id);
      });
      emu.authzChanged();
      return reply.status(204).send();
    },
  );
}

function policyRuleRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  const base = '/api/authorisation_policies/:authorisation_policy_id/rules';

  const listFor = (req: FastifyRequest, policyId: string): PolicyRuleRow[] => {
    const filter = compileFilter(queryOf(req.url), POLICY_RULE_FILTERS, {
      defaultOrder: 'pr.created_at ASC, pr.rowid ASC',
    });
    return emu
      .sql(
        `SELECT pr.* FROM policy_rules pr WHERE pr.policy_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
      )
      .all(policyId, ...filter.params) as PolicyRuleRow[];
  };

  app.get(base, (req) => {
    const { authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'read');
    return { data: listFor(req, policy.id).map(serializePolicyRule) };
  });

  app.post(base, { config: { event: 'api:policy_rules:create' } }, (req, reply) => {
    const { principal, authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'update');
    refuseSystemPolicy(policy);
    const ruleIds = validateRuleIds(readAttributes(req.body, ['authorisation_rule_id']));
    const problems: Problem[] = [];
    for (const ruleId of ruleIds) {
      const rule = emu.sql('SELECT * FROM authorisation_rules WHERE id = ?').get(ruleId) as
        RuleRow | undefined;
      if (!rule)
        problems.push({
          field: 'authorisation_rule_id',
          title: `Authorisation rule ${ruleId} does not exist`,
        });
      else if (rule.system === 1) {
        problems.push({
          field: 'authorisation_rule_id',
          title: `System authorisation rule ${ruleId} cannot be added to another policy`,
        });
      }
    }
    if (problems.length > 0) throw modelErrors(problems);
    const rows = emu.tx(() =>
      ruleIds.map((ruleId) => {
        linkRule(emu, policy.id, ruleId, principal.username);
        return emu
          .sql('SELECT * FROM policy_rules WHERE policy_id = ? AND rule_id = ?')
          .get(policy.id, ruleId) as PolicyRuleRow;
      }),
    );
    emu.authzChanged();
    return reply.status(201).send({ data: rows.map(serializePolicyRule) });
  });

  app.delete(`${base}/:policy_rule_id`, { config: { event: 'api:policy_rules:destroy' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'update');
    const id = paramOf(req, 'policy_rule_id');
    const link = emu.sql('SELECT id FROM policy_rules WHERE id = ? AND policy_id = ?').get(id, policy.id);
    if (link === undefined) throw notFound('PolicyRule', `Couldn't find PolicyRule with 'id'=${id}`);
    refuseSystemPolicy(policy);
    emu.tx(() => {
      emu.sql('DELETE FROM policy_rules WHERE id = ?').run(id);
    });
    emu.authzChanged();
    return reply.status(204).send();
  });
}

function assignmentRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  const base = '/api/authorisation_policies/:authorisation_policy_id/assignments';

  const listFor = (req: FastifyRequest | null, policyId: string): AssignmentRow[] => {
    const filter = compileFilter(req ? queryOf(req.url) : new URLSearchParams(), ASSIGNMENT_FILTERS, {
      defaultOrder: 'a.created_at ASC, a.rowid ASC',
    });
    return emu
      .sql(
        `SELECT a.* FROM policy_assignments a WHERE a.policy_id = ? AND (${filter.where}) ORDER BY ${filter.orderBy}`,
      )
      .all(policyId, ...filter.params) as AssignmentRow[];
  };

  app.get(base, (req) => {
    const { authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'read');
    return { data: listFor(req, policy.id).map(serializeAssignment) };
  });

  app.post(base, { config: { event: 'api:policy_assignments:create' } }, (req) => {
    const { principal, authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'update');
    refuseSystemPolicy(policy);
    const wanted = validateAssignments(readAttributes(req.body, ['assignments']));
    emu.tx(() => {
      replaceAssignments(emu, policy.id, wanted, principal.username);
    });
    emu.authzChanged();
    // The whole set after the replacement, as the spec's "assign to everyone" example answers.
    return { data: listFor(null, policy.id).map(serializeAssignment) };
  });
}
