import { z } from 'zod';

// Search parameters shared by the console's server-side lists (environments, assets, Git remotes,
// templates): a text filter, a sort column and direction, and whether archived records are shown. The URL
// owns them (STYLE habit 7); bad values fall back to the defaults.

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const listSearchShape = {
  /** Text the name or code contains. */
  q: z.string().max(200).optional().catch(undefined),
  /** Column to sort by; each list checks it against its own columns. */
  sort: z.string().max(50).optional().catch(undefined),
  dir: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
  /** Show archived records too (hidden by default). */
  archived: z.boolean().optional().catch(undefined),
};

export const listSearchSchema = z.object(listSearchShape);
export type ListSearch = z.infer<typeof listSearchSchema>;

export interface ListSort<C extends string> {
  column: C;
  direction: SortDirection;
}

/** The sort a list uses: the requested column when the list has it, else its default. */
export function resolveSort<C extends string>(
  search: ListSearch,
  columns: readonly C[],
  fallback: ListSort<C>,
): ListSort<C> {
  const column = columns.find((candidate) => candidate === search.sort);
  if (column === undefined) return fallback;
  return { column, direction: search.dir ?? 'asc' };
}

/** `name` or `name desc`, as ransack's `filter[sorts]` takes it. */
export function sortSpec<C extends string>({ column, direction }: ListSort<C>): C | `${C} desc` {
  return direction === 'desc' ? `${column} desc` : column;
}

/** Search after clicking a column header: a new column sorts ascending, the same column flips. */
export function toggleSort<C extends string>(
  current: ListSort<C>,
  column: C,
): { sort: C; dir: SortDirection } {
  if (current.column !== column) return { sort: column, dir: 'asc' };
  return { sort: column, dir: current.direction === 'asc' ? 'desc' : 'asc' };
}
