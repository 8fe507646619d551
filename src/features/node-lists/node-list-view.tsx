import { Button, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { failureMessage } from '@/api/failures';
import { toggleSort, type ListSearch, type ListSort } from '@/lib/list-search';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { TableSkeleton } from '@/ui/table-skeleton';
import { NodeListTable, type NodeListRow, type NodeSortColumn } from './node-list-table';

export interface NodeListViewProps {
  result: UseQueryResult<NodeListRow[]>;
  search: ListSearch;
  sort: ListSort<NodeSortColumn>;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  /** "environments" */
  what: string;
  caption: string;
  /** Shown when nothing exists yet: what the list is for and how to add one. */
  emptyHint: ReactNode;
  toolbar: ReactNode;
}

/** Loading, failure, empty and filled states of a node list, below its toolbar. */
export function NodeListView({
  result,
  search,
  sort,
  onSearchChange,
  what,
  caption,
  emptyHint,
  toolbar,
}: NodeListViewProps) {
  const isFiltered = (search.q ?? '') !== '';
  let body: ReactNode;
  if (result.isPending) body = <TableSkeleton label={`Loading ${what}`} />;
  else if (result.isError) {
    body = (
      <ErrorState
        title={`The ${what} could not be loaded`}
        message={failureMessage(result.error)}
        onRetry={() => void result.refetch()}
        isRetrying={result.isFetching}
      />
    );
  } else if (result.data.length === 0) {
    body = isFiltered ? (
      <EmptyState
        title={`No ${what} match “${search.q ?? ''}”`}
        action={
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              onSearchChange({ q: undefined });
            }}
          >
            Clear the filter
          </Button>
        }
      />
    ) : (
      <EmptyState title={search.archived === true ? `No ${what}` : `No active ${what}`}>
        {emptyHint}
      </EmptyState>
    );
  } else {
    body = (
      <NodeListTable
        rows={result.data}
        sort={sort}
        caption={caption}
        onSort={(column) => {
          onSearchChange(toggleSort(sort, column));
        }}
      />
    );
  }
  return (
    <Stack gap="sm" aria-busy={result.isFetching}>
      {toolbar}
      {body}
      {result.isSuccess && result.data.length > 0 ? (
        <Text size="xs" c="dimmed" aria-live="polite">
          {result.data.length === 1 ? `1 ${what.replace(/s$/, '')}` : `${String(result.data.length)} ${what}`}
          {isFiltered ? ' match the filter' : ''}
        </Text>
      ) : null}
    </Stack>
  );
}
