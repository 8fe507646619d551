// Which lines of a text the edits since the last look touched, numbered as they are now: what an
// incremental scan (the string marks of use-editor-extras.ts) looks at again instead of the whole document.
// Pure, tested alone.

/** Inclusive, 1-based line numbers. */
export interface LineSpan {
  start: number;
  end: number;
}

/** One replacement of an edit: the lines it replaced (numbered before the edit) and the text put there. */
export interface TextChange {
  range: { startLineNumber: number; endLineNumber: number };
  text: string;
}

const newlines = (text: string) => text.split('\n').length - 1;

/**
 * The lines changed so far (`span`, numbered before this edit; undefined: none) together with those the edit
 * changes, numbered after it. Null when the edit is not one replacement (several cursors, an undo of many):
 * the positions then shift in ways a span does not follow, and all lines count.
 */
export function advanceSpan(span: LineSpan | undefined, changes: readonly TextChange[]): LineSpan | null {
  const [change, ...others] = changes;
  if (change === undefined || others.length > 0) return null;
  const first = change.range.startLineNumber;
  const last = change.range.endLineNumber;
  const added = newlines(change.text);
  const shift = added - (last - first);
  const edited = { start: first, end: first + added };
  if (span === undefined) return edited;
  // Lines above the edit keep their numbers, lines below move by `shift`, lines inside fall into it.
  const start = span.start < first ? span.start : span.start > last ? span.start + shift : first;
  const end = span.end < first ? span.end : span.end > last ? span.end + shift : edited.end;
  return { start: Math.min(start, edited.start), end: Math.max(end, edited.end) };
}
