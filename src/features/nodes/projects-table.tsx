import { Code, Text } from '@mantine/core';
import type { Project } from '@/api/projects';
import type { ListSort, SortDirection } from '@/lib/list-search';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { AnchorLink } from '@/ui/router-links';
import { archivedStatusColumn } from './node-list-table';
import type { ProjectSortColumn } from './projects-search';

export interface ProjectsTableProps {
  projects: readonly Project[];
  sort: ListSort<ProjectSortColumn>;
  onSortChange: (next: { sort: ProjectSortColumn; dir: SortDirection }) => void;
}

const COLUMNS: readonly DataTableColumn<Project, ProjectSortColumn>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    isSticky: true,
    render: (project) => (
      <AnchorLink to="/projects/$projectCode" params={{ projectCode: project.code }} size="sm">
        {project.name}
      </AnchorLink>
    ),
  },
  { key: 'code', header: 'Code', sortKey: 'code', render: (project) => <Code>{project.code}</Code> },
  {
    key: 'type',
    header: 'Type',
    sortKey: 'project_type',
    isLowPriority: true,
    render: (project) => <Text size="sm">{project.project_type}</Text>,
  },
  {
    key: 'description',
    header: 'Description',
    sortKey: 'description',
    isLowPriority: true,
    render: (project) => (
      <Text size="sm" lineClamp={2}>
        {project.description}
      </Text>
    ),
  },
  archivedStatusColumn<Project>(),
];

/** Projects in the order the server sorted them; each name links to the project's page. */
export function ProjectsTable({ projects, sort, onSortChange }: ProjectsTableProps) {
  // The page around it (ListView) shows the loading, failed and empty states; this is the filled one.
  return (
    <DataTable
      label="Projects"
      what="projects"
      rows={projects}
      rowKey={(project) => project.id}
      columns={COLUMNS}
      sort={sort}
      onSortChange={onSortChange}
      emptyTitle="No projects"
      minWidth={360}
    />
  );
}
