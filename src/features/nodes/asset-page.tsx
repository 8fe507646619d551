import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { assetQuery } from '@/api/assets';
import { environmentQuery } from '@/api/environments';
import { projectQuery } from '@/api/projects';
import type { AssetOwner } from '@/lib/node-path';
import type { Crumb } from './node-breadcrumbs';
import { NodeActions } from './node-actions';
import { NodeHeading } from './node-heading';

export interface AssetPageProps {
  owner: AssetOwner;
  assetCode: string;
  /** The page's tabs, below the heading. */
  children?: ReactNode;
  /** More buttons for the node, beside Edit and Archive (Run change, composed by the route). */
  extraActions?: ReactNode;
}

export function AssetPage({ owner, assetCode, children, extraActions }: AssetPageProps) {
  const { projectCode, environmentCode } = owner;
  const { data: project } = useSuspenseQuery(projectQuery(projectCode));
  const { data: asset } = useSuspenseQuery(assetQuery(owner, assetCode));
  // Loaded by the environment's route already; the code stands in should it still be on its way.
  const { data: environment } = useQuery({
    ...environmentQuery(projectCode, environmentCode ?? ''),
    enabled: environmentCode !== undefined,
  });
  const crumbs: Crumb[] = [{ label: project.name, node: { kind: 'project', projectCode } }];
  if (environmentCode !== undefined) {
    crumbs.push({
      label: environment?.name ?? environmentCode,
      node: { kind: 'environment', projectCode, environmentCode },
    });
  }
  crumbs.push({ label: asset.name });
  return (
    <Stack gap="lg">
      <NodeHeading
        kind="asset"
        name={asset.name}
        code={asset.code}
        path={asset.path}
        description={asset.description}
        archived={asset.archived}
        actions={<NodeActions node={asset} extra={extraActions} />}
        crumbs={crumbs}
      />
      {children}
    </Stack>
  );
}
