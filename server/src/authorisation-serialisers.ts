import type {
  AuthorisationPolicyAttributes,
  AuthorisationRuleAttributes,
  PolicyAssignmentAttributes,
  PolicyRuleAttributes,
} from '@contract/authorisation.ts';
import type { AssignmentRow, PolicyLinks, PolicyRow, PolicyRuleRow, RuleRow } from './authorisation-store.ts';
import type { Resource } from './jsonapi.ts';

// JSON:API resources of the authorisation endpoints (domain §5): rows of the store in, resources out.
// Each `attributes` satisfies the console's type, so a serialiser change the console cannot read fails `tsc`.

/** Inline policy rules may omit their name; the column is NOT NULL, so '' stands for "no name" (API: null). */
function ruleName(row: RuleRow): string | null {
  return row.name === '' ? null : row.name;
}

export function serializeRule(row: RuleRow, policyIds: readonly string[]): Resource {
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
    } satisfies AuthorisationRuleAttributes,
    relationships: {
      authorisation_policies: { data: policyIds.map((id) => ({ type: 'authorisation_policy', id })) },
    },
    links: { self: `/api/authorisation_rules/${row.id}` },
  };
}

export function serializePolicy(row: PolicyRow, links: PolicyLinks): Resource {
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
    } satisfies AuthorisationPolicyAttributes,
    relationships: {
      policy_rules: { data: links.policyRuleIds.map((id) => ({ type: 'policy_rule', id })) },
      policy_assignments: { data: links.assignmentIds.map((id) => ({ type: 'policy_assignment', id })) },
      authorisation_rules: { data: links.ruleIds.map((id) => ({ type: 'authorisation_rule', id })) },
    },
    links: { self, policy_rules: `${self}/rules`, policy_assignments: `${self}/assignments` },
  };
}

export function serializePolicyRule(row: PolicyRuleRow): Resource {
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
    } satisfies PolicyRuleAttributes,
    links: { self: `/api/authorisation_policies/${row.policy_id}/rules/${row.id}` },
  };
}

export function serializeAssignment(row: AssignmentRow): Resource {
  return {
    id: row.id,
    type: 'policy_assignment',
    attributes: {
      username: row.username,
      groupname: row.groupname,
      created_by: row.created_by ?? '',
      created_at: row.created_at,
      updated_at: row.updated_at,
    } satisfies PolicyAssignmentAttributes,
    links: { self: `/api/authorisation_policies/${row.policy_id}/assignments/${row.id}` },
  };
}
