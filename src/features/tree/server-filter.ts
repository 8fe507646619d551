import type { ProjectMatches } from '@/api/node-search';
import { ancestorPaths, parseNodePath } from '@/lib/node-path';

// The navigator's filter beyond the loaded levels (issue 9, defect 8): the server is asked for every
// environment and asset whose name or code contains the text, and the tree opens down to each match, so
// matches show in place, under their project and environment. Pure parts here; the hook is
// use-server-filter.ts.

/** Shorter filters narrow only the loaded levels: one letter would match, and open, nearly everything. */
export const MIN_SERVER_FILTER_LENGTH = 2;

/** How far the server search of the filter text got. */
export interface ServerFilterProgress {
  /** The text searched for ('' when the filter is empty). */
  term: string;
  /** The text is too short to be searched on the server. */
  isTooShort: boolean;
  isSearching: boolean;
  /** Projects whose contents are (being) searched, and how many have answered. */
  total: number;
  searched: number;
  /** Of those, how many could not be searched. */
  failed: number;
  /** The project list could not be loaded, so nothing below it was searched. */
  projectListFailed: boolean;
}

/** The nodes to open so that every match the server found shows: its project and its environment. */
export function revealPathsFor(matches: readonly ProjectMatches[]): string[] {
  const paths = new Set<string>();
  for (const { environments, assets } of matches) {
    for (const node of [...environments, ...assets.map(({ asset }) => asset)]) {
      const ref = parseNodePath(node.path);
      for (const path of ref === null ? [] : ancestorPaths(ref)) paths.add(path);
    }
  }
  return [...paths];
}

function projects(count: number): string {
  return count === 1 ? '1 project' : `${String(count)} projects`;
}

/**
 * What the filter searched, said plainly under the filter box; null without a filter. `isTreeEmpty`: no row
 * matches, so the line says nothing was found rather than leaving an empty tree to explain itself.
 */
export function serverFilterStatus(progress: ServerFilterProgress, isTreeEmpty: boolean): string | null {
  const { term, total, searched, failed } = progress;
  if (term === '') return null;
  if (progress.isTooShort) {
    return `Only opened levels are filtered. Type ${String(MIN_SERVER_FILTER_LENGTH)} or more characters to search every project.`;
  }
  if (progress.isSearching) {
    return total === 0 ? 'Searching…' : `Searching ${String(searched)} of ${projects(total)}…`;
  }
  if (progress.projectListFailed) {
    return 'The project list could not be loaded, so only opened levels were filtered.';
  }
  const searchedText =
    failed === 0
      ? `Searched all ${projects(total)}.`
      : `Searched ${String(total - failed)} of ${projects(total)}: ${failed === 1 ? 'one' : String(failed)} could not be searched, so ${failed === 1 ? 'its' : 'their'} matches are missing.`;
  return isTreeEmpty ? `${searchedText} Nothing matches “${term}”.` : searchedText;
}
