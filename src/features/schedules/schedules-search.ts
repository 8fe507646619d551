import { z } from 'zod';
import type { ScheduledActivityListQuery } from '@/api/scheduled-activities';
import { SORT_DIRECTIONS, resolveSort, sortSpec, type ListSort } from '@/lib/list-search';

// The schedules lists' URL (the global page and each node's Schedules tab): a text filter, the type, whether
// enabled, and the sort. Bad values fall back to the defaults.

export const SCHEDULE_KINDS = ['change', 'workflow'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export const SCHEDULE_STATES = ['enabled', 'disabled'] as const;

export const SCHEDULE_SORT_COLUMNS = ['next_run_at', 'cron_schedule', 'parent_path', 'created_at'] as const;
export type ScheduleSortColumn = (typeof SCHEDULE_SORT_COLUMNS)[number];
const DEFAULT_SORT: ListSort<ScheduleSortColumn> = { column: 'next_run_at', direction: 'asc' };

export const schedulesSearchSchema = z.object({
  /** Text the action, workflow code or node path contains. */
  q: z.string().max(200).optional().catch(undefined),
  kind: z.enum(SCHEDULE_KINDS).optional().catch(undefined),
  state: z.enum(SCHEDULE_STATES).optional().catch(undefined),
  sort: z.string().max(50).optional().catch(undefined),
  dir: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
});
export type SchedulesSearch = z.infer<typeof schedulesSearchSchema>;

export function scheduleSort(search: SchedulesSearch): ListSort<ScheduleSortColumn> {
  return resolveSort(search, SCHEDULE_SORT_COLUMNS, DEFAULT_SORT);
}

export function isFiltered(search: SchedulesSearch): boolean {
  return (search.q ?? '').trim() !== '' || search.kind !== undefined || search.state !== undefined;
}

/** The API query for what the URL says. */
export function toScheduleQuery(search: SchedulesSearch): ScheduledActivityListQuery {
  const text = (search.q ?? '').trim();
  return {
    filters: {
      action_or_workflow_code_or_parent_path_cont: text === '' ? undefined : text,
      type_eq: search.kind === undefined ? undefined : `scheduled_${search.kind}`,
      enabled_eq: search.state === undefined ? undefined : search.state === 'enabled',
    },
    sorts: [sortSpec(scheduleSort(search)), 'created_at'],
  };
}
