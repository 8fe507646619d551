import { Text, VisuallyHidden } from '@mantine/core';
import type { WorkflowRun } from '@/api/workflow-runs';
import type { UnreadableRow } from '@/lib/list-rows';
import { ActivityStatusBadge } from '@/ui/activity-status-badge';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { AnchorLink } from '@/ui/router-links';
import { Timestamp } from '@/ui/timestamp';
import { workflowRunLinkOptions } from './workflow-links';

export interface WorkflowRunsTableProps {
  projectCode: string;
  workflowCode: string;
  runs: readonly WorkflowRun[] | undefined;
  unreadable: readonly UnreadableRow[] | undefined;
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
}

/** A workflow's runs, newest first, each opening its run page. */
export function WorkflowRunsTable({
  projectCode,
  workflowCode,
  runs,
  unreadable,
  ...state
}: WorkflowRunsTableProps) {
  const columns: readonly DataTableColumn<WorkflowRun>[] = [
    { key: 'status', header: 'Status', render: (run) => <ActivityStatusBadge status={run.status_code} /> },
    {
      key: 'run',
      header: 'Run',
      isSticky: true,
      render: (run) => (
        <AnchorLink {...workflowRunLinkOptions(projectCode, workflowCode, run.id)} size="sm" fw={500}>
          <Timestamp value={run.created_at} />
          <VisuallyHidden>, run {run.id}</VisuallyHidden>
        </AnchorLink>
      ),
    },
    {
      key: 'created_by',
      header: 'Started by',
      render: (run) => (
        <Text size="sm">{run.scheduled ? `${run.created_by} (scheduled)` : run.created_by}</Text>
      ),
    },
    {
      key: 'finished_at',
      header: 'Finished',
      isLowPriority: true,
      render: (run) =>
        run.finished_at === null ? <Text size="sm">Not yet</Text> : <Timestamp value={run.finished_at} />,
    },
  ];
  return (
    <DataTable
      label="Runs"
      what="runs"
      rows={runs}
      rowKey={(run) => run.id}
      columns={columns}
      unreadable={unreadable}
      emptyTitle="Not run yet"
      emptyHint="Run the workflow to start its latest published version."
      {...state}
    />
  );
}
