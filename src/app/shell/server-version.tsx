import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { infoQuery } from '@/api/info';

/** "OpsChain 2025-04-25 · API 7.1.5.1", from `/api/info`. */
export function ServerVersion() {
  const { data, isError } = useQuery(infoQuery());
  if (isError) {
    return (
      <Text size="xs" c="dimmed">
        Server version unavailable
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {data === undefined ? 'Connecting…' : `OpsChain ${data.version} · API ${data.api_version}`}
    </Text>
  );
}
