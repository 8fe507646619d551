import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isEmulatorQuery } from '@/api/backend';
import { infoQuery } from '@/api/info';

const EMULATOR_HINT = 'The API is served by the embedded OpsChain emulator, not a real OpsChain server';

/** "OpsChain 2025-04-25 · API 7.1.5.1", from `/api/info`, marked "Emulator" when the emulator answers. */
export function ServerVersion() {
  const { data, isError } = useQuery(infoQuery());
  const { data: isEmulator } = useQuery(isEmulatorQuery());
  if (isError) {
    return (
      <Text size="xs" c="dimmed">
        Server version unavailable
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {data === undefined ? 'Connecting…' : `OpsChain ${data.version} · API ${data.api_version}`}
      </Text>
      {isEmulator === true && (
        // The browser's own tooltip (title) for the mouse and hidden text for screen readers: a Mantine
        // Tooltip here would pull Floating UI (~15 KB gzip) into the first-load shell for one hint.
        <Badge size="xs" variant="light" color="gray" title={EMULATOR_HINT}>
          Emulator
          <VisuallyHidden>: {EMULATOR_HINT}</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}
