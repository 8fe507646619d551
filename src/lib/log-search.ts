import type { LogStore } from './log-store';

// Find in a log: plain text (escaped, never a pattern), optionally case-sensitive, or a regular expression
// the user typed (compiled safely: a bad one is an error message, not an exception). Matches never span
// lines; `^` and `$` match at line boundaries.

export interface SearchOptions {
  query: string;
  isCaseSensitive: boolean;
  isRegex: boolean;
}

export type CompiledSearch = { ok: true; pattern: RegExp } | { ok: false; error: string };

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern for a search, or why it cannot run; null for an empty query (no search). */
export function compileSearch({ query, isCaseSensitive, isRegex }: SearchOptions): CompiledSearch | null {
  if (query === '') return null;
  const flags = isCaseSensitive ? 'gm' : 'gim';
  try {
    const pattern = new RegExp(isRegex ? query : escapeRegExp(query), flags);
    // A pattern that matches the empty string would match at every position of every line.
    if (pattern.test(''))
      return { ok: false, error: 'This pattern matches empty text; make it more specific.' };
    pattern.lastIndex = 0;
    return { ok: true, pattern };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return { ok: false, error: `Not a valid regular expression${reason === '' ? '' : `: ${reason}`}` };
  }
}

/** Matches as parallel arrays (no object per match): the line of each, in order. */
export interface SearchResult {
  /** Line index of each match, ascending. */
  lines: Int32Array;
  count: number;
  /** Distinct lines with a match. */
  lineCount: number;
}

/** Largest number of matches recorded (the count stops there and says so). */
export const MAX_MATCHES = 1_000_000;

/** Index of the line holding offset `offset` of a block with line ends `ends` (binary search). */
function lineAt(ends: Uint32Array, offset: number, from: number): number {
  let lo = from;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every match of `pattern` (a compiled search) in the store's lines, optionally only in lines that pass
 * `isIncluded`. Runs over each chunk's text at once, so a million lines take tens of milliseconds.
 */
export function searchLog(
  store: LogStore,
  pattern: RegExp,
  isIncluded?: (line: number) => boolean,
): SearchResult {
  let lines = new Int32Array(1024);
  let count = 0;
  let lineCount = 0;
  let lastLine = -1;
  const record = (line: number) => {
    if (isIncluded !== undefined && !isIncluded(line)) return;
    if (count === lines.length) {
      const grown = new Int32Array(lines.length * 2);
      grown.set(lines);
      lines = grown;
    }
    lines[count++] = line;
    if (line !== lastLine) lineCount++;
    lastLine = line;
  };
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const block of store.blocks()) {
    re.lastIndex = 0;
    let row = 0;
    for (let m = re.exec(block.text); m !== null && count < MAX_MATCHES; m = re.exec(block.text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      // A match across a line break belongs to no line.
      if (m[0].includes('\n')) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (block.ends === null) record(block.first);
      else {
        row = lineAt(block.ends, m.index + 1, row);
        record(block.first + row);
      }
    }
    if (count >= MAX_MATCHES) break;
  }
  return { lines: lines.subarray(0, count), count, lineCount };
}

/** The match to go to from `current` (-1 before the first): next or previous, wrapping around. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first match at or after line `line` (for starting a search where the reader is). */
export function firstMatchFrom(result: SearchResult, line: number): number {
  let lo = 0;
  let hi = result.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((result.lines[mid] ?? 0) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < result.count ? lo : result.count === 0 ? -1 : 0;
}

/** Ranges [start, end) of the matches in one line's text (for highlighting). */
export function matchRanges(text: string, pattern: RegExp): [number, number][] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: [number, number][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
