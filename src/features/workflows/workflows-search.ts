import type { WorkflowSort } from '@contract/filters';
import { z } from 'zod';
import type { WorkflowListQuery } from '@/api/workflows';
import { listSearchShape, resolveSort, sortSpec, type ListSort } from '@/lib/list-search';

// The Workflows tab's URL: text in the name, drafts only / published only, archived shown, sort.

export const WORKFLOW_STATES = ['draft', 'published'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const workflowsSearchSchema = z.object({
  ...listSearchShape,
  /** Only workflows whose latest version is a draft, or only those whose latest version is published. */
  state: z.enum(WORKFLOW_STATES).optional().catch(undefined),
});
export type WorkflowsSearch = z.infer<typeof workflowsSearchSchema>;

export const WORKFLOW_SORT_COLUMNS = [
  'name',
  'code',
  'updated_at',
] as const satisfies readonly WorkflowSort[];
export type WorkflowSortColumn = (typeof WORKFLOW_SORT_COLUMNS)[number];

export function workflowSort(search: WorkflowsSearch): ListSort<WorkflowSortColumn> {
  return resolveSort(search, WORKFLOW_SORT_COLUMNS, { column: 'name', direction: 'asc' });
}

/** The list request for the search: filtered and sorted on the server. */
export function toWorkflowQuery(search: WorkflowsSearch): WorkflowListQuery {
  const text = search.q?.trim() ?? '';
  return {
    filters: {
      name_cont: text === '' ? undefined : text,
      draft_eq: search.state === undefined ? undefined : search.state === 'draft',
      archived_eq: search.archived === true ? undefined : false,
    },
    sorts: sortSpec(workflowSort(search)),
  };
}

export function isFiltered(search: WorkflowsSearch): boolean {
  return (search.q ?? '') !== '' || search.state !== undefined || search.archived === true;
}
