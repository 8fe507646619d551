import type { NodeAuthorisations } from '@contract/node';
import { useQuery } from '@tanstack/react-query';
import { assetQuery } from '@/api/assets';
import { environmentQuery } from '@/api/environments';
import { projectQuery } from '@/api/projects';
import type { NodeRef } from '@/lib/node-path';

export interface ChangeTargetNode {
  /** The node's name, once read. */
  name: string | null;
  /** `meta.authorisations`; null while loading or when the node cannot be read. */
  authorisations: NodeAuthorisations | null;
  /** The node could not be read (removed, or no longer visible). */
  isUnreadable: boolean;
}

/** The change's target node, for its name and the caller's permissions on it. */
export function useChangeTarget(target: NodeRef | null): ChangeTargetNode {
  const projectCode = target?.projectCode ?? '';
  const environmentCode = target?.kind === 'environment' ? target.environmentCode : '';
  const project = useQuery({ ...projectQuery(projectCode), enabled: target?.kind === 'project' });
  const environment = useQuery({
    ...environmentQuery(projectCode, environmentCode),
    enabled: target?.kind === 'environment',
  });
  const asset = useQuery({
    ...assetQuery(
      { projectCode, environmentCode: target?.kind === 'asset' ? target.environmentCode : undefined },
      target?.kind === 'asset' ? target.assetCode : '',
    ),
    enabled: target?.kind === 'asset',
  });
  const query = target?.kind === 'project' ? project : target?.kind === 'environment' ? environment : asset;
  if (target === null) return { name: null, authorisations: null, isUnreadable: true };
  return {
    name: query.data?.name ?? null,
    // A target that cannot be read grants nothing (rather than "checking…" for ever).
    authorisations: query.isError ? {} : (query.data?.meta.authorisations ?? null),
    isUnreadable: query.isError,
  };
}
