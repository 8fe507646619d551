import { describe, expect, it } from 'vitest';
import type { NodeSummary } from '@/api/node-summary';
import { revealPathsFor, serverFilterStatus, type ServerFilterProgress } from './server-filter';

function node(kind: NodeSummary['kind'], path: string): NodeSummary {
  return {
    kind,
    id: path,
    code: path.split('/').at(-1) ?? '',
    name: path,
    description: null,
    archived: false,
    path,
    projectCode: path.split('/')[2] ?? '',
    meta: { can_have_children: kind !== 'asset', child_node_types: [], can_have_workflows: false },
  };
}

const done: ServerFilterProgress = {
  term: 'ledger',
  isTooShort: false,
  isSearching: false,
  total: 3,
  searched: 3,
  failed: 0,
  projectListFailed: false,
};

describe('revealPathsFor', () => {
  it('opens the project of each match and the environment of each environment-owned asset, once', () => {
    const dev = node('environment', '/projects/bank/environments/dev');
    expect(
      revealPathsFor([
        {
          environments: [dev],
          assets: [
            {
              asset: node('asset', '/projects/bank/environments/dev/assets/ledger_db_dev'),
              environment: dev,
            },
            { asset: node('asset', '/projects/bank/assets/shared_db'), environment: null },
          ],
          workflows: [],
        },
        { environments: [], assets: [], workflows: [] },
      ]),
    ).toEqual(['/projects/bank', '/projects/bank/environments/dev']);
  });
});

describe('serverFilterStatus', () => {
  it('says nothing without a filter, and what a short filter does not search', () => {
    expect(serverFilterStatus({ ...done, term: '' }, false)).toBeNull();
    expect(serverFilterStatus({ ...done, term: 'l', isTooShort: true }, false)).toBe(
      'Only opened levels are filtered. Type 2 or more characters to search every project.',
    );
  });

  it('tells progress, what was searched, and that nothing matched', () => {
    expect(serverFilterStatus({ ...done, isSearching: true, searched: 1 }, true)).toBe(
      'Searching 1 of 3 projects…',
    );
    expect(serverFilterStatus(done, false)).toBe('Searched all 3 projects.');
    expect(serverFilterStatus(done, true)).toBe('Searched all 3 projects. Nothing matches “ledger”.');
  });

  it('says which matches are missing when projects could not be searched', () => {
    expect(serverFilterStatus({ ...done, failed: 1 }, false)).toBe(
      'Searched 2 of 3 projects: one could not be searched, so its matches are missing.',
    );
    expect(serverFilterStatus({ ...done, projectListFailed: true, total: 0 }, false)).toBe(
      'The project list could not be loaded, so only opened levels were filtered.',
    );
  });
});
