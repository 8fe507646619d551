import { Stack } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { environmentQuery } from '@/api/environments';
import { projectQuery } from '@/api/projects';
import { NodeHeading } from './node-heading';

export interface EnvironmentPageProps {
  projectCode: string;
  environmentCode: string;
}

export function EnvironmentPage({ projectCode, environmentCode }: EnvironmentPageProps) {
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
        crumbs={[
          { label: project.name, node: { kind: 'project', projectCode } },
          { label: environment.name },
        ]}
      />
    </Stack>
  );
}
