import { describe, expect, it } from 'vitest';
import { schedulesSearchSchema, toScheduleQuery } from './schedules-search';

describe('the schedules search', () => {
  it('drops bad values', () => {
    expect(schedulesSearchSchema.parse({ kind: 'nope', state: 3, dir: 'up', q: 'x' })).toEqual({ q: 'x' });
  });

  it('filters by text, type and state, sorting by the next run by default', () => {
    expect(toScheduleQuery({ q: ' soa ', kind: 'workflow', state: 'disabled' })).toEqual({
      filters: {
        action_or_workflow_code_or_parent_path_cont: 'soa',
        type_eq: 'scheduled_workflow',
        enabled_eq: false,
      },
      sorts: ['next_run_at', 'created_at'],
    });
  });

  it('sorts by a known column only', () => {
    expect(toScheduleQuery({ sort: 'cron_schedule', dir: 'desc' }).sorts).toEqual([
      'cron_schedule desc',
      'created_at',
    ]);
    expect(toScheduleQuery({ sort: 'password' }).sorts).toEqual(['next_run_at', 'created_at']);
  });
});
