import { Code, Table, Text } from '@mantine/core';
import type { Project } from '@/api/projects';
import type { ListSort } from '@/lib/list-search';
import { AnchorLink } from '@/ui/router-links';
import { SortableHeader } from '@/ui/sortable-header';
import { StatusBadge } from '@/ui/status-badge';
import { PROJECT_SORT_COLUMNS, type ProjectSortColumn } from './projects-search';

export interface ProjectsTableProps {
  projects: readonly Project[];
  sort: ListSort<ProjectSortColumn>;
  onSort: (column: ProjectSortColumn) => void;
}

const COLUMN_LABELS: Record<ProjectSortColumn, string> = {
  name: 'Name',
  code: 'Code',
  project_type: 'Type',
  description: 'Description',
  archived: 'Status',
};

/** Projects in the order the server sorted them; each name links to the project's page. */
export function ProjectsTable({ projects, sort, onSort }: ProjectsTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Projects">
        <Table.Thead>
          <Table.Tr>
            {PROJECT_SORT_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                label={COLUMN_LABELS[column]}
                direction={sort.column === column ? sort.direction : null}
                onSort={() => {
                  onSort(column);
                }}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((project) => (
            <Table.Tr key={project.id}>
              <Table.Td>
                <AnchorLink to="/projects/$projectCode" params={{ projectCode: project.code }} size="sm">
                  {project.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Code>{project.code}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{project.project_type}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {project.description}
                </Text>
              </Table.Td>
              <Table.Td>
                {project.archived ? (
                  <StatusBadge tone="neutral">Archived</StatusBadge>
                ) : (
                  <StatusBadge tone="positive">Active</StatusBadge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
