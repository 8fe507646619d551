import { Code, Text } from '@mantine/core';
import { failureMessage, isForbidden } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import { useDeleteScheduledActivity, type ScheduledActivity } from '@/api/scheduled-activities';
import type { DeniableAction } from '@/lib/server-denials';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { scheduleWhat, scheduleWhen, scheduleWhere } from './schedule-labels';

export interface DeleteScheduleDialogProps {
  schedule: ScheduledActivity | null;
  /** Deleting here, as the server may refuse it: a 403 is remembered, so Delete says why it is disabled. */
  deniable?: DeniableAction | undefined;
  onClose: () => void;
}

/** Asks before deleting a schedule; what it already started stays. */
export function DeleteScheduleDialog({ schedule, deniable, onClose }: DeleteScheduleDialogProps) {
  const recordDenial = useRecordDenial();
  const remove = useDeleteScheduledActivity();
  const handleClose = () => {
    remove.reset();
    onClose();
  };
  const handleConfirm = () => {
    if (schedule === null) return;
    remove.mutate(
      { id: schedule.id },
      {
        onSuccess: () => {
          notifySuccess(`Schedule ${scheduleWhat(schedule)} on ${scheduleWhere(schedule)} deleted.`);
          handleClose();
        },
        onError: (error) => {
          if (isForbidden(error)) {
            notifyFailure('Schedule not deleted', failureMessage(error));
            if (deniable !== undefined) recordDenial(error, deniable);
          }
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={schedule !== null}
      title="Delete this schedule?"
      confirmLabel="Delete schedule"
      pending={remove.isPending}
      failure={remove.isError ? failureMessage(remove.error) : null}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      {schedule === null ? null : (
        <Text size="sm">
          <strong>{scheduleWhat(schedule)}</strong> on {scheduleWhere(schedule)},{' '}
          <Code>{schedule.cron_schedule}</Code> ({scheduleWhen(schedule.cron_schedule)}, UTC).
        </Text>
      )}
      <Text size="sm">
        It will not start anything again. Changes and workflow runs it already started are not affected. There
        is no undo: to schedule it again, create it anew.
      </Text>
    </ConfirmDialog>
  );
}
