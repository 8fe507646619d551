import { Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accessDataQuery } from '@/api/authorisation';
import { failureMessage } from '@/api/failures';
import { userListQuery } from '@/api/users';
import { policiesReaching, type Principal } from '@/lib/access-model';
import { ErrorState } from '@/ui/error-state';
import { AnchorLink } from '@/ui/router-links';
import { StatusBadge } from '@/ui/status-badge';
import { TableSkeleton } from '@/ui/table-skeleton';
import { formatWho } from './security-search';

/** Who the detail is about: a user by name, or a group by its common name. */
export type PrincipalRef = { kind: 'user'; username: string } | { kind: 'group'; groupname: string };

function nameOf(ref: PrincipalRef): string {
  return ref.kind === 'user' ? `User ${ref.username}` : `Group ${ref.groupname}`;
}

/**
 * One user or group, opened below the Users or Groups list: their groups (or known members), every policy
 * that reaches them and how (directly, through a group, as everyone), and a way on to Check access.
 */
export function PrincipalDetail({ principal }: { principal: PrincipalRef }) {
  const users = useQuery(userListQuery());
  const access = useQuery(accessDataQuery());
  const user =
    principal.kind === 'user'
      ? users.data?.items.find((item) => item.username === principal.username)
      : undefined;
  const members = useMemo(
    () =>
      principal.kind === 'group'
        ? (users.data?.items ?? [])
            .filter((item) => item.groupnames.includes(principal.groupname))
            .map((item) => item.username)
        : [],
    [principal, users.data],
  );
  const asPrincipal: Principal | null =
    principal.kind === 'group'
      ? { kind: 'group', groupname: principal.groupname }
      : users.data === undefined
        ? null
        : { kind: 'user', username: principal.username, groups: user?.groupnames ?? [] };
  const reach =
    access.data === undefined || asPrincipal === null
      ? null
      : policiesReaching(access.data.data, asPrincipal);
  const title = nameOf(principal);
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3">
            {title}
          </Title>
          <AnchorLink
            to="/security/check"
            search={{
              who: formatWho(
                principal.kind === 'user'
                  ? { kind: 'user', username: principal.username }
                  : { kind: 'group', groupname: principal.groupname },
              ),
            }}
            size="sm"
          >
            Check what {principal.kind === 'user' ? principal.username : `members of ${principal.groupname}`}{' '}
            may do
          </AnchorLink>
        </Group>
        {users.isError ? (
          <Text size="sm">The users could not be listed: {failureMessage(users.error)}</Text>
        ) : principal.kind === 'user' ? (
          users.isPending ? null : user === undefined ? (
            <Text size="sm">
              OpsChain does not know {principal.username} (LDAP users appear after their first sign-in).
            </Text>
          ) : (
            <Text size="sm" component="div">
              {user.groupnames.length === 0 ? (
                'Member of no group.'
              ) : (
                <>
                  Member of{' '}
                  {user.groupnames.map((groupname, index) => (
                    <span key={groupname}>
                      {index === 0 ? '' : ', '}
                      <AnchorLink to="/security/groups" search={{ group: groupname }} size="sm">
                        {groupname}
                      </AnchorLink>
                    </span>
                  ))}
                  .
                </>
              )}{' '}
              Signs in with {user.auth_provider === 'ldap' ? 'LDAP' : 'a local account'}.
            </Text>
          )
        ) : users.isPending ? null : members.length === 0 ? (
          <Text size="sm">No known members (members appear once they have signed in).</Text>
        ) : (
          <Stack gap={2}>
            <Text size="sm">Known members:</Text>
            <List size="sm">
              {members.map((username) => (
                <List.Item key={username}>
                  <AnchorLink to="/security/users" search={{ user: username }} size="sm">
                    {username}
                  </AnchorLink>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Title order={3} size="h4">
          Policies that apply
        </Title>
        {access.isError ? (
          <ErrorState
            title="The policies could not be read"
            message={failureMessage(access.error)}
            onRetry={() => void access.refetch()}
            isRetrying={access.isFetching}
          />
        ) : reach === null ? (
          <TableSkeleton label="Loading the policies" rows={3} />
        ) : reach.length === 0 ? (
          <Text size="sm">
            No policy reaches {principal.kind === 'user' ? principal.username : 'this group'}: OpsChain denies
            everything a rule does not allow.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label={`Policies that apply to ${title.toLowerCase()}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Policy</Table.Th>
                  <Table.Th>Reaches {principal.kind === 'user' ? 'them' : 'members'}</Table.Th>
                  <Table.Th>Rules</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reach.map((item) => (
                  <Table.Tr key={item.policyId}>
                    <Table.Td>
                      <Group gap={6}>
                        <AnchorLink to="/security/policies" search={{ policy: item.policyId }} size="sm">
                          {item.policyName}
                        </AnchorLink>
                        {item.system ? <StatusBadge tone="neutral">System</StatusBadge> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.via.join('; ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.ruleCount}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {principal.kind === 'group' ? (
          <Text size="xs" c="dimmed">
            A member may hold more through their own assignments: open the member to see all of theirs.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
