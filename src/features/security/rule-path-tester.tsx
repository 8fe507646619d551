import { List, Stack, Text } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { actionNamesIn, compileRulePath, testRulePath } from '@/lib/rule-tester';

export interface RulePathTesterProps {
  path: string;
  nodePaths: readonly string[];
}

const SHOWN = 25;

/** The live tester: which loaded node paths (and their checked sub-paths) the rule path matches. */
export function RulePathTester({ path, nodePaths }: RulePathTesterProps) {
  const deferred = useDeferredValue(path);
  const result = useMemo(() => {
    const check = compileRulePath(deferred);
    if (check.pattern === null) return null;
    const actions = actionNamesIn(deferred);
    return { ...testRulePath(check.pattern, nodePaths, actions, SHOWN), actions };
  }, [deferred, nodePaths]);
  if (result === null) return null;
  return (
    <Stack gap={4} role="region" aria-label="Rule tester">
      <Text size="sm" fw={600}>
        {result.total === 0
          ? `Matches none of the ${String(result.tried)} paths tried`
          : `Matches ${String(result.total)} of ${String(result.tried)} paths tried`}
      </Text>
      <Text size="xs" c="dimmed">
        Tried: each project, environment and asset you can see, and its /changes, /properties and /settings
        {result.actions.length > 0 ? `, and the actions the rule names (${result.actions.join(', ')})` : ''}.
      </Text>
      {result.shown.length > 0 ? (
        <List size="sm" spacing={0} aria-label="Matching paths" ff="monospace">
          {result.shown.map((matched) => (
            <List.Item key={matched}>{matched}</List.Item>
          ))}
        </List>
      ) : null}
      {result.total > result.shown.length ? (
        <Text size="sm" c="dimmed">
          and {String(result.total - result.shown.length)} more
        </Text>
      ) : null}
    </Stack>
  );
}
