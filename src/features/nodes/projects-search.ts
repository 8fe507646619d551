import type { ProjectSort } from '@contract/filters';
import { PROJECT_TYPES } from '@contract/node';
import { z } from 'zod';
import type { ProjectListQuery } from '@/api/projects';
import { listSearchShape, resolveSort, sortSpec, type ListSort } from '@/lib/list-search';

// The Projects page's URL (STYLE habit 7): text in the name or code, the project type, archived shown or
// not, and the sort. Bad values fall back to the defaults, so a mangled shared link still opens the list.

export const projectsSearchSchema = z.object({
  ...listSearchShape,
  type: z.enum(PROJECT_TYPES).optional().catch(undefined),
});
export type ProjectsSearch = z.infer<typeof projectsSearchSchema>;

export const PROJECT_SORT_COLUMNS = [
  'name',
  'code',
  'project_type',
  'description',
  'archived',
] as const satisfies readonly ProjectSort[];
export type ProjectSortColumn = (typeof PROJECT_SORT_COLUMNS)[number];
export const DEFAULT_PROJECT_SORT: ListSort<ProjectSortColumn> = { column: 'name', direction: 'asc' };

export function projectsSort(search: ProjectsSearch): ListSort<ProjectSortColumn> {
  return resolveSort(search, PROJECT_SORT_COLUMNS, DEFAULT_PROJECT_SORT);
}

/** Whether the text or type filter narrows the list (hiding archived projects is the default, not a filter). */
export function isProjectsFiltered(search: ProjectsSearch): boolean {
  return (search.q ?? '').trim() !== '' || search.type !== undefined;
}

/** The server-side (ransack) filters and sort the URL asks for. */
export function projectsQuery(search: ProjectsSearch): ProjectListQuery {
  const term = (search.q ?? '').trim();
  return {
    filters: {
      ...(term === '' ? {} : { name_or_code_cont: term }),
      ...(search.type === undefined ? {} : { project_type_eq: search.type }),
      ...(search.archived === true ? {} : { archived_eq: false }),
    },
    sorts: sortSpec(projectsSort(search)),
  };
}
