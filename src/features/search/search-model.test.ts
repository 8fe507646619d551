import { describe, expect, it } from 'vitest';
import { GROUP_LIMIT, groupHits, workflowHit, type SearchHit } from './search-model';

function hit(kind: SearchHit['kind'], name: string, code: string, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    kind,
    id: `${kind}-${code}`,
    name,
    code,
    archived: false,
    target: `/x/${code}`,
    context: '',
    ...extra,
  };
}

describe('groupHits', () => {
  it('groups projects, environments, assets and workflows in that order, leaving out empty groups', () => {
    const groups = groupHits(
      [
        hit('asset', 'SOA dev', 'soa_dev'),
        hit('project', 'SOA', 'soa'),
        hit('workflow', 'SOA release', 'soa_release'),
      ],
      'soa',
    );

    expect(groups.map((group) => [group.label, group.hits.map((found) => found.code)])).toEqual([
      ['Projects', ['soa']],
      ['Assets', ['soa_dev']],
      ['Workflows', ['soa_release']],
    ]);
  });

  it('puts exact matches first, then prefixes, then the rest, archived after live ones', () => {
    const [group] = groupHits(
      [
        hit('asset', 'Legacy db', 'db_old', { archived: true }),
        hit('asset', 'Reporting database', 'reporting'),
        hit('asset', 'db', 'primary'),
        hit('asset', 'Database two', 'db_two'),
      ],
      'DB',
    );

    expect(group?.hits.map((found) => found.name)).toEqual([
      'db',
      'Database two',
      'Legacy db',
      'Reporting database',
    ]);
  });

  it('lists at most GROUP_LIMIT hits per group and counts the rest', () => {
    const many = Array.from({ length: GROUP_LIMIT + 3 }, (_, index) =>
      hit('asset', `web ${String(index)}`, `w${String(index)}`),
    );

    const [group] = groupHits(many, 'web');

    expect(group?.hits).toHaveLength(GROUP_LIMIT);
    expect(group?.more).toBe(3);
  });

  it('drops duplicates that two requests both found', () => {
    const groups = groupHits([hit('project', 'Bank', 'bank'), hit('project', 'Bank', 'bank')], 'bank');

    expect(groups[0]?.hits).toHaveLength(1);
  });
});

describe('workflowHit', () => {
  it('opens the workflow’s page', () => {
    const workflow = {
      id: 'w1',
      projectCode: 'bank',
      code: 'soa release',
      name: 'SOA release',
      description: '',
      draft: false,
      archived: false,
      created_by: 'admin',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      source_yaml: '',
      steps: [],
      latest_version: 1,
      latest_published_version: 1,
      relationships: {},
      links: {},
      meta: undefined,
    };
    expect(workflowHit(workflow, 'Bank').target).toBe('/projects/bank/workflows/soa%20release');
  });
});
