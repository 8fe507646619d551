import type { TreeRow } from './tree-model';

// Keyboard behaviour of the navigator, following the WAI-ARIA tree view pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/), as a pure function of the visible rows.

export type TreeCommand =
  | { type: 'focus'; index: number }
  | { type: 'expand'; path: string }
  | { type: 'collapse'; path: string }
  | { type: 'expand-siblings'; paths: string[] }
  | { type: 'open'; path: string };

export interface TreeKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** What a key press on the row at `index` does; null when the tree ignores the key. */
export function commandForKey(rows: readonly TreeRow[], index: number, event: TreeKey): TreeCommand | null {
  const row = rows[index];
  if (row === undefined || event.ctrlKey === true || event.metaKey === true || event.altKey === true) {
    return null;
  }
  const last = rows.length - 1;
  switch (event.key) {
    case 'ArrowDown':
      return index < last ? { type: 'focus', index: index + 1 } : null;
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : null;
    case 'Home':
      return index > 0 ? { type: 'focus', index: 0 } : null;
    case 'End':
      return index < last ? { type: 'focus', index: last } : null;
    case 'ArrowRight':
      if (!row.isExpandable) return null;
      if (!row.isExpanded) return { type: 'expand', path: row.node.path };
      // Expanded: move to the first child, if it has shown any yet.
      return rows[index + 1]?.parentIndex === index ? { type: 'focus', index: index + 1 } : null;
    case 'ArrowLeft':
      if (row.isExpanded) return { type: 'collapse', path: row.node.path };
      return row.parentIndex === null ? null : { type: 'focus', index: row.parentIndex };
    case 'Enter':
    case ' ':
      return { type: 'open', path: row.node.path };
    case '*': {
      const paths = rows
        .filter(
          (sibling) => sibling.parentIndex === row.parentIndex && sibling.isExpandable && !sibling.isExpanded,
        )
        .map((sibling) => sibling.node.path);
      return paths.length > 0 ? { type: 'expand-siblings', paths } : null;
    }
    default:
      return null;
  }
}

/** Whether a key is a printable character that type-ahead should take (not Space, which opens). */
export function isTypeAheadKey(event: TreeKey): boolean {
  return (
    event.key.length === 1 &&
    event.key !== ' ' &&
    event.key !== '*' &&
    event.ctrlKey !== true &&
    event.metaKey !== true &&
    event.altKey !== true
  );
}

/**
 * The row type-ahead moves to: the next row, after `index` and wrapping round, whose name starts with
 * `text` (case-insensitive). With several characters typed, the current row may still match, so the
 * search starts at it; a single character starts after it, so pressing it again cycles.
 */
export function typeAheadIndex(rows: readonly TreeRow[], index: number, text: string): number | null {
  const prefix = text.toLocaleLowerCase();
  if (prefix === '' || rows.length === 0) return null;
  const start = prefix.length > 1 ? index : index + 1;
  for (let step = 0; step < rows.length; step += 1) {
    const candidate = (start + step + rows.length) % rows.length;
    if (rows[candidate]?.node.name.toLocaleLowerCase().startsWith(prefix) === true) return candidate;
  }
  return null;
}

/** Characters typed within `timeoutMs` of each other form one type-ahead text. */
export class TypeAheadBuffer {
  private text = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  private readonly timeoutMs: number;

  constructor(timeoutMs = 500) {
    this.timeoutMs = timeoutMs;
  }

  /** Adds a character typed at time `now` (ms) and returns the text to match. */
  add(character: string, now: number): string {
    this.text = now - this.lastAt > this.timeoutMs ? character : this.text + character;
    this.lastAt = now;
    // Pressing the same key repeatedly cycles through rows starting with it, as file managers do.
    if (this.text.length > 1 && this.text === character.repeat(this.text.length)) return character;
    return this.text;
  }
}
