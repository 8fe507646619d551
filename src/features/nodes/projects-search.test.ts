import { describe, expect, it } from 'vitest';
import { ransackEntries } from '@/lib/ransack';
import { isProjectsFiltered, projectsQuery, projectsSearchSchema } from './projects-search';

describe('projectsSearchSchema', () => {
  it('keeps a valid search and drops bad values instead of failing', () => {
    expect(
      projectsSearchSchema.parse({
        q: 'bank',
        type: 'Enterprise',
        archived: true,
        sort: 'code',
        dir: 'desc',
      }),
    ).toEqual({ q: 'bank', type: 'Enterprise', archived: true, sort: 'code', dir: 'desc' });
    expect(projectsSearchSchema.parse({ type: 'Premium', dir: 'up', archived: 'yes' })).toEqual({});
  });
});

describe('projectsQuery', () => {
  it('hides archived projects and sorts by name when the URL says nothing', () => {
    expect(ransackEntries(projectsQuery({}))).toEqual([
      ['filter[archived_eq]', 'false'],
      ['filter[sorts]', 'name'],
    ]);
  });

  it('asks the server for the text, type and sort of the URL', () => {
    expect(
      ransackEntries(
        projectsQuery({ q: ' bank ', type: 'Enterprise', archived: true, sort: 'project_type', dir: 'desc' }),
      ),
    ).toEqual([
      ['filter[name_or_code_cont]', 'bank'],
      ['filter[project_type_eq]', 'Enterprise'],
      ['filter[sorts]', 'project_type desc'],
    ]);
  });

  it('ignores a sort column projects do not have', () => {
    expect(projectsQuery({ sort: 'password', dir: 'desc' }).sorts).toBe('name');
  });
});

describe('isProjectsFiltered', () => {
  it('counts text and type, not the archived switch', () => {
    expect(isProjectsFiltered({ archived: true })).toBe(false);
    expect(isProjectsFiltered({ q: '  ' })).toBe(false);
    expect(isProjectsFiltered({ q: 'web' })).toBe(true);
    expect(isProjectsFiltered({ type: 'Standard' })).toBe(true);
  });
});
