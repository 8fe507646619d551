import { Loader, Group, Text } from '@mantine/core';

export interface LogStatusProps {
  lineCount: number;
  isDone: boolean;
  isLive: boolean;
  unreadableCount: number;
}

/** How far loading has come: lines so far and whether that is all. */
export function LogStatus({ lineCount, isDone, isLive, unreadableCount }: LogStatusProps) {
  const lines = `${lineCount.toLocaleString()} line${lineCount === 1 ? '' : 's'}`;
  const text = isDone
    ? `${lines} — complete`
    : isLive
      ? `${lines} — following the running change`
      : `${lines} loaded so far…`;
  return (
    <Group gap={6}>
      {isDone ? null : <Loader size={12} aria-hidden />}
      <Text size="xs" role="status">
        {text}
        {unreadableCount > 0 ? ` (${unreadableCount.toLocaleString()} unreadable lines left out)` : ''}
      </Text>
    </Group>
  );
}
