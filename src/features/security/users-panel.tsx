import { Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listQueryState } from '@/api/list-query-state';
import { userListQuery, type User } from '@/api/users';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { AnchorLink } from '@/ui/router-links';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';
import { PrincipalDetail } from './principal-detail';
import { formatWho } from './security-search';

const USER_SORT_COLUMNS = ['username', 'auth_provider', 'created_at'] as const;
type UserSortColumn = (typeof USER_SORT_COLUMNS)[number];

const COLUMNS: readonly DataTableColumn<User, UserSortColumn>[] = [
  {
    key: 'username',
    header: 'Username',
    sortKey: 'username',
    isSticky: true,
    render: (user) => (
      <Text size="sm" fw={600}>
        {user.username}
      </Text>
    ),
  },
  {
    key: 'groups',
    header: 'Groups',
    render: (user) =>
      user.groupnames.length === 0 ? (
        <Text size="sm" c="dimmed">
          none
        </Text>
      ) : (
        <Group gap={4}>
          {user.groupnames.map((group) => (
            <StatusBadge key={group} tone="neutral">
              {group}
            </StatusBadge>
          ))}
        </Group>
      ),
  },
  {
    key: 'auth_provider',
    header: 'Sign-in',
    sortKey: 'auth_provider',
    render: (user) => <Text size="sm">{user.auth_provider === 'ldap' ? 'LDAP' : 'Local account'}</Text>,
  },
  {
    key: 'created_at',
    header: 'First seen',
    sortKey: 'created_at',
    isLowPriority: true,
    render: (user) => (
      <Text size="sm">
        <Timestamp value={user.created_at} />
      </Text>
    ),
  },
  {
    key: 'check',
    header: 'Access',
    render: (user) => (
      <AnchorLink
        to="/security/check"
        search={{ who: formatWho({ kind: 'user', username: user.username }) }}
        size="sm"
        aria-label={`Check access of ${user.username}`}
      >
        Check access
      </AnchorLink>
    ),
  },
];

export interface UsersSearch extends ListSearch {
  user?: string | undefined;
}

export interface UsersPanelProps {
  search: UsersSearch;
  onSearchChange: (patch: Partial<UsersSearch>) => void;
}

/** The users OpsChain knows (LDAP users appear after their first sign-in) and their groups. */
export function UsersPanel({ search, onSearchChange }: UsersPanelProps) {
  const text = (search.q ?? '').trim();
  const sort = resolveSort(search, USER_SORT_COLUMNS, { column: 'username', direction: 'asc' });
  const users = useQuery({
    ...userListQuery({ filters: { username_cont: text === '' ? undefined : text }, sorts: sortSpec(sort) }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm">
      <ListFilterBar
        search={search}
        onSearchChange={onSearchChange}
        what="users"
        matches="username"
        hasArchived={false}
      />
      <DataTable
        label="Users"
        what="users"
        {...listQueryState(users)}
        rowKey={(user) => user.id}
        columns={COLUMNS}
        sort={sort}
        onSortChange={onSearchChange}
        skeletonRows={4}
        emptyTitle={text === '' ? 'No users' : `No users match “${text}”`}
        emptyHint="LDAP users appear here after they first sign in."
        minWidth={560}
        activeRowKey={
          search.user === undefined
            ? undefined
            : users.data?.items.find((user) => user.username === search.user)?.id
        }
        rowActions={[
          {
            label: 'Open',
            accessibleName: (user) => `Open user ${user.username}`,
            deniedReason: null,
            onAction: (user) => {
              onSearchChange({ user: user.username });
            },
          },
        ]}
      />
      {search.user === undefined ? null : (
        <PrincipalDetail key={search.user} principal={{ kind: 'user', username: search.user }} />
      )}
    </Stack>
  );
}
