import { Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { scheduledActivityListQuery, type ScheduledActivity } from '@/api/scheduled-activities';
import { denial } from '@/lib/permissions';
import { DeleteScheduleDialog } from './delete-schedule-dialog';
import { ScheduleFilterBar } from './schedule-filter-bar';
import { scheduleWhere } from './schedule-labels';
import { isFiltered, scheduleSort, toScheduleQuery, type SchedulesSearch } from './schedules-search';
import { SchedulesTable } from './schedules-table';

const REFRESH_MS = 30_000;

export interface SchedulesPageProps {
  search: SchedulesSearch;
  onSearchChange: (patch: Partial<SchedulesSearch>) => void;
}

/** Why the user may not delete this schedule, from its node's permissions (included with the list). */
function deleteDenied(schedule: ScheduledActivity): string | null {
  const requirement = {
    nodePath: scheduleWhere(schedule),
    facet: 'scheduled_activities',
    permission: 'update',
    purpose: 'delete schedules',
  } as const;
  return denial(schedule.authorisations ?? {}, requirement);
}

/** Every schedule the user may see, across projects: filters in the URL, delete where permitted. */
export function SchedulesPage({ search, onSearchChange }: SchedulesPageProps) {
  const schedules = useQuery({
    ...scheduledActivityListQuery(null, toScheduleQuery(search)),
    placeholderData: keepPreviousData,
    // Each run moves `next_run_at` on, and a schedule that does not repeat deletes itself after its run.
    refetchInterval: REFRESH_MS,
  });
  const [deleting, setDeleting] = useState<ScheduledActivity | null>(null);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>Schedules</Title>
        <Text size="sm" c="dimmed">
          Changes and workflows OpsChain starts by itself, at times given as cron expressions in UTC. To add
          one, open the Schedules tab of a project, environment or asset.
        </Text>
      </Stack>
      <ScheduleFilterBar search={search} onSearchChange={onSearchChange} />
      <SchedulesTable
        schedules={schedules.data?.items}
        unreadable={schedules.data?.unreadable}
        failure={schedules.isError ? failureMessage(schedules.error) : null}
        onRetry={() => void schedules.refetch()}
        isFetching={schedules.isFetching}
        showTarget
        sort={scheduleSort(search)}
        onSortChange={onSearchChange}
        deleteDenied={deleteDenied}
        onDelete={setDeleting}
        emptyTitle="No schedules yet"
        emptyHint="Schedules start changes and workflows at the times a cron expression names."
        isFiltered={isFiltered(search)}
        onClearFilters={() => {
          onSearchChange({ q: undefined, kind: undefined, state: undefined });
        }}
      />
      <DeleteScheduleDialog
        schedule={deleting}
        onClose={() => {
          setDeleting(null);
        }}
      />
    </Stack>
  );
}
