import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { failureMessage } from '@/api/failures';
import type { RowList } from '@/lib/list-rows';
import type { ListSearch, ListSort } from '@/lib/list-search';
import { ListView } from '@/ui/list-view';
import type { NodeSortColumn } from './list-filters';
import { NodeListTable, type NodeListRow } from './node-list-table';

export interface NodeListViewProps {
  result: UseQueryResult<RowList<NodeListRow>>;
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

/** An environments or assets list in its loading, failure, empty and filled states, below its toolbar. */
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
  return (
    <ListView
      what={what}
      toolbar={toolbar}
      count={result.data?.items.length}
      unreadable={result.data?.unreadable}
      isFetching={result.isFetching}
      failure={result.isError ? failureMessage(result.error) : null}
      onRetry={() => void result.refetch()}
      isFiltered={(search.q ?? '') !== ''}
      filteredEmptyTitle={`No ${what} match “${search.q ?? ''}”`}
      onClearFilters={() => {
        onSearchChange({ q: undefined });
      }}
      emptyTitle={search.archived === true ? `No ${what}` : `No active ${what}`}
      emptyHint={emptyHint}
    >
      <NodeListTable
        rows={result.data?.items ?? []}
        sort={sort}
        caption={caption}
        onSortChange={onSearchChange}
      />
    </ListView>
  );
}
