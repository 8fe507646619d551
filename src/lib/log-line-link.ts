// Line links in the address: `#L12` (one line) and `#L12-L40` (a range), 1-based as shown in the pane.

export interface LineRange {
  /** First line, 1-based. */
  start: number;
  /** Last line, 1-based, ≥ start. */
  end: number;
}

const LINE_HASH = /^#?L(\d{1,9})(?:-L(\d{1,9}))?$/;

/** The range a hash names, or null; a reversed range is put in order, line 0 is not a line. */
export function parseLineHash(hash: string): LineRange | null {
  const match = LINE_HASH.exec(hash);
  if (match === null) return null;
  const a = Number(match[1]);
  const b = match[2] === undefined ? a : Number(match[2]);
  if (a < 1 || b < 1) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** `L12` or `L12-L40` (without '#', as the router's `hash` option takes it). */
export function formatLineHash(range: LineRange): string {
  return range.start === range.end
    ? `L${String(range.start)}`
    : `L${String(range.start)}-L${String(range.end)}`;
}

/** The range after clicking line `line`: a Shift-click extends from the current range's start. */
export function selectLine(current: LineRange | null, line: number, isExtending: boolean): LineRange {
  if (!isExtending || current === null) return { start: line, end: line };
  return { start: Math.min(current.start, line), end: Math.max(current.start, line) };
}
