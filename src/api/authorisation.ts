import {
  authorisationPolicyListDocumentSchema,
  authorisationRuleListDocumentSchema,
  policyAssignmentListDocumentSchema,
  type AuthorisationPolicyAttributes,
  type AuthorisationRuleAttributes,
  type PolicyAssignmentAttributes,
} from '@contract/authorisation';
import type { Relationships } from '@contract/json-api';
import { queryOptions } from '@tanstack/react-query';
import type { AccessData, AccessPolicy } from '@/lib/access-model';
import type { UnreadableRow } from '@/lib/list-rows';
import { fetchList, flatten, toRowList, type Flat } from './json-api';

// Authorisation rules, policies and their assignments (domain §5.1), read as the access explainer needs
// them: every rule, every policy with the ids of its rules, and each policy's assignments.

export type AuthorisationRule = Flat<AuthorisationRuleAttributes, unknown>;
export type AuthorisationPolicy = Flat<AuthorisationPolicyAttributes, unknown>;
export type PolicyAssignment = Flat<PolicyAssignmentAttributes, unknown>;

export const authorisationKeys = {
  all: ['authorisation'] as const,
  rules: () => [...authorisationKeys.all, 'rules'] as const,
  policies: () => [...authorisationKeys.all, 'policies'] as const,
  assignments: (policyId: string) => [...authorisationKeys.all, 'assignments', policyId] as const,
  accessData: () => [...authorisationKeys.all, 'access-data'] as const,
};

export async function listRules(signal?: AbortSignal) {
  const list = await fetchList(authorisationRuleListDocumentSchema, '/authorisation_rules', { signal });
  return toRowList(list, flatten);
}

export async function listPolicies(signal?: AbortSignal) {
  const list = await fetchList(authorisationPolicyListDocumentSchema, '/authorisation_policies', { signal });
  return toRowList(list, flatten);
}

export async function listAssignments(policyId: string, signal?: AbortSignal) {
  const list = await fetchList(
    policyAssignmentListDocumentSchema,
    `/authorisation_policies/${encodeURIComponent(policyId)}/assignments`,
    { signal },
  );
  return toRowList(list, flatten);
}

/** The ids a to-many relationship lists (empty when absent). */
export function relatedIds(relationships: Relationships, name: string): string[] {
  const data = relationships[name]?.data;
  return Array.isArray(data) ? data.map((identifier) => identifier.id) : [];
}

/** What the explainer decides on, plus the rows that could not be read (they are left out, and shown). */
export interface LoadedAccessData {
  data: AccessData;
  unreadable: { list: string; rows: UnreadableRow[] }[];
}

export async function loadAccessData(signal?: AbortSignal): Promise<LoadedAccessData> {
  const [rules, policies] = await Promise.all([listRules(signal), listPolicies(signal)]);
  const assignments = await Promise.all(policies.items.map((policy) => listAssignments(policy.id, signal)));
  const unreadable = [
    { list: 'authorisation rules', rows: rules.unreadable },
    { list: 'authorisation policies', rows: policies.unreadable },
    ...policies.items.map((policy, index) => ({
      list: `assignments of policy ${policy.name}`,
      rows: assignments[index]?.unreadable ?? [],
    })),
  ].filter((entry) => entry.rows.length > 0);
  const accessPolicies: AccessPolicy[] = policies.items.map((policy, index) => ({
    id: policy.id,
    name: policy.name,
    system: policy.system,
    ruleIds: relatedIds(policy.relationships, 'authorisation_rules'),
    assignments: (assignments[index]?.items ?? []).map(({ id, username, groupname }) => ({
      id,
      username,
      groupname,
    })),
  }));
  return {
    data: {
      rules: rules.items.map(({ id, name, path, readable, updatable, executable, system }) => ({
        id,
        name,
        path,
        readable,
        updatable,
        executable,
        system,
      })),
      policies: accessPolicies,
    },
    unreadable,
  };
}

/**
 * The policy list, also asked to decide whether the Security section is offered: a caller who may not read
 * authorisation objects gets 403 (the navbar then leaves the section out).
 */
export const policyListQuery = () =>
  queryOptions({
    queryKey: authorisationKeys.policies(),
    queryFn: ({ signal }) => listPolicies(signal),
    staleTime: 5 * 60_000,
  });

export const accessDataQuery = () =>
  queryOptions({
    queryKey: authorisationKeys.accessData(),
    queryFn: ({ signal }) => loadAccessData(signal),
  });
