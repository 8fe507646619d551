import type { ScheduledChangeBody, ScheduledWorkflowBody } from '@/api/scheduled-activities';
import { cronProblem } from '@/lib/cron';

// The new-schedule form's values, their checks and the body they become: pure, so tested without React.

export interface ScheduleFormValues {
  kind: 'change' | 'workflow';
  action: string;
  git_remote_name: string;
  git_rev: string;
  workflow_code: string;
  cron_schedule: string;
  repeat: boolean;
  new_commits_only: boolean;
  /** JSON text of an object; blank for none. */
  metadata: string;
}

/** The fields a 422 `source.pointer` may name. */
export const SCHEDULE_FIELDS = [
  'action',
  'git_remote_name',
  'git_rev',
  'workflow_code',
  'cron_schedule',
  'repeat',
  'new_commits_only',
  'metadata',
] as const;

export function initialScheduleValues(kind: ScheduleFormValues['kind']): ScheduleFormValues {
  return {
    kind,
    action: '',
    git_remote_name: '',
    git_rev: '',
    workflow_code: '',
    cron_schedule: '0 2 * * *',
    repeat: true,
    new_commits_only: false,
    metadata: '',
  };
}

type Parsed = { value: Record<string, unknown> } | { error: string };

/** The metadata as an object; blank is `{}`. */
export function parseMetadata(text: string): Parsed {
  if (text.trim() === '') return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'Metadata must be a JSON object, e.g. {"ticket": "OPS-1"}.' };
  }
  return { value: Object.fromEntries(Object.entries(value)) };
}

/** Mantine `validate`: what is missing or refused, by field (null where fine). */
export function validateSchedule(
  values: ScheduleFormValues,
  { isAsset, now }: { isAsset: boolean; now: Date },
): Partial<Record<keyof ScheduleFormValues, string | null>> {
  const blank = (text: string) => text.trim() === '';
  const isChange = values.kind === 'change';
  const metadata = parseMetadata(values.metadata);
  return {
    action: isChange && blank(values.action) ? 'Enter the action to run.' : null,
    git_remote_name: isChange && !isAsset && blank(values.git_remote_name) ? 'Pick a Git remote.' : null,
    git_rev: isChange && !isAsset && blank(values.git_rev) ? 'Enter a branch, tag or commit.' : null,
    workflow_code: !isChange && blank(values.workflow_code) ? 'Pick a workflow.' : null,
    cron_schedule: cronProblem(values.cron_schedule, now),
    metadata: 'error' in metadata ? metadata.error : null,
  };
}

/** The create body, exactly as the contract writes it: no Git remote or revision on assets. */
export function scheduleBody(
  values: ScheduleFormValues,
  { isAsset }: { isAsset: boolean },
): ScheduledChangeBody | ScheduledWorkflowBody {
  const parsed = parseMetadata(values.metadata);
  const common = {
    cron_schedule: values.cron_schedule.trim(),
    repeat: values.repeat,
    metadata: 'value' in parsed ? parsed.value : {},
  };
  if (values.kind === 'workflow') return { ...common, workflow_code: values.workflow_code };
  const change: ScheduledChangeBody = {
    ...common,
    action: values.action.trim(),
    new_commits_only: values.new_commits_only,
  };
  return isAsset
    ? change
    : { ...change, git_remote_name: values.git_remote_name, git_rev: values.git_rev.trim() };
}
