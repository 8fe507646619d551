import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { distinctProblems, type UnreadableRow } from '@/lib/list-rows';

const MAX_IDS = 5;

export interface UnreadableRowsNoticeProps {
  /** Rows of the list that did not match the API contract; nothing is shown when there are none. */
  rows: readonly UnreadableRow[];
  /** Plural noun of the list's rows: "events". */
  what: string;
  /** Singular noun. @default `what` without its final "s" */
  one?: string;
}

/** "1 event could not be read: id 42, attributes.username: expected string" */
export function unreadableRowsSummary(rows: readonly UnreadableRow[], what: string, one: string): string {
  const count = rows.length === 1 ? `1 ${one}` : `${String(rows.length)} ${what}`;
  const ids = rows.flatMap((row) => (row.id === null ? [] : [row.id]));
  const idText =
    ids.length === 0
      ? ''
      : `${ids.length === 1 ? 'id' : 'ids'} ${ids.slice(0, MAX_IDS).join(', ')}${ids.length > MAX_IDS ? '…' : ''}; `;
  return `${count} could not be read (${idText}${distinctProblems(rows).join('; ')})`;
}

/**
 * Marks the rows of a list the console could not read, in place of the rows themselves, so one unexpected
 * row is neither hidden nor able to take the whole list down. For lists and tables alike.
 */
export function UnreadableRowsNotice({
  rows,
  what,
  one = what.replace(/s$/, ''),
}: UnreadableRowsNoticeProps) {
  if (rows.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      role="status"
      aria-label={`Unreadable ${what}`}
      icon={<IconAlertTriangle aria-hidden />}
      p="xs"
    >
      <Text size="sm">
        {unreadableRowsSummary(rows, what, one)}. The console and the server may be different versions.
      </Text>
    </Alert>
  );
}
