import { Alert, List, Stack, Text } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { accessChanges, impactSentence, summariseImpact, type AccessData } from '@/lib/access-model';
import { lockoutPaths } from '@/lib/rule-tester';
import type { SecurityContext } from './use-security-context';

export interface ImpactPreviewProps {
  context: SecurityContext;
  /** The objects as they would be after saving; null while the draft cannot be evaluated. */
  after: AccessData | null;
}

const MAX_LINES = 12;

/**
 * What saving would change: every user × loaded node path × checked permission whose decision differs,
 * folded into sentences ("viewer loses read on /projects/bank and 14 nodes below"), and a warning when the
 * signed-in user would lose the security pages themselves.
 */
export function ImpactPreview({ context, after }: ImpactPreviewProps) {
  const deferred = useDeferredValue(after);
  const { access: before, users, nodePaths, currentUser } = context;
  const impact = useMemo(() => {
    if (before === undefined || deferred === null) return null;
    const lines = summariseImpact(accessChanges(before, deferred, users, nodePaths));
    const lockout = currentUser === null ? [] : lockoutPaths(before, deferred, currentUser);
    return { lines, lockout };
  }, [before, deferred, users, nodePaths, currentUser]);

  if (impact === null) return null;
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm" fw={600}>
        Impact of saving
      </Text>
      {impact.lockout.length > 0 ? (
        <Alert color="red" title="You would lock yourself out">
          After saving, you ({currentUser?.username}) could no longer read {impact.lockout.join(' and ')}: the
          Security pages would close to you, and you could not undo this change yourself.
        </Alert>
      ) : null}
      {impact.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decision changes for the {String(users.length)} known users on the {String(nodePaths.length)}{' '}
          node paths you can see.
        </Text>
      ) : (
        <List size="sm" spacing={2} aria-label="Decisions that change">
          {impact.lines.slice(0, MAX_LINES).map((line) => {
            const sentence = impactSentence(line);
            return <List.Item key={sentence}>{sentence}</List.Item>;
          })}
          {impact.lines.length > MAX_LINES ? (
            <List.Item>and {String(impact.lines.length - MAX_LINES)} more changes</List.Item>
          ) : null}
        </List>
      )}
    </Stack>
  );
}
