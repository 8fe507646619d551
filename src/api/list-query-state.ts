import type { UseQueryResult } from '@tanstack/react-query';
import type { ListQueryState, RowList } from '@/lib/list-rows';
import { failureMessage } from './failures';

/** A list query for its table; `order` rearranges the rows read (the server's oldest-first as newest-first). */
export function listQueryState<T>(
  query: UseQueryResult<RowList<T>>,
  order: (items: readonly T[]) => readonly T[] = (items) => items,
): ListQueryState<T> {
  return {
    rows: query.data === undefined ? undefined : order(query.data.items),
    unreadable: query.data?.unreadable,
    failure: query.isError ? failureMessage(query.error) : null,
    onRetry: () => void query.refetch(),
    isFetching: query.isFetching,
  };
}

/** The rows newest first, for lists the server sends oldest first. */
export const newestFirst = <T>(items: readonly T[]): readonly T[] => [...items].reverse();
