import { describe, expect, it } from 'vitest';
import { emptyMessage, KEYBOARD_HINT, searchStatus, type SearchProgress } from './search-status';

const done: SearchProgress = {
  isTooShort: false,
  isSearching: false,
  total: 3,
  searched: 3,
  failedProjects: 0,
  projectListFailed: false,
  projectNamesFailed: false,
};

describe('searchStatus', () => {
  it('gives the keyboard hint until enough is typed', () => {
    expect(searchStatus({ ...done, isTooShort: true, projectListFailed: true })).toBe(KEYBOARD_HINT);
  });

  it('counts projects as they answer, in the singular for one', () => {
    expect(searchStatus({ ...done, isSearching: true, searched: 1 })).toBe('Searching 1 of 3 projects…');
    expect(searchStatus({ ...done, isSearching: true, total: 1, searched: 0 })).toBe(
      'Searching 0 of 1 project…',
    );
    expect(searchStatus({ ...done, isSearching: true, total: 0, searched: 0 })).toBe('Searching…');
  });

  it('says how many projects were searched when all answered', () => {
    expect(searchStatus(done)).toBe('Searched 3 projects.');
    expect(searchStatus({ ...done, total: 1, searched: 1 })).toBe('Searched 1 project.');
    expect(searchStatus({ ...done, total: 0, searched: 0 })).toBe('There are no projects to search.');
  });

  it('says which projects could not be searched, in the singular for one', () => {
    expect(searchStatus({ ...done, failedProjects: 1 })).toBe(
      'Searched 2 of 3 projects: one could not be searched, so its results are missing. Try again.',
    );
    expect(searchStatus({ ...done, failedProjects: 2 })).toBe(
      'Searched 1 of 3 projects: 2 could not be searched, so their results are missing. Try again.',
    );
  });

  it('does not claim "Searched 0 projects" when the project list itself failed', () => {
    const status = searchStatus({ ...done, total: 0, searched: 0, projectListFailed: true });

    expect(status).toBe(
      'The project list could not be loaded, so no environments, assets or workflows were searched. Try again.',
    );
    expect(status).not.toMatch(/Searched 0/);
  });

  it('reports a failed project-name search as that, not as a failed project', () => {
    expect(searchStatus({ ...done, projectNamesFailed: true })).toBe(
      'Searched 3 projects. Projects could not be searched by name, so matching projects are missing. Try again.',
    );
  });
});

describe('emptyMessage', () => {
  it('says nothing matches only when everything could be searched', () => {
    expect(emptyMessage(done, 'zz')).toBe('Nothing matches “zz”.');
    expect(emptyMessage({ ...done, projectListFailed: true, total: 0 }, 'zz')).toBe(
      'Nothing found for “zz” in what could be searched.',
    );
  });

  it('asks for more text, then waits for the search', () => {
    expect(emptyMessage({ ...done, isTooShort: true }, 'z')).toBe(
      'Type at least 2 characters of a name or code.',
    );
    expect(emptyMessage({ ...done, isSearching: true }, 'zz')).toBe('Searching…');
  });
});
