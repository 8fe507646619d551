import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { failureMessage } from '@/api/failures';
import { UnreadableRowsNotice } from '@/ui/unreadable-rows-notice';
import type { Level, TreeRow } from './tree-model';
import { ROOT } from './use-tree-levels';

export interface TreeLevelErrorsProps {
  root: Level;
  levels: ReadonlyMap<string, Level>;
  rows: readonly TreeRow[];
  onRetry: (parent: string) => void;
}

interface Failure {
  parent: string;
  what: string;
  error: unknown;
}

/**
 * Levels that failed to load, each with its reason and a Retry button, and children that could not be read
 * (outside the tree's rows).
 */
export function TreeLevelErrors({ root, levels, rows, onRetry }: TreeLevelErrorsProps) {
  const failures: Failure[] = [];
  if (root.status === 'error') failures.push({ parent: ROOT, what: 'The projects', error: root.error });
  for (const row of rows) {
    if (row.childStatus !== 'error') continue;
    failures.push({
      parent: row.node.path,
      what: `The contents of ${row.node.name}`,
      error: levels.get(row.node.path)?.error,
    });
  }
  const unreadable = rows.flatMap((row) => {
    const level = row.childStatus === null ? undefined : levels.get(row.node.path);
    const found = level?.unreadable ?? [];
    return found.length === 0 ? [] : [{ parent: row.node.path, name: row.node.name, rows: found }];
  });
  if (failures.length === 0 && unreadable.length === 0 && (root.unreadable ?? []).length === 0) return null;
  return (
    <Stack gap={4}>
      <UnreadableRowsNotice rows={root.unreadable ?? []} what="projects" />
      {unreadable.map((entry) => (
        <UnreadableRowsNotice
          key={entry.parent}
          rows={entry.rows}
          what={`children of ${entry.name}`}
          one={`child of ${entry.name}`}
        />
      ))}
      {failures.map((failure) => (
        <Alert
          key={failure.parent}
          color="red"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={16} aria-hidden />}
        >
          <Text size="xs" fw={600}>
            {failure.what} could not be loaded.
          </Text>
          <Text size="xs">{failureMessage(failure.error)}</Text>
          <Group mt={4}>
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconRefresh size={12} aria-hidden />}
              onClick={() => {
                onRetry(failure.parent);
              }}
            >
              Retry
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
