import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { environmentQuery } from '@/api/environments';
import { projectQuery } from '@/api/projects';
import { NodeActions } from './node-actions';
import { NodeHeading } from './node-heading';

export interface EnvironmentPageProps {
  projectCode: string;
  environmentCode: string;
  /** The page's tabs, below the heading. */
  children?: ReactNode;
  /** More buttons for the node, beside Edit and Archive (Run change, composed by the route). */
  extraActions?: ReactNode;
}

export function EnvironmentPage({
  projectCode,
  environmentCode,
  children,
  extraActions,
}: EnvironmentPageProps) {
  const { data: project } = useSuspenseQuery(projectQuery(projectCode));
  const { data: environment } = useSuspenseQuery(environmentQuery(projectCode, environmentCode));
  return (
    <Stack gap="lg">
      <NodeHeading
        kind="environment"
        name={environment.name}
        code={environment.code}
        path={environment.path}
        description={environment.description}
        archived={environment.archived}
        actions={<NodeActions node={environment} extra={extraActions} />}
        crumbs={[
          { label: project.name, node: { kind: 'project', projectCode } },
          { label: environment.name },
        ]}
      />
      {children}
    </Stack>
  );
}
