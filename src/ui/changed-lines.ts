// Which lines of a text an edit touched, as they are numbered after it: what an incremental scan (the
// string marks of use-editor-extras.ts) looks at again instead of the whole document. Pure, tested alone.

/** Inclusive, 1-based line numbers. */
export interface LineSpan {
  start: number;
  end: number;
}

/** One replacement of an edit: the range it replaced (before the edit) and the text put there. */
export interface TextChange {
  range: { startLineNumber: number };
  text: string;
}

const newlines = (text: string) => text.split('\n').length - 1;

/**
 * The lines one edit left changed, numbered after it; null when the edit is not one replacement (several
 * cursors, an undo of many): then the positions shift in ways a span does not follow, and all lines count.
 */
export function changedLines(changes: readonly TextChange[]): LineSpan | null {
  const [change, ...others] = changes;
  if (change === undefined || others.length > 0) return null;
  const start = change.range.startLineNumber;
  return { start, end: start + newlines(change.text) };
}

/** The smallest span covering both (either may be absent). */
export function unionSpan(a: LineSpan | undefined, b: LineSpan): LineSpan {
  return a === undefined ? b : { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
