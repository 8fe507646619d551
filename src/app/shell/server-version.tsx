import { Badge, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
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
        <Tooltip label={EMULATOR_HINT} multiline w={240} withArrow>
          {/* Focusable so keyboard users get the tooltip too; screen readers read the hidden text. */}
          <Badge size="xs" variant="light" color="gray" tabIndex={0}>
            Emulator
            <VisuallyHidden>: {EMULATOR_HINT}</VisuallyHidden>
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
