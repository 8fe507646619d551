import { Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listQueryState } from '@/api/list-query-state';
import { groupListQuery, userListQuery, type Group } from '@/api/users';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { AnchorLink } from '@/ui/router-links';
import { PrincipalDetail } from './principal-detail';
import { formatWho } from './security-search';

const GROUP_SORT_COLUMNS = ['cn'] as const;
type GroupSortColumn = (typeof GROUP_SORT_COLUMNS)[number];

export interface GroupsSearch extends ListSearch {
  group?: string | undefined;
}

export interface GroupsPanelProps {
  search: GroupsSearch;
  onSearchChange: (patch: Partial<GroupsSearch>) => void;
}

/** LDAP groups (policy assignments and approvals name them), with the known users in each. */
export function GroupsPanel({ search, onSearchChange }: GroupsPanelProps) {
  const text = (search.q ?? '').trim();
  const sort = resolveSort(search, GROUP_SORT_COLUMNS, { column: 'cn', direction: 'asc' });
  const groups = useQuery({
    ...groupListQuery({ filters: { cn_cont: text === '' ? undefined : text }, sorts: sortSpec(sort) }),
    placeholderData: keepPreviousData,
  });
  const users = useQuery(userListQuery());
  const membersOf = (group: Group): string[] =>
    (users.data?.items ?? [])
      .filter((user) => user.groupnames.includes(group.cn))
      .map((user) => user.username);
  const columns: readonly DataTableColumn<Group, GroupSortColumn>[] = [
    {
      key: 'cn',
      header: 'Name',
      sortKey: 'cn',
      isSticky: true,
      render: (group) => (
        <Text size="sm" fw={600}>
          {group.cn}
        </Text>
      ),
    },
    {
      key: 'dn',
      header: 'Distinguished name',
      isLowPriority: true,
      render: (group) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {group.id}
        </Text>
      ),
    },
    {
      key: 'members',
      header: 'Known members',
      render: (group) => {
        if (users.data === undefined)
          return (
            <Text size="sm" c="dimmed">
              {users.isError ? 'users not readable' : '…'}
            </Text>
          );
        const members = membersOf(group);
        return <Text size="sm">{members.length === 0 ? 'none yet' : members.join(', ')}</Text>;
      },
    },
    {
      key: 'check',
      header: 'Access',
      render: (group) => (
        <AnchorLink
          to="/security/check"
          search={{ who: formatWho({ kind: 'group', groupname: group.cn }) }}
          size="sm"
          aria-label={`Check access of group ${group.cn}`}
        >
          Check access
        </AnchorLink>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      <ListFilterBar
        search={search}
        onSearchChange={onSearchChange}
        what="groups"
        matches="name"
        hasArchived={false}
      />
      <DataTable
        label="Groups"
        what="groups"
        {...listQueryState(groups)}
        rowKey={(group) => group.id}
        columns={columns}
        sort={sort}
        onSortChange={onSearchChange}
        skeletonRows={4}
        emptyTitle={text === '' ? 'No groups' : `No groups match “${text}”`}
        emptyHint="Groups come from LDAP; members appear once they have signed in."
        minWidth={560}
        activeRowKey={
          search.group === undefined
            ? undefined
            : groups.data?.items.find((group) => group.cn === search.group)?.id
        }
        rowActions={[
          {
            label: 'Open',
            accessibleName: (group) => `Open group ${group.cn}`,
            deniedReason: null,
            onAction: (group) => {
              onSearchChange({ group: group.cn });
            },
          },
        ]}
      />
      {search.group === undefined ? null : (
        <PrincipalDetail key={search.group} principal={{ kind: 'group', groupname: search.group }} />
      )}
    </Stack>
  );
}
