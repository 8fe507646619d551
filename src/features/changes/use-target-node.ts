import { useQueries, useQuery } from '@tanstack/react-query';
import { toOneId } from '@contract/json-api';
import { assetQuery } from '@/api/assets';
import { environmentQuery } from '@/api/environments';
import { projectQuery } from '@/api/projects';
import { documentQuery } from '@/api/properties';
import { failureMessage } from '@/api/failures';
import { requiredApprovers } from '@/lib/approval-setting';
import type { NodeRef } from '@/lib/node-path';

/** The target's project, environment (when it has one) and asset (when it is one). */
export function useTargetChain(ref: NodeRef | null) {
  const projectCode = ref?.projectCode ?? '';
  const environmentCode = ref === null || ref.kind === 'project' ? undefined : ref.environmentCode;
  const assetCode = ref?.kind === 'asset' ? ref.assetCode : undefined;
  const project = useQuery({ ...projectQuery(projectCode), enabled: ref !== null });
  const environment = useQuery({
    ...environmentQuery(projectCode, environmentCode ?? ''),
    enabled: environmentCode !== undefined,
  });
  const asset = useQuery({
    ...assetQuery({ projectCode, environmentCode }, assetCode ?? ''),
    enabled: assetCode !== undefined,
  });
  return {
    project,
    environment: environmentCode === undefined ? null : environment,
    asset: assetCode === undefined ? null : asset,
  };
}

export type ApprovalCheck =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'required'; approvers: string[] }
  | { state: 'unknown'; reason: string };

/**
 * Whether a change on `ref` will wait for approval, and from whom: the settings of the node and the nodes above
 * it, merged (domain §6.3). Unknown when a settings document cannot be read.
 */
export function useApprovalCheck(ref: NodeRef | null): ApprovalCheck {
  const chain = useTargetChain(ref);
  const nodes = [chain.project, chain.environment, chain.asset].filter((query) => query !== null);
  const settingsIds = nodes.map((node) =>
    node.data === undefined ? null : toOneId(node.data.relationships.settings),
  );
  const settings = useQueries({
    queries: settingsIds.map((id) => ({ ...documentQuery('settings', id ?? ''), enabled: id !== null })),
  });
  if (ref === null) return { state: 'none' };
  const failed = [...nodes, ...settings].find((query) => query.isError);
  if (failed !== undefined) return { state: 'unknown', reason: failureMessage(failed.error) };
  if (nodes.some((node) => node.data === undefined)) return { state: 'checking' };
  if (settingsIds.some((id) => id === null))
    return { state: 'unknown', reason: 'A node has no settings document.' };
  const documents = settings.map((query) => query.data?.data);
  if (documents.some((data) => data === undefined)) return { state: 'checking' };
  const approvers = requiredApprovers(documents.filter((data) => data !== undefined));
  return approvers.length === 0 ? { state: 'none' } : { state: 'required', approvers };
}
