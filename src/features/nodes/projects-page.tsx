import { Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Project } from '@/api/projects';
import { AnchorLink } from '@/ui/router-links';

export interface ProjectsPageProps {
  projects: readonly Project[];
  /** Buttons next to the heading (New project). */
  actions?: ReactNode;
}

/** Every project the user may read, with a link to each. */
export function ProjectsPage({ projects, actions }: ProjectsPageProps) {
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Projects</Title>
          <Text c="dimmed">
            {projects.length === 1 ? '1 project' : `${String(projects.length)} projects`} you may see.
          </Text>
        </Stack>
        {actions}
      </Group>
      {projects.length === 0 ? (
        <Text>There are no projects yet, or none you have permission to see.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Description</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projects.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Td>
                    <AnchorLink to="/projects/$projectCode" params={{ projectCode: project.code }}>
                      {project.name}
                    </AnchorLink>
                    {project.archived ? (
                      <Badge ml="xs" color="gray" variant="light" size="sm">
                        Archived
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Code>{project.code}</Code>
                  </Table.Td>
                  <Table.Td>{project.project_type}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {project.description}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
