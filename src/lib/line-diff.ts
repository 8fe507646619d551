// Which lines differ between two texts, as regions of removed and added lines (a longest common
// subsequence of lines). Used to list a diff as text beside the diff editor, for readers who cannot see its
// colours and for a quick summary.

/** One changed region: lines of the original replaced by lines of the modified text (either may be empty). */
export interface LineChange {
  /** 1-based number of the region's first line in the original (where it would be, when none removed). */
  originalStart: number;
  removed: string[];
  /** 1-based number of the region's first line in the modified text. */
  modifiedStart: number;
  added: string[];
}

/** Above this many line pairs (after the common start and end are set aside) no list is made. */
export const MAX_DIFF_CELLS = 1_000_000;

function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** The regions that differ, in order; [] when the texts have the same lines; null when too large to compare. */
export function diffLines(
  original: string,
  modified: string,
  maxCells = MAX_DIFF_CELLS,
): LineChange[] | null {
  const a = splitLines(original);
  const b = splitLines(modified);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  if (n * m > maxCells) return null;
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      i += 1;
      j += 1;
      continue;
    }
    const change: LineChange = {
      originalStart: start + i + 1,
      removed: [],
      modifiedStart: start + j + 1,
      added: [],
    };
    while ((i < n || j < m) && !(i < n && j < m && a[start + i] === b[start + j])) {
      if (j < m && (i === n || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))) {
        change.added.push(b[start + j] ?? '');
        j += 1;
      } else {
        change.removed.push(a[start + i] ?? '');
        i += 1;
      }
    }
    changes.push(change);
  }
  return changes;
}
