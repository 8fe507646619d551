import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UnreadableRow } from '@/lib/list-rows';
import { ListState } from './list-state';
import { UnreadableRowsNotice } from './unreadable-rows-notice';

export interface ListViewProps {
  /** Plural noun for labels and counts: "environments". */
  what: string;
  /** Filters and actions above the list. */
  toolbar: ReactNode;
  /** How many rows the server answered; undefined until the first answer (a skeleton shows meanwhile). */
  count: number | undefined;
  /** Rows the server answered that the console could not read: marked above the list. @default [] */
  unreadable?: readonly UnreadableRow[] | undefined;
  /** A request is running (first load, refetch or a changed filter): the list is marked busy. */
  isFetching: boolean;
  /** Why the list could not be loaded, or null. */
  failure: string | null;
  onRetry: () => void;
  /** Filters narrow the list: an empty answer then means "nothing matches", not "nothing yet". */
  isFiltered: boolean;
  /** Title of the empty answer to a filtered list: `No environments match “eu”`. */
  filteredEmptyTitle: string;
  onClearFilters: () => void;
  /** The clear button's text. @default 'Clear the filter' */
  clearFiltersLabel?: string;
  /** Title of the empty answer to an unfiltered list: "No active environments". */
  emptyTitle: string;
  /** What the list is for and how to add to it. */
  emptyHint: ReactNode;
  /** The filled list (a table), shown when there are rows. */
  children: ReactNode;
}

const NO_ROWS: readonly UnreadableRow[] = [];

/** The loading, failed, empty, filtered-empty and filled states of a server-side list, below its toolbar. */
export function ListView({
  what,
  toolbar,
  count,
  unreadable = NO_ROWS,
  isFetching,
  failure,
  onRetry,
  isFiltered,
  filteredEmptyTitle,
  onClearFilters,
  clearFiltersLabel = 'Clear the filter',
  emptyTitle,
  emptyHint,
  children,
}: ListViewProps) {
  return (
    <Stack gap="sm" aria-busy={isFetching}>
      {toolbar}
      {failure === null && count !== undefined ? (
        <UnreadableRowsNotice rows={unreadable} what={what} />
      ) : null}
      <ListState
        what={what}
        count={count}
        failure={failure}
        onRetry={onRetry}
        isFetching={isFetching}
        isFiltered={isFiltered}
        filteredEmptyTitle={filteredEmptyTitle}
        onClearFilters={onClearFilters}
        clearFiltersLabel={clearFiltersLabel}
        emptyTitle={emptyTitle}
        emptyHint={emptyHint}
        hasUnreadableRows={unreadable.length > 0}
      >
        {children}
      </ListState>
      {failure === null && count !== undefined && count > 0 ? (
        <Text size="xs" c="dimmed" aria-live="polite">
          {count === 1 ? `1 ${what.replace(/s$/, '')}` : `${String(count)} ${what}`}
          {isFiltered ? (count === 1 ? ' matches the filter' : ' match the filter') : ''}
        </Text>
      ) : null}
    </Stack>
  );
}
