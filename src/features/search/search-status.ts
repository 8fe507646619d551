// What global search says about itself under the results: how far it got and what could not be searched.
// Pure, so each combination of partial failures is tested without a server.

import { MIN_SEARCH_LENGTH } from './search-model';

export interface SearchProgress {
  isTooShort: boolean;
  isSearching: boolean;
  /** Projects whose contents are (being) searched. */
  total: number;
  /** Of those, how many have answered (or failed). */
  searched: number;
  /** Of those, how many failed: their environments, assets and workflows are missing. */
  failedProjects: number;
  /** The project list failed, so no project's contents were searched. */
  projectListFailed: boolean;
  /** The search of project names and codes failed, so matching projects are missing. */
  projectNamesFailed: boolean;
}

export const KEYBOARD_HINT = 'Enter opens the highlighted result; ↑ and ↓ move between results.';

function projects(count: number): string {
  return count === 1 ? '1 project' : `${String(count)} projects`;
}

export function hasFailures(progress: SearchProgress): boolean {
  return progress.projectListFailed || progress.projectNamesFailed || progress.failedProjects > 0;
}

/** The footer line: a hint, progress, or what was searched and what is missing. */
export function searchStatus(progress: SearchProgress): string {
  const { total, searched, failedProjects } = progress;
  if (progress.isTooShort) return KEYBOARD_HINT;
  if (progress.isSearching) {
    return total === 0 ? 'Searching…' : `Searching ${String(searched)} of ${projects(total)}…`;
  }
  const sentences: string[] = [];
  if (progress.projectListFailed) {
    sentences.push(
      'The project list could not be loaded, so no environments, assets or workflows were searched.',
    );
  } else if (total === 0) {
    sentences.push('There are no projects to search.');
  } else if (failedProjects === 0) {
    sentences.push(`Searched ${projects(total)}.`);
  } else {
    sentences.push(
      `Searched ${String(total - failedProjects)} of ${projects(total)}: ` +
        `${failedProjects === 1 ? 'one' : String(failedProjects)} could not be searched, so ` +
        `${failedProjects === 1 ? 'its' : 'their'} results are missing.`,
    );
  }
  if (progress.projectNamesFailed) {
    sentences.push('Projects could not be searched by name, so matching projects are missing.');
  }
  if (hasFailures(progress)) sentences.push('Try again.');
  return sentences.join(' ');
}

/** Shown in place of results when there are none. */
export function emptyMessage(progress: SearchProgress, term: string): string {
  if (progress.isTooShort) return `Type at least ${String(MIN_SEARCH_LENGTH)} characters of a name or code.`;
  if (progress.isSearching) return 'Searching…';
  return hasFailures(progress)
    ? `Nothing found for “${term}” in what could be searched.`
    : `Nothing matches “${term}”.`;
}
