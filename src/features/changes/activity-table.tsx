import { Group, Text, VisuallyHidden } from '@mantine/core';
import type { ActivityRow } from '@/api/activity';
import { nodeLinkOptions } from '@/lib/node-links';
import { parseNodePath } from '@/lib/node-path';
import { ActivityStatusBadge } from '@/ui/activity-status-badge';
import { DataTable, type DataTableProps } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { AnchorLink } from '@/ui/router-links';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';
import { ChangeLink } from './change-link';

/** A row's key among changes and runs (their ids may look alike). */
export const activityRowKey = (row: Pick<ActivityRow, 'kind' | 'id'>) => `${row.kind}:${row.id}`;

function WhatCell({ row }: { row: ActivityRow }) {
  if (row.kind === 'change') {
    return (
      <ChangeLink changeId={row.id} size="sm" fw={500}>
        {row.action}
        <VisuallyHidden>, change {row.id}</VisuallyHidden>
      </ChangeLink>
    );
  }
  // A run opens its page when its project and workflow are known (from its links).
  const project = row.target_path === null ? null : parseNodePath(row.target_path);
  const name =
    project?.kind === 'project' && row.workflow_code !== null ? (
      <AnchorLink
        to="/projects/$projectCode/workflows/$workflowCode/runs/$runId"
        params={{ projectCode: project.projectCode, workflowCode: row.workflow_code, runId: row.id }}
        size="sm"
        fw={500}
      >
        {row.action}
        <VisuallyHidden>, workflow run {row.id}</VisuallyHidden>
      </AnchorLink>
    ) : (
      <Text size="sm" fw={500}>
        {row.action}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      {name}
      <StatusBadge tone="accent" size="xs">
        workflow run
      </StatusBadge>
    </Group>
  );
}

function TargetCell({ row }: { row: ActivityRow }) {
  const ref = row.target_path === null ? null : parseNodePath(row.target_path);
  if (ref === null) return <Text size="sm">{row.target_name}</Text>;
  return (
    <AnchorLink {...nodeLinkOptions(ref)} size="sm" title={row.target_path ?? undefined}>
      {row.target_name}
    </AnchorLink>
  );
}

const COLUMNS: readonly DataTableColumn<ActivityRow, never>[] = [
  { key: 'status', header: 'Status', render: (row) => <ActivityStatusBadge status={row.status_code} /> },
  { key: 'what', header: 'Action', isSticky: true, render: (row) => <WhatCell row={row} /> },
  { key: 'target', header: 'Target', render: (row) => <TargetCell row={row} /> },
  {
    key: 'user',
    header: 'Created by',
    isLowPriority: true,
    render: (row) => (
      <Text size="sm">
        {row.created_by}
        {row.scheduled ? ' (scheduled)' : ''}
      </Text>
    ),
  },
  {
    key: 'created',
    header: 'Created',
    render: (row) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        <Timestamp value={row.created_at} />
      </Text>
    ),
  },
  {
    key: 'finished',
    header: 'Finished',
    isLowPriority: true,
    render: (row) =>
      row.finished_at === null ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Timestamp value={row.finished_at} />
        </Text>
      ),
  },
];

export type ActivityTableProps = Pick<
  DataTableProps<ActivityRow, never>,
  'rows' | 'failure' | 'onRetry' | 'isFetching' | 'unreadable' | 'isFiltered' | 'onClearFilters' | 'emptyHint'
>;

/** Changes and workflow runs, newest first: status, what ran, where, who and when. */
export function ActivityTable(props: ActivityTableProps) {
  return (
    <DataTable
      {...props}
      label="Activity, newest first"
      what="changes and workflow runs"
      one="change or workflow run"
      rowKey={activityRowKey}
      columns={COLUMNS}
      skeletonRows={8}
      emptyTitle="No activity yet"
      filteredEmptyTitle="Nothing matches the filters"
      clearFiltersLabel="Clear filters"
      minWidth={640}
    />
  );
}
