import { List, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChangeDetail } from '@/api/changes';
import { useCancelChange } from '@/api/changes';
import { failureMessage } from '@/api/failures';
import type { Verdict } from '@/lib/step-permissions';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { GuardedButton } from '@/ui/guarded-button';
import { notifySuccess } from '@/ui/notify';
import { activityStatusLabel } from '@/ui/activity-status-badge';
import { stepLabel } from './step-panel';
import { stepsToStop } from './steps-to-stop';

export interface CancelChangeButtonProps {
  detail: ChangeDetail;
  deniedReason: Verdict;
}

/** Cancel, confirmed in a dialog that lists the steps it will stop. */
export function CancelChangeButton({ detail, deniedReason }: CancelChangeButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  const cancel = useCancelChange();
  const stopping = stepsToStop(detail.steps);
  const handleClose = () => {
    setIsOpen(false);
    cancel.reset();
  };
  const handleConfirm = () => {
    cancel.mutate(
      { id: detail.change.id },
      {
        onSuccess: () => {
          setIsOpen(false);
          notifySuccess('The change was cancelled');
        },
      },
    );
  };
  return (
    <>
      <GuardedButton
        deniedReason={deniedReason}
        color="red"
        variant="outline"
        onClick={() => {
          setIsOpen(true);
        }}
      >
        Cancel change
      </GuardedButton>
      <ConfirmDialog
        opened={isOpen}
        title="Cancel this change?"
        confirmLabel="Cancel change"
        cancelLabel="Keep running"
        pending={cancel.isPending}
        failure={cancel.isError ? failureMessage(cancel.error) : null}
        failureTitle="Not cancelled"
        onConfirm={handleConfirm}
        onClose={handleClose}
      >
        {stopping.length === 0 ? (
          <Text size="sm">The change has not started any step yet; it will not start.</Text>
        ) : (
          <>
            <Text size="sm">
              {stopping.length === 1 ? 'This step stops' : `These ${String(stopping.length)} steps stop`} and
              end cancelled; steps that have not started will not run:
            </Text>
            <List size="sm" aria-label="Steps that will stop">
              {stopping.slice(0, 20).map((step) => (
                <List.Item key={step.id}>
                  {stepLabel(step)} ({activityStatusLabel(step.status_code).toLowerCase()})
                </List.Item>
              ))}
            </List>
            {stopping.length > 20 ? (
              <Text size="sm" c="dimmed">
                and {String(stopping.length - 20)} more
              </Text>
            ) : null}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
