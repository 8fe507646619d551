import type { NameOrCodeFilterKey } from '@contract/filters';
import { resolveSort, sortSpec, type ListSearch, type ListSort } from '@/lib/list-search';

// What an environments or assets list asks the server for, from its search parameters. Plain TS, so a
// route's loader can start the same request the list makes without loading the list's components.

export const NODE_SORT_COLUMNS = ['name', 'code', 'description', 'archived'] as const;
export type NodeSortColumn = (typeof NODE_SORT_COLUMNS)[number];
export const DEFAULT_NODE_SORT: ListSort<NodeSortColumn> = { column: 'name', direction: 'asc' };

/** The sort a node list shows: the URL's column when the list has it, else by name. */
export function nodeListSort(search: ListSearch): ListSort<NodeSortColumn> {
  return resolveSort(search, NODE_SORT_COLUMNS, DEFAULT_NODE_SORT);
}

/** The filters of a node list: text in the name or code, and archived nodes hidden unless asked for. */
export function listFilters(
  text: string,
  showArchived: boolean | undefined,
): Partial<Record<NameOrCodeFilterKey | 'archived_eq', string | boolean>> {
  const term = text.trim();
  return {
    ...(term === '' ? {} : { name_or_code_cont: term }),
    ...(showArchived === true ? {} : { archived_eq: false }),
  };
}

/** The list request (filters and sort) for a node list's search parameters. */
export function nodeListQuery(search: ListSearch) {
  return { filters: listFilters(search.q ?? '', search.archived), sorts: sortSpec(nodeListSort(search)) };
}
