import {
  authorisationPolicyDocumentSchema,
  authorisationPolicyListDocumentSchema,
  authorisationRuleDocumentSchema,
  authorisationRuleListDocumentSchema,
  policyAssignmentListDocumentSchema,
  policyRuleListDocumentSchema,
} from '@contract/authorisation';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { authorisationKeys, type AuthorisationPolicy, type AuthorisationRule } from './authorisation';
import { apiRequest } from './client';
import { failureMessage } from './failures';
import { fetchDocument, fetchList, flatten, toRowList } from './json-api';

// Editing authorisation rules, policies, their rule links and assignments (domain §5.1). Bodies are sent
// exactly as the contract writes them; every change refreshes everything under `authorisationKeys.all`
// (the explainer's data, the lists, the Security link's policy list).

export type RuleListQuery = RansackQuery<'name_or_path_cont', 'name' | 'name desc' | 'path' | 'path desc'>;

export const ruleListQuery = (query: RuleListQuery) =>
  queryOptions({
    queryKey: [...authorisationKeys.rules(), 'list', query] as const,
    queryFn: async ({ signal }) => {
      const list = await fetchList(authorisationRuleListDocumentSchema, '/authorisation_rules', {
        params: ransackParams(query),
        signal,
      });
      return toRowList(list, flatten);
    },
  });

export interface RuleValues {
  name: string;
  path: string;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
}

const rulePath = (id: string) => `/authorisation_rules/${encodeURIComponent(id)}`;
const policyPath = (id: string) => `/authorisation_policies/${encodeURIComponent(id)}`;

export async function saveRule({
  id,
  values,
}: {
  id: string | null;
  values: RuleValues;
}): Promise<AuthorisationRule> {
  const document = await fetchDocument(
    authorisationRuleDocumentSchema,
    id === null ? '/authorisation_rules' : rulePath(id),
    { method: id === null ? 'POST' : 'PATCH', body: { data: { attributes: values } } },
  );
  return flatten(document.data);
}

export async function deleteRule(id: string): Promise<void> {
  await apiRequest(rulePath(id), { method: 'DELETE' });
}

export interface PolicyValues {
  name: string;
  description: string | null;
}

/** The links of a policy to its rules (`policy_rule` id by rule id), for detaching one. */
export async function listPolicyRules(policyId: string, signal?: AbortSignal) {
  const list = await fetchList(policyRuleListDocumentSchema, `${policyPath(policyId)}/rules`, { signal });
  return list.data.map((row) => row.attributes);
}

export async function linkRules(policyId: string, ruleIds: readonly string[]): Promise<void> {
  if (ruleIds.length === 0) return;
  await fetchList(policyRuleListDocumentSchema, `${policyPath(policyId)}/rules`, {
    method: 'POST',
    body: { data: { attributes: { authorisation_rule_id: [...ruleIds] } } },
  });
}

/**
 * Links the rules a rename detached, trying twice: the API offers no single request that renames and keeps
 * them. If both tries fail the policy is left without its rules, and the message says which to attach again.
 */
async function relinkRules(policyId: string, ruleIds: readonly string[]): Promise<void> {
  try {
    await linkRules(policyId, ruleIds);
  } catch {
    try {
      await linkRules(policyId, ruleIds);
    } catch (error) {
      const reason = failureMessage(error);
      throw new Error(
        `The policy was saved, but OpsChain detached its rules when it did and attaching them again failed (${reason}). ` +
          `Attach these rules to it again from the policy's Rules: ${ruleIds.join(', ')}.`,
        { cause: error },
      );
    }
  }
}

/**
 * Creates or renames a policy. A PATCH replaces the policy's rule links with the inline rules it sends (none
 * here), so the rules it had are linked again right after: editing the name keeps the rules.
 */
export async function savePolicy({
  id,
  values,
  ruleIds,
}: {
  id: string | null;
  values: PolicyValues;
  ruleIds: readonly string[];
}): Promise<AuthorisationPolicy> {
  const document = await fetchDocument(
    authorisationPolicyDocumentSchema,
    id === null ? '/authorisation_policies' : policyPath(id),
    { method: id === null ? 'POST' : 'PATCH', body: { data: { attributes: values } } },
  );
  const policy = flatten(document.data);
  if (id !== null) await relinkRules(policy.id, ruleIds);
  return policy;
}

export async function deletePolicy(id: string): Promise<void> {
  await apiRequest(policyPath(id), { method: 'DELETE' });
}

export async function unlinkRule(policyId: string, ruleId: string): Promise<void> {
  const links = await listPolicyRules(policyId);
  const link = links.find((row) => row.authorisation_rule_id === ruleId);
  if (link === undefined) return;
  await apiRequest(`${policyPath(policyId)}/rules/${encodeURIComponent(link.id)}`, { method: 'DELETE' });
}

/** One assignment: a user, a group, a user while in a group, or (both null) everyone. */
export interface AssignmentValues {
  username: string | null;
  groupname: string | null;
}

/** Replaces the policy's whole set of assignments (the API's POST does exactly that). */
export async function setAssignments(
  policyId: string,
  assignments: readonly AssignmentValues[],
): Promise<void> {
  await fetchList(policyAssignmentListDocumentSchema, `${policyPath(policyId)}/assignments`, {
    method: 'POST',
    body: {
      data: {
        attributes: { assignments: assignments.map(({ username, groupname }) => ({ username, groupname })) },
      },
    },
  });
}

/** A mutation that refreshes every authorisation query once it is done. */
function useAuthorisationMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authorisationKeys.all }),
  });
}

export const useSaveRule = () => useAuthorisationMutation(saveRule);
export const useDeleteRule = () => useAuthorisationMutation(deleteRule);
export const useSavePolicy = () => useAuthorisationMutation(savePolicy);
export const useDeletePolicy = () => useAuthorisationMutation(deletePolicy);
export const useLinkRule = () =>
  useAuthorisationMutation(({ policyId, ruleId }: { policyId: string; ruleId: string }) =>
    linkRules(policyId, [ruleId]),
  );
export const useUnlinkRule = () =>
  useAuthorisationMutation(({ policyId, ruleId }: { policyId: string; ruleId: string }) =>
    unlinkRule(policyId, ruleId),
  );
export const useSetAssignments = () =>
  useAuthorisationMutation(
    ({ policyId, assignments }: { policyId: string; assignments: readonly AssignmentValues[] }) =>
      setAssignments(policyId, assignments),
  );

export type PolicyListQuery = RansackQuery<'name_cont', 'name' | 'name desc'>;

export const policyFilteredListQuery = (query: PolicyListQuery) =>
  queryOptions({
    queryKey: [...authorisationKeys.policies(), 'list', query] as const,
    queryFn: async ({ signal }) => {
      const list = await fetchList(authorisationPolicyListDocumentSchema, '/authorisation_policies', {
        params: ransackParams(query),
        signal,
      });
      return toRowList(list, flatten);
    },
  });
