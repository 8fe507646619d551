import type { ScheduledActivity } from '@/api/scheduled-activities';
import { describeCron } from '@/lib/cron';
import { nodePath } from '@/lib/node-path';

// How schedules are named on screen: what they start, where, and when.

/** `deploy` for a scheduled change, `Workflow smoke_checks (version 2)` for a scheduled workflow. */
export function scheduleWhat(schedule: ScheduledActivity): string {
  return schedule.type === 'scheduled_change'
    ? schedule.action
    : `Workflow ${schedule.workflow_code} (version ${String(schedule.version)})`;
}

/** The schedule's node path, `/projects/bank/environments/dev`, or the project's name when unknown. */
export function scheduleWhere(schedule: ScheduledActivity): string {
  return schedule.node === null ? schedule.project_name : nodePath(schedule.node);
}

/** The cron expression in words, or the expression itself when it cannot be read. */
export function scheduleWhen(expression: string): string {
  return describeCron(expression) ?? expression;
}
