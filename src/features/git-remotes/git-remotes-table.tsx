import { Code, Group, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconKey, IconTrash } from '@tabler/icons-react';
import type { GitRemote } from '@/api/git-remotes';
import { authDescription } from '@/lib/git-credentials';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import type { UnreadableRow } from '@/lib/list-rows';
import type { ListSearch, ListSort } from '@/lib/list-search';
import type { DeniableAction } from '@/lib/server-denials';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn, DataTableRowAction } from '@/ui/data-table-types';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';

export const REMOTE_SORT_COLUMNS = ['name', 'url', 'archived', 'created_at'] as const;
export type RemoteSortColumn = (typeof REMOTE_SORT_COLUMNS)[number];

const COLUMNS: readonly DataTableColumn<GitRemote, RemoteSortColumn>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    isSticky: true,
    render: (remote) => (
      <Text size="sm" fw={600}>
        {remote.name}
      </Text>
    ),
  },
  {
    key: 'url',
    header: 'URL',
    sortKey: 'url',
    isLowPriority: true,
    render: (remote) => <Code style={{ wordBreak: 'break-all' }}>{maskUrlCredentials(remote.url)}</Code>,
  },
  {
    key: 'status',
    header: 'Status',
    sortKey: 'archived',
    render: (remote) => (
      <Group gap={4} wrap="nowrap">
        <StatusBadge tone={remote.archived ? 'neutral' : 'positive'}>
          {remote.archived ? 'Archived' : 'Active'}
        </StatusBadge>
        {remote.disabled ? <StatusBadge tone="warning">Disabled</StatusBadge> : null}
      </Group>
    ),
  },
  {
    key: 'created_at',
    header: 'Added',
    sortKey: 'created_at',
    isLowPriority: true,
    render: (remote) => (
      <Text size="sm">
        <Timestamp value={remote.created_at} />
      </Text>
    ),
  },
  {
    key: 'auth',
    header: 'Authentication',
    isLowPriority: true,
    render: (remote) => <Text size="sm">{authDescription(remote)}</Text>,
  },
];

export interface GitRemotesTableProps {
  /** Undefined until the first answer. */
  remotes: readonly GitRemote[] | undefined;
  /** Rows of the answer that could not be read (marked above the table). */
  unreadable?: readonly UnreadableRow[] | undefined;
  /** Why the remotes could not be loaded, or null. */
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
  /** The text filter, for the empty state. */
  filterText: string;
  sort: ListSort<RemoteSortColumn>;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  /** Why the user may not change remotes, or null. */
  updateDenied: string | null;
  /** Changing remotes, as the server may refuse it (403): then the row actions say so. */
  deniable: DeniableAction;
  /** The remote being archived or restored right now. */
  busyId: string | null;
  onArchive: (remote: GitRemote) => void;
  onCredentials: (remote: GitRemote) => void;
  onDelete: (remote: GitRemote) => void;
}

export function GitRemotesTable(props: GitRemotesTableProps) {
  const { updateDenied, deniable, filterText } = props;
  const actions: readonly DataTableRowAction<GitRemote>[] = [
    {
      label: 'Credentials',
      accessibleName: (remote) => `Replace credentials of ${remote.name}`,
      icon: () => <IconKey size={12} aria-hidden />,
      deniedReason: updateDenied,
      deniable,
      onAction: props.onCredentials,
    },
    {
      label: (remote) => (remote.archived ? 'Restore' : 'Archive'),
      accessibleName: (remote) => `${remote.archived ? 'Restore' : 'Archive'} ${remote.name}`,
      icon: (remote) =>
        remote.archived ? <IconArchiveOff size={12} aria-hidden /> : <IconArchive size={12} aria-hidden />,
      deniedReason: updateDenied,
      deniable,
      isBusy: (remote) => props.busyId === remote.id,
      onAction: props.onArchive,
    },
    {
      label: 'Delete',
      accessibleName: (remote) => `Delete ${remote.name}`,
      icon: () => <IconTrash size={12} aria-hidden />,
      color: 'red',
      deniedReason: updateDenied,
      deniable,
      onAction: props.onDelete,
    },
  ];
  return (
    <DataTable
      label="Git remotes"
      what="Git remotes"
      rows={props.remotes}
      rowKey={(remote) => remote.id}
      columns={COLUMNS}
      sort={props.sort}
      onSortChange={props.onSearchChange}
      rowActions={actions}
      unreadable={props.unreadable}
      failure={props.failure}
      onRetry={props.onRetry}
      isFetching={props.isFetching}
      skeletonRows={3}
      emptyTitle={filterText === '' ? 'No Git remotes' : `No Git remotes match “${filterText}”`}
      emptyHint="Git remotes are the repositories OpsChain fetches actions from."
      minWidth={640}
    />
  );
}
