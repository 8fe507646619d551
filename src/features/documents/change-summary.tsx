import { Code, List, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { diffJson, type JsonChange, type JsonRecord } from '@/lib/json-merge3';

export interface ChangeSummaryProps {
  before: JsonRecord;
  after: JsonRecord;
  /** Names the list: "Changes from version 2 to version 3". */
  label: string;
}

const KIND_LABELS: Record<JsonChange['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};
const LISTED = 50;

/** The values that differ between two versions, by JSON pointer: the diff editor's findings as a list. */
export function ChangeSummary({ before, after, label }: ChangeSummaryProps) {
  const changes = useMemo(() => diffJson(before, after), [before, after]);
  if (changes.length === 0) return <Text size="sm">No differences.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {changes.length === 1 ? '1 value differs' : `${String(changes.length)} values differ`}
      </Text>
      <List size="sm" aria-label={label}>
        {changes.slice(0, LISTED).map((change) => (
          <List.Item key={change.pointer}>
            {KIND_LABELS[change.kind]} <Code>{change.pointer}</Code>
          </List.Item>
        ))}
        {changes.length > LISTED ? <List.Item>and {changes.length - LISTED} more</List.Item> : null}
      </List>
    </Stack>
  );
}
