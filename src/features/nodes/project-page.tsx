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
}

export function ProjectPage({ projectCode, children }: ProjectPageProps) {
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
        actions={<NodeActions node={project} />}
        crumbs={[{ label: project.name }]}
      />
      {children}
    </Stack>
  );
}
