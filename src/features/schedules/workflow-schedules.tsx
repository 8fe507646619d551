import { Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { scheduledActivityListQuery, type ScheduledActivity } from '@/api/scheduled-activities';
import type { Project } from '@/api/projects';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';
import { DeleteScheduleDialog } from './delete-schedule-dialog';
import { ScheduleForm } from './schedule-form';
import { scheduleTargetOf } from './schedule-target';
import { scheduleSort, toScheduleQuery, type SchedulesSearch } from './schedules-search';
import { SchedulesTable } from './schedules-table';

const REFRESH_MS = 30_000;

export interface WorkflowSchedulesProps {
  project: Project;
  workflow: { code: string; name: string; archived: boolean; latest_published_version: number | null };
  /** The list's sort, from the address. */
  search: Pick<SchedulesSearch, 'sort' | 'dir'>;
  onSearchChange: (patch: Pick<SchedulesSearch, 'sort' | 'dir'>) => void;
}

/** Why the workflow cannot be scheduled, beyond permissions; null when it can. */
function unavailable(workflow: WorkflowSchedulesProps['workflow'], project: Project): string | null {
  if (project.archived) return 'Archived projects cannot have new schedules';
  if (workflow.archived) return 'Archived workflows cannot be scheduled: restore it first';
  if (workflow.latest_published_version === null)
    return 'A schedule runs the latest published version: publish a version first';
  return null;
}

/** The schedules that run one workflow (on its project), with "Schedule this workflow" and Delete. */
export function WorkflowSchedules({ project, workflow, search, onSearchChange }: WorkflowSchedulesProps) {
  const target = scheduleTargetOf(project);
  const query = toScheduleQuery(search);
  const schedules = useQuery({
    ...scheduledActivityListQuery(target.ref, {
      ...query,
      filters: { ...query.filters, type_eq: 'scheduled_workflow', workflow_code_eq: workflow.code },
    }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  // Every schedule of the project, for the near-collision warning.
  const all = useQuery(scheduledActivityListQuery(target.ref, toScheduleQuery({})));
  const [isCreating, creating] = useDisclosure(false);
  const [deleting, setDeleting] = useState<ScheduledActivity | null>(null);
  const need = (purpose: string) =>
    denial(project.meta.authorisations, {
      nodePath: project.path,
      facet: 'scheduled_activities',
      permission: 'update',
      purpose,
    });
  const deniable: DeniableAction = { resource: project.path, action: 'scheduled-activities' };
  const deleteDenied = need('delete schedules');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Schedules
        </Title>
        <GuardedButton
          size="xs"
          variant="default"
          leftSection={<IconCalendarPlus size={14} aria-hidden />}
          deniedReason={need('create schedules') ?? unavailable(workflow, project)}
          deniable={deniable}
          onClick={creating.open}
        >
          Schedule this workflow
        </GuardedButton>
      </Group>
      <SchedulesTable
        schedules={schedules.data?.items}
        unreadable={schedules.data?.unreadable}
        failure={schedules.isError ? failureMessage(schedules.error) : null}
        onRetry={() => void schedules.refetch()}
        isFetching={schedules.isFetching}
        showTarget={false}
        sort={scheduleSort(search)}
        onSortChange={onSearchChange}
        deleteDenied={() => deleteDenied}
        deniable={deniable}
        onDelete={setDeleting}
        emptyTitle={`No schedules run ${workflow.name}`}
        emptyHint="A schedule runs the workflow's latest published version at the times a cron expression names."
        isFiltered={false}
        onClearFilters={() => undefined}
      />
      <Dialog opened={isCreating} onClose={creating.close} title={`Schedule ${workflow.name}`} size="lg">
        {isCreating ? (
          <ScheduleForm
            target={target}
            existing={all.data?.items ?? []}
            deniable={deniable}
            workflowCode={workflow.code}
            onDone={creating.close}
          />
        ) : null}
      </Dialog>
      <DeleteScheduleDialog
        schedule={deleting}
        deniable={deniable}
        onClose={() => {
          setDeleting(null);
        }}
      />
    </Stack>
  );
}
