import { Code, Group, Table, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconKey, IconTrash } from '@tabler/icons-react';
import type { GitRemote } from '@/api/git-remotes';
import { authDescription } from '@/lib/git-credentials';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import { toggleSort, type ListSearch, type ListSort } from '@/lib/list-search';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { SortableHeader } from '@/ui/sortable-header';
import { Timestamp } from '@/ui/timestamp';
import { StatusBadge } from '@/ui/status-badge';

export const REMOTE_SORT_COLUMNS = ['name', 'url', 'archived', 'created_at'] as const;
export type RemoteSortColumn = (typeof REMOTE_SORT_COLUMNS)[number];

const LABELS: Record<RemoteSortColumn, string> = {
  name: 'Name',
  url: 'URL',
  archived: 'Status',
  created_at: 'Added',
};

export interface GitRemotesTableProps {
  remotes: readonly GitRemote[];
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
  const { remotes, sort, onSearchChange, updateDenied, deniable, busyId } = props;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Git remotes">
        <Table.Thead>
          <Table.Tr>
            {REMOTE_SORT_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                label={LABELS[column]}
                direction={sort.column === column ? sort.direction : null}
                onSort={() => {
                  onSearchChange(toggleSort(sort, column));
                }}
              />
            ))}
            <Table.Th>Authentication</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {remotes.map((remote) => (
            <Table.Tr key={remote.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {remote.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{maskUrlCredentials(remote.url)}</Code>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge tone={remote.archived ? 'neutral' : 'positive'}>
                    {remote.archived ? 'Archived' : 'Active'}
                  </StatusBadge>
                  {remote.disabled ? <StatusBadge tone="warning">Disabled</StatusBadge> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Timestamp value={remote.created_at} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{authDescription(remote)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconKey size={12} aria-hidden />}
                    deniedReason={updateDenied}
                    deniable={deniable}
                    onClick={() => {
                      props.onCredentials(remote);
                    }}
                    aria-label={`Replace credentials of ${remote.name}`}
                  >
                    Credentials
                  </GuardedButton>
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    leftSection={
                      remote.archived ? (
                        <IconArchiveOff size={12} aria-hidden />
                      ) : (
                        <IconArchive size={12} aria-hidden />
                      )
                    }
                    deniedReason={updateDenied}
                    deniable={deniable}
                    loading={busyId === remote.id}
                    onClick={() => {
                      props.onArchive(remote);
                    }}
                    aria-label={`${remote.archived ? 'Restore' : 'Archive'} ${remote.name}`}
                  >
                    {remote.archived ? 'Restore' : 'Archive'}
                  </GuardedButton>
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={12} aria-hidden />}
                    deniedReason={updateDenied}
                    deniable={deniable}
                    onClick={() => {
                      props.onDelete(remote);
                    }}
                    aria-label={`Delete ${remote.name}`}
                  >
                    Delete
                  </GuardedButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
