import { Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId, useMemo } from 'react';
import { formFailure } from '@/api/failures';
import { useCreateScheduledActivity, type ScheduledActivity } from '@/api/scheduled-activities';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';
import { ChangeFields } from './change-fields';
import { CronField } from './cron-field';
import { scheduleWhat, scheduleWhen } from './schedule-labels';
import {
  initialScheduleValues,
  SCHEDULE_FIELDS,
  scheduleBody,
  validateSchedule,
  type ScheduleFormValues,
} from './schedule-form-values';
import type { ScheduleTarget } from './schedule-target';
import { useNow } from './use-now';
import { WorkflowFields } from './workflow-fields';

export interface ScheduleFormProps {
  target: ScheduleTarget;
  /** The target's other schedules, for the near-collision warning. */
  existing: readonly ScheduledActivity[];
  deniable: DeniableAction;
  /** Prefills a scheduled workflow of this workflow (from the workflow's page). */
  workflowCode?: string | undefined;
  onDone: () => void;
}

/** A new scheduled change or (Enterprise projects) scheduled workflow on the target. */
export function ScheduleForm({ target, existing, deniable, workflowCode, onDone }: ScheduleFormProps) {
  const kindLabel = useId();
  const now = useNow();
  const create = useCreateScheduledActivity();
  const isAsset = target.assetActions !== null;
  const form = useForm<ScheduleFormValues>({
    initialValues:
      workflowCode === undefined
        ? initialScheduleValues(target.canHaveChanges ? 'change' : 'workflow')
        : { ...initialScheduleValues('workflow'), workflow_code: workflowCode },
    validate: (values) => validateSchedule(values, { isAsset, now: new Date() }),
  });
  const others = useMemo(
    () =>
      existing.map((schedule) => ({
        id: schedule.id,
        label: `${scheduleWhat(schedule)} (${scheduleWhen(schedule.cron_schedule)})`,
        cron_schedule: schedule.cron_schedule,
      })),
    [existing],
  );
  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: SCHEDULE_FIELDS,
    describeFailure: formFailure,
    submit: (values: ScheduleFormValues) =>
      create.mutateAsync({ node: target.ref, attributes: scheduleBody(values, { isAsset }) }),
    deniable,
    failureTitle: 'Schedule not created',
    successMessage: (schedule) => `Scheduled ${scheduleWhat(schedule)} on ${target.path}.`,
    onSuccess: onDone,
  });
  const cronError = form.errors.cron_schedule;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Schedule not created" />
        {target.canHaveChanges && target.canHaveWorkflows ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={kindLabel}>
              Schedule
            </Text>
            <SegmentedControl
              aria-labelledby={kindLabel}
              data={[
                { value: 'change', label: 'A change' },
                { value: 'workflow', label: 'A workflow' },
              ]}
              {...form.getInputProps('kind')}
            />
          </Stack>
        ) : null}
        {form.values.kind === 'change' ? (
          <ChangeFields target={target} form={form} />
        ) : (
          <WorkflowFields projectCode={target.projectCode} form={form} />
        )}
        <CronField
          value={form.values.cron_schedule}
          onChange={(expression) => {
            form.setFieldValue('cron_schedule', expression);
          }}
          error={typeof cronError === 'string' ? cronError : null}
          others={others}
          now={now}
        />
        <Checkbox
          label="Repeat"
          description="Run at every time the expression names. Unticked, it runs once, at the next one, and the schedule then deletes itself."
          {...form.getInputProps('repeat', { type: 'checkbox' })}
        />
        <Textarea
          label="Metadata (JSON object, optional)"
          description='Stored on every change or run the schedule starts, e.g. {"ticket": "OPS-1"}.'
          autosize
          minRows={2}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('metadata')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
