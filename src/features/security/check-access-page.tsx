import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accessDataQuery } from '@/api/authorisation';
import { failureMessage } from '@/api/failures';
import { nodePathsQuery } from '@/api/node-paths';
import { groupListQuery, userListQuery } from '@/api/users';
import { explainAccess, principalLabel } from '@/lib/access-model';
import { ErrorState } from '@/ui/error-state';
import { PageSkeleton } from '@/ui/page-skeleton';
import { AccessAnswerCard } from './access-answer';
import { CheckAccessForm } from './check-access-form';
import { parseWho, principalOf, type CheckAccessSearch } from './security-search';

export interface CheckAccessPageProps {
  search: CheckAccessSearch;
  onSearchChange: (patch: Partial<CheckAccessSearch>) => void;
}

/**
 * "What can this user do here, and why": read, update and execute at a path, decided in the browser from the
 * rules, policies and assignments the API lists, with the same ranking the server uses (contract/authz.ts).
 */
export function CheckAccessPage({ search, onSearchChange }: CheckAccessPageProps) {
  const access = useQuery(accessDataQuery());
  const users = useQuery(userListQuery());
  const groups = useQuery(groupListQuery());
  const nodePaths = useQuery(nodePathsQuery());
  const who = parseWho(search.who);
  const path = search.path ?? '';

  const groupsByUser = useMemo(
    () => new Map((users.data?.items ?? []).map((user) => [user.username, user.groupnames])),
    [users.data],
  );
  const answer = useMemo(() => {
    if (access.data === undefined || who === null || path.trim() === '') return null;
    const principal = principalOf(who, (username) => groupsByUser.get(username) ?? []);
    return explainAccess(access.data.data, principal, path);
  }, [access.data, who, path, groupsByUser]);

  let body;
  if (access.isPending) body = <PageSkeleton label="Loading rules and policies" />;
  else if (access.isError) {
    body = (
      <ErrorState
        title="Rules and policies could not be loaded"
        message={failureMessage(access.error)}
        onRetry={() => void access.refetch()}
      />
    );
  } else if (answer === null) {
    body = (
      <Text c="dimmed" size="sm">
        Pick who and type a path to see what they may do there, and why.
      </Text>
    );
  } else {
    body = (
      <Stack gap="sm" aria-live="polite">
        <Text size="sm">
          What {principalLabel(answer.principal)} may do at{' '}
          <Text span ff="monospace">
            {answer.path}
          </Text>
          {who?.kind === 'user' && !groupsByUser.has(who.username)
            ? ' (this user is not in the user list, so no group memberships are assumed)'
            : ''}
          :
        </Text>
        <SimpleGrid cols={{ base: 1 }} spacing="sm">
          {answer.answers.map((permissionAnswer) => (
            <AccessAnswerCard key={permissionAnswer.permission} answer={permissionAnswer} />
          ))}
        </SimpleGrid>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>Check access</Title>
        <Text c="dimmed" size="sm">
          Rules match paths by regular expression. Among the rules that match, system policies win, then the
          longer rule path, then a user assignment over a group over everyone; equally ranked rules that
          disagree deny, and no match means no access. Reading a node needs read on it and every ancestor.
        </Text>
      </Stack>
      {access.data !== undefined && access.data.unreadable.length > 0 ? (
        <Alert color="yellow" title="Some authorisation records could not be read">
          {access.data.unreadable
            .map((entry) => `${String(entry.rows.length)} of the ${entry.list}`)
            .join('; ')}{' '}
          were left out, so the answers below may be incomplete.
        </Alert>
      ) : null}
      <CheckAccessForm
        who={who}
        path={path}
        usernames={(users.data?.items ?? []).map((user) => user.username)}
        groupnames={(groups.data?.items ?? []).map((group) => group.cn)}
        pathSuggestions={nodePaths.data ?? []}
        onChange={onSearchChange}
      />
      {users.isError ? (
        <Text size="sm" c="dimmed">
          The user list could not be read ({failureMessage(users.error)}), so users cannot be picked and their
          groups are unknown; groups and everyone can still be checked.
        </Text>
      ) : null}
      {body}
    </Stack>
  );
}
