import { Text } from '@mantine/core';
import type { WorkflowVersion } from '@/api/workflows';
import type { UnreadableRow } from '@/lib/list-rows';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn, DataTableRowAction, DataTableSelection } from '@/ui/data-table-types';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';

export interface WorkflowVersionsTableProps {
  versions: readonly WorkflowVersion[] | undefined;
  unreadable: readonly UnreadableRow[] | undefined;
  /** The version runs use: the latest published one. */
  latestPublished: number | null;
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
  /** Checkboxes, to pick two versions to compare. */
  selection?: DataTableSelection<WorkflowVersion> | undefined;
  rowActions?: readonly DataTableRowAction<WorkflowVersion>[] | undefined;
}

function VersionState({ version, isRunVersion }: { version: WorkflowVersion; isRunVersion: boolean }) {
  if (version.archived)
    return (
      <StatusBadge tone="neutral" size="xs">
        archived
      </StatusBadge>
    );
  if (version.draft)
    return (
      <StatusBadge tone="warning" size="xs">
        draft
      </StatusBadge>
    );
  return (
    <StatusBadge tone="positive" size="xs">
      {isRunVersion ? 'published · runs' : 'published'}
    </StatusBadge>
  );
}

/** Every version of a workflow, newest first, with its state: draft, published (the one runs use) or archived. */
export function WorkflowVersionsTable({
  versions,
  unreadable,
  latestPublished,
  selection,
  rowActions = [],
  ...state
}: WorkflowVersionsTableProps) {
  const columns: readonly DataTableColumn<WorkflowVersion>[] = [
    {
      key: 'version',
      header: 'Version',
      isSticky: true,
      render: (row) => <Text size="sm">v{row.version}</Text>,
    },
    {
      key: 'state',
      header: 'State',
      render: (row) => <VersionState version={row} isRunVersion={row.version === latestPublished} />,
    },
    { key: 'name', header: 'Name', render: (row) => <Text size="sm">{row.name}</Text> },
    {
      key: 'steps',
      header: 'Top-level steps',
      isLowPriority: true,
      render: (row) => <Text size="sm">{row.steps.length}</Text>,
    },
    { key: 'created_by', header: 'Saved by', render: (row) => <Text size="sm">{row.created_by}</Text> },
    {
      key: 'created_at',
      header: 'Saved',
      isLowPriority: true,
      render: (row) => <Timestamp value={row.created_at} />,
    },
  ];
  return (
    <DataTable
      label="Versions"
      what="versions"
      rows={versions}
      rowKey={(row) => row.id}
      columns={columns}
      unreadable={unreadable}
      selection={selection}
      rowActions={rowActions}
      emptyTitle="No versions"
      {...state}
    />
  );
}
