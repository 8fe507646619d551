import { Stack } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { projectQuery } from '@/api/projects';
import { NodeHeading } from './node-heading';

export interface ProjectPageProps {
  projectCode: string;
}

export function ProjectPage({ projectCode }: ProjectPageProps) {
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
        crumbs={[{ label: project.name }]}
      />
    </Stack>
  );
}
