import type { z } from 'zod';

// One unexpected row must never take down a list (issue 9): each member of a list is checked on its own;
// the ones that match are shown, the others are kept as `UnreadableRow`s so screens can mark them.

/** A member of a list that did not match the contract: what is known of it, and what did not match. */
export interface UnreadableRow {
  /** Its position in the answer (0 = first). */
  index: number;
  /** Its `id`, when it has a readable one. */
  id: string | null;
  /** What did not match, `attributes.username: expected string, received null`. */
  problems: readonly string[];
}

/** A list as the console uses it: the rows that were read, and the ones that could not be. */
export interface RowList<T> {
  items: T[];
  unreadable: UnreadableRow[];
}

/**
 * A list query as a table shows it: the rows (undefined until the first answer), the unreadable ones, and
 * how loading went. Its fields are the `DataTable` props of the same names, so a table spreads it.
 */
export interface ListQueryState<T> {
  rows: readonly T[] | undefined;
  unreadable: readonly UnreadableRow[] | undefined;
  /** Why the list could not be loaded, or null. */
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
}

const MAX_PROBLEMS = 5;

/** `path: message` lines of a zod error, at most five; `prefix` goes before each path. */
export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return `${path === '' ? '(document)' : path}: ${issue.message}`;
  });
}

function memberId(member: unknown): string | null {
  if (typeof member !== 'object' || member === null || !('id' in member)) return null;
  const { id } = member;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** Checks each member with `schema`; `firstIndex` is the position of `members[0]` in the whole list. */
export function parseRows<S extends z.ZodType>(
  schema: S,
  members: readonly unknown[],
  firstIndex = 0,
): RowList<z.output<S>> {
  const items: z.output<S>[] = [];
  const unreadable: UnreadableRow[] = [];
  members.forEach((member, offset) => {
    const result = schema.safeParse(member);
    if (result.success) items.push(result.data);
    else
      unreadable.push({
        index: firstIndex + offset,
        id: memberId(member),
        problems: describeIssues(result.error),
      });
  });
  return { items, unreadable };
}

/** The problems of several unreadable rows, each named once: `attributes.username: expected string`. */
export function distinctProblems(rows: readonly UnreadableRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.problems))];
}
