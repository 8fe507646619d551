import { Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { infoQuery } from '@/api/info';

/** "OpsChain 2025-04-25", with the API and runner versions on hover. */
export function ServerVersion() {
  const { data, isError } = useQuery(infoQuery());
  if (isError) {
    return (
      <Text size="xs" c="dimmed">
        Server version unavailable
      </Text>
    );
  }
  if (data === undefined) {
    return (
      <Text size="xs" c="dimmed">
        Connecting…
      </Text>
    );
  }
  return (
    <Tooltip label={`API ${data.api_version} · runner ${data.runner_image}`} withArrow>
      <Text size="xs" c="dimmed" tabIndex={0}>
        OpsChain {data.version}
      </Text>
    </Tooltip>
  );
}
