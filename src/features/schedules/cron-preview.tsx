import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { cronProblem, describeCron, formatUtc, nextRuns } from '@/lib/cron';

export interface CronPreviewProps {
  expression: string;
  now: Date;
}

const localFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** The expression in words and its next five runs in UTC and in the reader's time, or why it is refused. */
export function CronPreview({ expression, now }: CronPreviewProps) {
  const problem = useMemo(() => cronProblem(expression, now), [expression, now]);
  const runs = useMemo(
    () => (problem === null ? nextRuns(expression, 5, now) : []),
    [expression, now, problem],
  );
  if (problem !== null) return null;
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm" fw={600}>
        {describeCron(expression) ?? expression} (UTC)
      </Text>
      <Table withTableBorder withColumnBorders fz="sm" aria-label="Next five runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Next runs (UTC)</Table.Th>
            <Table.Th scope="col">Your time</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.getTime()}>
              <Table.Td>{formatUtc(run)}</Table.Td>
              <Table.Td>{localFormat.format(run)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
