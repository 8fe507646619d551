import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { projectQuery } from '@/api/projects';
import { NodeActions } from './node-actions';
import { NodeHeading } from './node-heading';

export interface ProjectPageProps {
  projectCode: string;
  /** The page's tabs, below the heading. */
  children?: ReactNode;
  /** More buttons for the node, beside Edit and Archive (Run change, composed by the route). */
  extraActions?: ReactNode;
}

export function ProjectPage({ projectCode, children, extraActions }: ProjectPageProps) {
  const { data: project } = useSuspenseQuery(projectQuery(projectCode));
  return (
    <Stack gap="lg">
      <NodeHeading
        kind="project"
        name={project.name}
        code={project.code}
        path={project.path}
        description={project.description}
        archived={project.archived}
        kindDetail={project.project_type}
        actions={<NodeActions node={project} extra={extraActions} />}
        crumbs={[{ label: project.name }]}
      />
      {children}
    </Stack>
  );
}
