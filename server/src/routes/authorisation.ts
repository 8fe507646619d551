import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createPolicy,
  createRule,
  deletePolicy,
  deleteRule,
  findPolicy,
  findRule,
  hasPolicyRule,
  linkRules,
  linksOfPolicies,
  listAssignments,
  listPolicies,
  listPolicyRules,
  listRules,
  NO_POLICY_LINKS,
  policiesOfRules,
  replaceAssignments,
  ruleById,
  ruleIsSystem,
  unlinkRule,
  updatePolicy,
  updateRule,
  type PolicyRow,
  type RuleRow,
} from '../authorisation-store.ts';
import {
  serializeAssignment,
  serializePolicy,
  serializePolicyRule,
  serializeRule,
} from '../authorisation-serialisers.ts';
import {
  RULE_ATTRIBUTES,
  validateAssignments,
  validatePolicy,
  validateRule,
  validateRuleIds,
  type Problem,
} from '../authorisation-validation.ts';
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from '../context.ts';
import { callerOf } from '../context.ts';
import { forbidden, modelErrors, notFound } from '../errors.ts';
import { queryOf } from '../filter.ts';
import { isPlainObject, readAttributes, type Resource } from '../jsonapi.ts';

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
 *
 * The handlers check permissions and system records, then call the store (SQL, and the permission cache
 * it invalidates), the validation (request bodies) and the serialisers (resources).
 */

const RULES = '/authorisation_rules';
const POLICIES = '/authorisation_policies';

function requirePermission(authz: Authorizer, area: string, perm: 'read' | 'update'): void {
  if (authz.decide(area, perm)) return;
  const what = area === RULES ? 'authorisation rules' : 'authorisation policies';
  throw forbidden(`You are not permitted to ${perm === 'read' ? 'view' : 'change'} ${what}`);
}

function paramOf(req: FastifyRequest, name: string): string {
  const params = req.params;
  const value = isPlainObject(params) ? params[name] : undefined;
  return typeof value === 'string' ? value : '';
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

function ruleDocument(emu: Emulator, id: string): { data: Resource } {
  const row = findRule(emu, id);
  return { data: serializeRule(row, policiesOfRules(emu, [id]).get(id) ?? []) };
}

function policyDocument(emu: Emulator, id: string): { data: Resource } {
  const row = findPolicy(emu, id);
  return { data: serializePolicy(row, linksOfPolicies(emu, [id]).get(id) ?? NO_POLICY_LINKS) };
}

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
    const rows = listRules(emu, queryOf(req.url));
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
      const id = createRule(emu, input, principal.username);
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
      updateRule(emu, rule.id, input);
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
      deleteRule(emu, rule.id);
      return reply.status(204).send();
    },
  );
}

function policyRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  const permitted = ['name', 'description', 'authorisation_rules'] as const;

  app.get('/api/authorisation_policies', (req) => {
    requirePermission(callerOf(req).authz, POLICIES, 'read');
    const rows = listPolicies(emu, queryOf(req.url));
    const links = linksOfPolicies(
      emu,
      rows.map((p) => p.id),
    );
    return { data: rows.map((p) => serializePolicy(p, links.get(p.id) ?? NO_POLICY_LINKS)) };
  });

  app.post(
    '/api/authorisation_policies',
    { config: { event: 'api:authorisation_policies:create' } },
    (req, reply) => {
      const { principal, authz } = callerOf(req);
      requirePermission(authz, POLICIES, 'update');
      const input = validatePolicy(readAttributes(req.body, permitted));
      const id = createPolicy(emu, input, principal.username);
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
      updatePolicy(emu, policy.id, input, principal.username);
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
      deletePolicy(emu, policy.id);
      return reply.status(204).send();
    },
  );
}

function policyRuleRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  const base = '/api/authorisation_policies/:authorisation_policy_id/rules';

  app.get(base, (req) => {
    const { authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'read');
    return { data: listPolicyRules(emu, policy.id, queryOf(req.url)).map(serializePolicyRule) };
  });

  app.post(base, { config: { event: 'api:policy_rules:create' } }, (req, reply) => {
    const { principal, authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'update');
    refuseSystemPolicy(policy);
    const ruleIds = validateRuleIds(readAttributes(req.body, ['authorisation_rule_id']));
    const problems: Problem[] = [];
    for (const ruleId of ruleIds) {
      const rule = ruleById(emu, ruleId);
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
    const rows = linkRules(emu, policy.id, ruleIds, principal.username);
    return reply.status(201).send({ data: rows.map(serializePolicyRule) });
  });

  app.delete(`${base}/:policy_rule_id`, { config: { event: 'api:policy_rules:destroy' } }, (req, reply) => {
    const { authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'update');
    const id = paramOf(req, 'policy_rule_id');
    if (!hasPolicyRule(emu, policy.id, id))
      throw notFound('PolicyRule', `Couldn't find PolicyRule with 'id'=${id}`);
    refuseSystemPolicy(policy);
    unlinkRule(emu, id);
    return reply.status(204).send();
  });
}

function assignmentRoutes(app: FastifyInstance): void {
  const emu = app.emulator;
  const base = '/api/authorisation_policies/:authorisation_policy_id/assignments';

  app.get(base, (req) => {
    const { authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'read');
    return { data: listAssignments(emu, policy.id, queryOf(req.url)).map(serializeAssignment) };
  });

  app.post(base, { config: { event: 'api:policy_assignments:create' } }, (req) => {
    const { principal, authz } = callerOf(req);
    const policy = findPolicy(emu, paramOf(req, 'authorisation_policy_id'));
    requirePermission(authz, POLICIES, 'update');
    refuseSystemPolicy(policy);
    const wanted = validateAssignments(readAttributes(req.body, ['assignments']));
    replaceAssignments(emu, policy.id, wanted, principal.username);
    // The whole set after the replacement, as the spec's "assign to everyone" example answers.
    return { data: listAssignments(emu, policy.id, new URLSearchParams()).map(serializeAssignment) };
  });
}
