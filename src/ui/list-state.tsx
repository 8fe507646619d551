import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { TableSkeleton } from './table-skeleton';

export interface ListStateProps {
  /** Plural noun for labels: "Git remotes" ("Loading Git remotes", "The Git remotes could not be loaded"). */
  what: string;
  /** How many rows the server answered; undefined until the first answer (a skeleton shows meanwhile). */
  count: number | undefined;
  /** Why the list could not be loaded, or null. @default null */
  failure?: string | null;
  /** Offered as Retry on the failure. */
  onRetry?: (() => void) | undefined;
  /** A request is running: the Retry button spins. @default false */
  isFetching?: boolean;
  /** Filters narrow the list: an empty answer then means "nothing matches", not "nothing yet". @default false */
  isFiltered?: boolean;
  /** Title of the empty answer to a filtered list: `No environments match “eu”`. @default emptyTitle */
  filteredEmptyTitle?: string;
  /** What to do about a filtered empty list. */
  filteredEmptyHint?: ReactNode;
  /** Offered as a button on a filtered empty list. */
  onClearFilters?: (() => void) | undefined;
  /** The clear button's text. @default 'Clear the filter' */
  clearFiltersLabel?: string;
  /** Title of the empty answer to an unfiltered list: "No active environments". */
  emptyTitle: string;
  /** What the list is for and how to add to it. */
  emptyHint?: ReactNode;
  /** How many placeholder rows while loading. @default 5 */
  skeletonRows?: number;
  /** Rows came that could not be read (a notice shows them): an otherwise empty answer is then not "empty". @default false */
  hasUnreadableRows?: boolean;
  /** The filled list, shown when there are rows. */
  children: ReactNode;
}

/** The loading, failed, empty, filtered-empty and filled states of a server-side list. */
export function ListState({
  what,
  count,
  failure = null,
  onRetry,
  isFetching = false,
  isFiltered = false,
  filteredEmptyTitle,
  filteredEmptyHint,
  onClearFilters,
  clearFiltersLabel = 'Clear the filter',
  emptyTitle,
  emptyHint,
  skeletonRows = 5,
  hasUnreadableRows = false,
  children,
}: ListStateProps) {
  if (failure !== null) {
    return (
      <ErrorState
        title={`The ${what} could not be loaded`}
        message={failure}
        onRetry={onRetry}
        isRetrying={isFetching}
      />
    );
  }
  if (count === undefined) return <TableSkeleton label={`Loading ${what}`} rows={skeletonRows} />;
  if (count > 0) return children;
  // Every row was unreadable: the notice of unreadable rows says so; "nothing here" would be wrong.
  if (hasUnreadableRows) return null;
  if (!isFiltered) return <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>;
  return (
    <EmptyState
      title={filteredEmptyTitle ?? emptyTitle}
      action={
        onClearFilters === undefined ? undefined : (
          <Button variant="default" size="xs" onClick={onClearFilters}>
            {clearFiltersLabel}
          </Button>
        )
      }
    >
      {filteredEmptyHint}
    </EmptyState>
  );
}
