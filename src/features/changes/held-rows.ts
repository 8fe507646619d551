// New rows of a live list are held back while the reader is scrolled down the list, so what they are reading
// does not move; a "N new — show" cue offers them. Rows already shown update in place (a status changes, the
// row stays). Pure, so the rules are tested without a browser.

export interface HeldRows {
  /** Every row key the list has had (shown or held). */
  known: ReadonlySet<string>;
  /** New rows not shown yet. */
  held: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The first answer: everything is shown. */
export function startHolding(keys: readonly string[]): HeldRows {
  return { known: new Set(keys), held: NONE };
}

/**
 * The list's rows are now `keys`. While `isHolding` (the reader is scrolled down and the list had loaded),
 * rows not known before are held; rows that left the list leave the held set. When not holding, everything
 * held is shown.
 */
export function nextHeldRows(state: HeldRows, keys: readonly string[], isHolding: boolean): HeldRows {
  const known = new Set(keys);
  if (!isHolding) return { known, held: NONE };
  const held = new Set<string>();
  for (const key of keys) {
    if (state.held.has(key) || !state.known.has(key)) held.add(key);
  }
  return { known, held: held.size === 0 ? NONE : held };
}

/** The reader asked to see the new rows. */
export function releaseHeldRows(state: HeldRows): HeldRows {
  return { known: state.known, held: NONE };
}

/** The rows to show: all but the held ones, in their order. */
export function visibleRows<T>(rows: readonly T[], state: HeldRows, keyOf: (row: T) => string): readonly T[] {
  if (state.held.size === 0) return rows;
  return rows.filter((row) => !state.held.has(keyOf(row)));
}
