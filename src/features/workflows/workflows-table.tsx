import { Group, Text } from '@mantine/core';
import type { Workflow } from '@/api/workflows';
import type { ListSort, SortDirection } from '@/lib/list-search';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { AnchorLink } from '@/ui/router-links';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';
import { workflowLinkOptions } from './workflow-links';
import type { WorkflowSortColumn } from './workflows-search';

export interface WorkflowsTableProps {
  workflows: readonly Workflow[] | undefined;
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
  sort: ListSort<WorkflowSortColumn>;
  onSortChange: (next: { sort: WorkflowSortColumn; dir: SortDirection }) => void;
  isFiltered: boolean;
  onClearFilters: () => void;
}

const COLUMNS: readonly DataTableColumn<Workflow, WorkflowSortColumn>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    isSticky: true,
    render: (workflow) => (
      <Group gap={6} wrap="nowrap">
        <AnchorLink {...workflowLinkOptions(workflow.projectCode, workflow.code)} size="sm" fw={500}>
          {workflow.name}
        </AnchorLink>
        {workflow.archived ? (
          <StatusBadge tone="neutral" size="xs">
            archived
          </StatusBadge>
        ) : null}
      </Group>
    ),
  },
  {
    key: 'code',
    header: 'Code',
    sortKey: 'code',
    render: (workflow) => <Text size="sm">{workflow.code}</Text>,
  },
  {
    key: 'version',
    header: 'Latest version',
    render: (workflow) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">v{workflow.latest_version}</Text>
        {workflow.draft ? (
          <StatusBadge tone="warning" size="xs">
            draft
          </StatusBadge>
        ) : null}
      </Group>
    ),
  },
  {
    key: 'published',
    header: 'Runs version',
    isLowPriority: true,
    render: (workflow) => (
      <Text size="sm">
        {workflow.latest_published_version === null
          ? 'None published'
          : `v${String(workflow.latest_published_version)}`}
      </Text>
    ),
  },
  {
    key: 'updated_at',
    header: 'Updated',
    sortKey: 'updated_at',
    isLowPriority: true,
    render: (workflow) => <Timestamp value={workflow.updated_at} />,
  },
];

/** A project's workflows: name (to the workflow's page), code, latest and published versions. */
export function WorkflowsTable({
  workflows,
  failure,
  onRetry,
  isFetching,
  sort,
  onSortChange,
  ...rest
}: WorkflowsTableProps) {
  return (
    <DataTable
      label="Workflows"
      what="workflows"
      rows={workflows}
      rowKey={(workflow) => workflow.id}
      columns={COLUMNS}
      sort={sort}
      onSortChange={onSortChange}
      failure={failure}
      onRetry={onRetry}
      isFetching={isFetching}
      emptyTitle="No workflows yet"
      emptyHint="Workflows chain changes, waits for approval and other workflows; an admin of the project writes them."
      isFiltered={rest.isFiltered}
      onClearFilters={rest.onClearFilters}
    />
  );
}
