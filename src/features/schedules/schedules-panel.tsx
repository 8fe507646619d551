import { Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { scheduledActivityListQuery, type ScheduledActivity } from '@/api/scheduled-activities';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';
import { DeleteScheduleDialog } from './delete-schedule-dialog';
import { ScheduleFilterBar } from './schedule-filter-bar';
import { ScheduleForm } from './schedule-form';
import type { ScheduleTarget } from './schedule-target';
import { isFiltered, scheduleSort, toScheduleQuery, type SchedulesSearch } from './schedules-search';
import { SchedulesTable } from './schedules-table';

const REFRESH_MS = 30_000;

export interface SchedulesPanelProps {
  target: ScheduleTarget;
  search: SchedulesSearch;
  onSearchChange: (patch: Partial<SchedulesSearch>) => void;
}

/** Why no schedule can be created here, beyond permissions; null when one can. */
function unavailable(target: ScheduleTarget): string | null {
  if (target.archived) return 'Archived nodes cannot have new schedules; restore it first';
  if (!target.canHaveChanges && !target.canHaveWorkflows)
    return 'Standard projects run changes on their environments: schedule them on an environment';
  return null;
}

/** A node's own schedules: list with filters, create, delete. */
export function SchedulesPanel({ target, search, onSearchChange }: SchedulesPanelProps) {
  const schedules = useQuery({
    ...scheduledActivityListQuery(target.ref, toScheduleQuery(search)),
    placeholderData: keepPreviousData,
    // Each run moves `next_run_at` on, and a schedule that does not repeat deletes itself after its run.
    refetchInterval: REFRESH_MS,
  });
  // Every schedule of the node, whatever the filters, for the near-collision warning (the same request as
  // the list's when it is not filtered).
  const all = useQuery(scheduledActivityListQuery(target.ref, toScheduleQuery({})));
  const [isCreating, creating] = useDisclosure(false);
  const [deleting, setDeleting] = useState<ScheduledActivity | null>(null);
  const need = (purpose: string) =>
    denial(target.authorisations, {
      nodePath: target.path,
      facet: 'scheduled_activities',
      permission: 'update',
      purpose,
    });
  const deniable: DeniableAction = { resource: target.path, action: 'scheduled-activities' };
  const deleteDenied = need('delete schedules');
  return (
    <Stack gap="sm">
      <ScheduleFilterBar search={search} onSearchChange={onSearchChange}>
        <GuardedButton
          size="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          deniedReason={need('create schedules') ?? unavailable(target)}
          deniable={deniable}
          onClick={creating.open}
        >
          New schedule
        </GuardedButton>
      </ScheduleFilterBar>
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
        emptyTitle={`No schedules on ${target.name}`}
        emptyHint="Schedules start changes (and, on Enterprise projects, workflows) at the times a cron expression names."
        isFiltered={isFiltered(search)}
        onClearFilters={() => {
          onSearchChange({ q: undefined, kind: undefined, state: undefined });
        }}
      />
      <Dialog opened={isCreating} onClose={creating.close} title={`New schedule on ${target.path}`} size="lg">
        {isCreating ? (
          <ScheduleForm
            target={target}
            existing={all.data?.items ?? []}
            deniable={deniable}
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
