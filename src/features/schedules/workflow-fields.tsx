import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { workflowListQuery } from '@/api/workflows';
import type { ScheduleFormValues } from './schedule-form-values';

export interface WorkflowFieldsProps {
  projectCode: string;
  form: UseFormReturnType<ScheduleFormValues>;
}

/** Which workflow a scheduled workflow runs: its latest published version when the schedule is created. */
export function WorkflowFields({ projectCode, form }: WorkflowFieldsProps) {
  const workflows = useQuery(
    workflowListQuery(projectCode, { filters: { archived_eq: false }, sorts: 'name' }),
  );
  const props = form.getInputProps('workflow_code');
  const loadError = workflows.isError
    ? `The workflows could not be loaded: ${failureMessage(workflows.error)}`
    : undefined;
  return (
    <Select
      label="Workflow"
      description="Runs the latest published version at the time the schedule is created."
      required
      searchable
      placeholder={workflows.isPending ? 'Loading…' : 'Pick a workflow'}
      nothingFoundMessage="No active workflows in this project"
      data={(workflows.data ?? []).map((workflow) => ({
        value: workflow.code,
        label:
          workflow.latest_published_version === null
            ? `${workflow.name} (${workflow.code}): no published version`
            : `${workflow.name} (${workflow.code}), version ${String(workflow.latest_published_version)}`,
        disabled: workflow.latest_published_version === null,
      }))}
      {...props}
      error={form.errors.workflow_code ?? loadError}
    />
  );
}
