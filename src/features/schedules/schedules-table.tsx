import { Code, Group, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ScheduledActivity } from '@/api/scheduled-activities';
import type { UnreadableRow } from '@/lib/list-rows';
import type { ListSort, SortDirection } from '@/lib/list-search';
import type { DeniableAction } from '@/lib/server-denials';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn, DataTableRowAction } from '@/ui/data-table-types';
import { AnchorLink } from '@/ui/router-links';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';
import { scheduleWhat, scheduleWhen, scheduleWhere } from './schedule-labels';
import { scheduleTabLink, workflowLink } from './schedule-links';
import type { ScheduleSortColumn } from './schedules-search';

type Column = DataTableColumn<ScheduledActivity, ScheduleSortColumn>;

function WhatCell({ schedule }: { schedule: ScheduledActivity }) {
  if (schedule.type === 'scheduled_change') {
    const source =
      schedule.git_remote_name === null
        ? "The asset's template version"
        : `${schedule.git_remote_name} @ ${schedule.git_rev ?? ''}`;
    return (
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {schedule.action}
        </Text>
        <Text size="xs" c="dimmed">
          Change · {source}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      {schedule.project_code === null ? (
        <Text size="sm" fw={600}>
          {scheduleWhat(schedule)}
        </Text>
      ) : (
        <AnchorLink size="sm" fw={600} {...workflowLink(schedule.project_code, schedule.workflow_code)}>
          {scheduleWhat(schedule)}
        </AnchorLink>
      )}
      <Text size="xs" c="dimmed">
        Workflow run
      </Text>
    </Stack>
  );
}

const WHAT: Column = {
  key: 'what',
  header: 'Starts',
  isSticky: true,
  render: (schedule) => <WhatCell schedule={schedule} />,
};

const WHERE: Column = {
  key: 'where',
  header: 'Target',
  sortKey: 'parent_path',
  render: (schedule) =>
    schedule.node === null ? (
      <Text size="sm">{scheduleWhere(schedule)}</Text>
    ) : (
      <AnchorLink size="sm" {...scheduleTabLink(schedule.node)}>
        {scheduleWhere(schedule)}
      </AnchorLink>
    ),
};

const REST: readonly Column[] = [
  {
    key: 'cron',
    header: 'When (UTC)',
    sortKey: 'cron_schedule',
    render: (schedule) => (
      <Stack gap={2}>
        <Code>{schedule.cron_schedule}</Code>
        <Text size="xs">{scheduleWhen(schedule.cron_schedule)}</Text>
      </Stack>
    ),
  },
  {
    key: 'next',
    header: 'Next run',
    sortKey: 'next_run_at',
    render: (schedule) =>
      schedule.next_run_at === null ? (
        <Text size="sm" c="dimmed">
          None while disabled
        </Text>
      ) : (
        <Text size="sm">
          <Timestamp value={schedule.next_run_at} />
        </Text>
      ),
  },
  {
    key: 'state',
    header: 'State',
    render: (schedule) => (
      <Group gap={4}>
        <StatusBadge tone={schedule.enabled ? 'positive' : 'neutral'}>
          {schedule.enabled ? 'Enabled' : 'Disabled'}
        </StatusBadge>
        <StatusBadge tone="info">{schedule.repeat ? 'Repeats' : 'Once'}</StatusBadge>
        {schedule.type === 'scheduled_change' && schedule.new_commits_only ? (
          <StatusBadge tone="accent">New commits only</StatusBadge>
        ) : null}
      </Group>
    ),
  },
  {
    key: 'created_by',
    header: 'Created by',
    sortKey: 'created_at',
    isLowPriority: true,
    render: (schedule) => (
      <Stack gap={0}>
        <Text size="sm">{schedule.created_by}</Text>
        <Text size="xs" c="dimmed">
          <Timestamp value={schedule.created_at} />
        </Text>
      </Stack>
    ),
  },
];

export interface SchedulesTableProps {
  schedules: readonly ScheduledActivity[] | undefined;
  unreadable: readonly UnreadableRow[] | undefined;
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
  /** Show each schedule's node (the global list); a node's tab leaves it out. */
  showTarget: boolean;
  sort: ListSort<ScheduleSortColumn>;
  onSortChange: (next: { sort: ScheduleSortColumn; dir: SortDirection }) => void;
  /** Why the user may not delete this schedule, or null. */
  deleteDenied: (schedule: ScheduledActivity) => string | null;
  /** Deleting here, as the server may refuse it (403): then Delete says so. */
  deniable?: DeniableAction | undefined;
  onDelete: (schedule: ScheduledActivity) => void;
  emptyTitle: string;
  emptyHint: string;
  isFiltered: boolean;
  onClearFilters: () => void;
}

/** Schedules with what they start, where, when in words, their next run and state; Delete on each row. */
export function SchedulesTable(props: SchedulesTableProps) {
  const actions: readonly DataTableRowAction<ScheduledActivity>[] = [
    {
      label: 'Delete',
      accessibleName: (schedule) => `Delete schedule ${scheduleWhat(schedule)} on ${scheduleWhere(schedule)}`,
      icon: () => <IconTrash size={12} aria-hidden />,
      color: 'red',
      deniedReason: props.deleteDenied,
      deniable: props.deniable,
      onAction: props.onDelete,
    },
  ];
  return (
    <DataTable
      label="Schedules"
      what="schedules"
      one="schedule"
      rows={props.schedules}
      rowKey={(schedule) => schedule.id}
      columns={props.showTarget ? [WHAT, WHERE, ...REST] : [WHAT, ...REST]}
      sort={props.sort}
      onSortChange={props.onSortChange}
      rowActions={actions}
      unreadable={props.unreadable}
      failure={props.failure}
      onRetry={props.onRetry}
      isFetching={props.isFetching}
      skeletonRows={3}
      emptyTitle={props.emptyTitle}
      emptyHint={props.emptyHint}
      isFiltered={props.isFiltered}
      filteredEmptyTitle="No schedules match the filters"
      onClearFilters={props.onClearFilters}
      clearFiltersLabel="Clear the filters"
      minWidth={760}
    />
  );
}
