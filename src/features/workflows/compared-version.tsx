import { Group, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import type { WorkflowVersion } from '@/api/workflows';
import { ErrorState } from '@/ui/error-state';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';
import { versionState } from './version-labels';

export interface ComparedVersionProps {
  number: number;
  query: UseQueryResult<WorkflowVersion>;
}

/** One side of a comparison: its state, who saved it and when; or why it could not be read. */
export function ComparedVersion({ number, query }: ComparedVersionProps) {
  if (query.isError)
    return (
      <ErrorState
        title={`Version ${String(number)} could not be read`}
        message={failureMessage(query.error)}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  const version = query.data;
  if (version === undefined) return <Text size="sm">Loading version {number}…</Text>;
  const state = versionState(version);
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        Version {version.version}
      </Text>
      <StatusBadge
        tone={state === 'published' ? 'positive' : state === 'draft' ? 'warning' : 'neutral'}
        size="xs"
      >
        {state}
      </StatusBadge>
      <Text size="sm" c="dimmed">
        saved by {version.created_by}, <Timestamp value={version.created_at} />
      </Text>
    </Group>
  );
}
