import { Code, List, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { diffLines, type LineChange } from '@/lib/line-diff';

const MAX_SHOWN = 50;

// Theme-aware, each pair at least 4.5:1 (axe) in both schemes.
const REMOVED = {
  color: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-2))',
  background: 'light-dark(var(--mantine-color-red-0), var(--mantine-color-dark-6))',
  whiteSpace: 'pre-wrap',
} as const;
const ADDED = {
  color: 'light-dark(#1e6b2f, var(--mantine-color-green-3))',
  background: 'light-dark(var(--mantine-color-green-0), var(--mantine-color-dark-6))',
  whiteSpace: 'pre-wrap',
} as const;

export interface LineChangesProps {
  original: string;
  modified: string;
  /** Names the list: "Changed lines from version 1 to version 2". */
  label: string;
  /** What the two sides are called in each entry: `['version 1', 'version 2']`. */
  sideNames: readonly [string, string];
}

function lineRange(start: number, count: number): string {
  return count <= 1 ? `line ${String(start)}` : `lines ${String(start)}–${String(start + count - 1)}`;
}

function describeChange(change: LineChange, [before, after]: readonly [string, string]): string {
  if (change.removed.length === 0)
    return `Added in ${after} at ${lineRange(change.modifiedStart, change.added.length)}`;
  if (change.added.length === 0)
    return `Removed from ${before} at ${lineRange(change.originalStart, change.removed.length)}`;
  return `Changed: ${before} ${lineRange(change.originalStart, change.removed.length)}, ${after} ${lineRange(change.modifiedStart, change.added.length)}`;
}

/** The lines that differ between two texts, as a list a screen reader can read (the diff editor's colours aside). */
export function LineChanges({ original, modified, label, sideNames }: LineChangesProps) {
  const changes = useMemo(() => diffLines(original, modified), [original, modified]);
  if (changes === null)
    return (
      <Text size="sm" c="dimmed">
        These texts are too large to list their differences here; the editor below marks them.
      </Text>
    );
  if (changes.length === 0) return <Text size="sm">The two texts are identical.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {changes.length === 1 ? '1 change' : `${String(changes.length)} changes`}
        {changes.length > MAX_SHOWN ? ` (the first ${String(MAX_SHOWN)} listed)` : ''}
      </Text>
      <List size="sm" spacing={4} aria-label={label} listStyleType="none">
        {changes.slice(0, MAX_SHOWN).map((change) => (
          <List.Item key={`${String(change.originalStart)}-${String(change.modifiedStart)}`}>
            <Text size="sm">{describeChange(change, sideNames)}</Text>
            {change.removed.map((line, index) => (
              <Code key={`r${String(index)}`} block style={REMOVED}>
                {`- ${line}`}
              </Code>
            ))}
            {change.added.map((line, index) => (
              <Code key={`a${String(index)}`} block style={ADDED}>
                {`+ ${line}`}
              </Code>
            ))}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
