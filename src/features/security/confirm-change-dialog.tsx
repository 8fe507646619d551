import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authorisationKeys } from '@/api/authorisation';
import { failureMessage, isForbidden } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import type { AccessData } from '@/lib/access-model';
import type { DeniableAction } from '@/lib/server-denials';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { ImpactPreview } from './impact-preview';
import type { SecurityContext } from './use-security-context';

/** A change waiting for confirmation: what it is, what it does to access, and how to make it. */
export interface PendingChange {
  title: string;
  description: string;
  confirmLabel: string;
  isDestructive: boolean;
  /** The objects as they would be after the change. */
  after: AccessData | null;
  run: () => Promise<unknown>;
  successMessage: string;
  deniable: DeniableAction;
}

export interface ConfirmChangeDialogProps {
  change: PendingChange | null;
  context: SecurityContext;
  onClose: () => void;
}

/** Asks before a delete, detach or assignment change, with the impact preview above the one button. */
export function ConfirmChangeDialog({ change, context, onClose }: ConfirmChangeDialogProps) {
  const recordDenial = useRecordDenial();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (pending: PendingChange) => pending.run(),
    // Every authorisation list and the explainer's data may have changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: authorisationKeys.all }),
  });
  const handleClose = () => {
    mutation.reset();
    onClose();
  };
  const handleConfirm = () => {
    if (change === null) return;
    mutation.mutate(change, {
      onSuccess: () => {
        notifySuccess(change.successMessage);
        handleClose();
      },
      onError: (error) => {
        if (isForbidden(error)) {
          notifyFailure(`${change.title}: not done`, failureMessage(error));
          recordDenial(error, change.deniable);
        }
      },
    });
  };
  return (
    <ConfirmDialog
      opened={change !== null}
      title={change?.title ?? ''}
      confirmLabel={change?.confirmLabel ?? ''}
      isDestructive={change?.isDestructive ?? false}
      pending={mutation.isPending}
      failure={mutation.isError ? failureMessage(mutation.error) : null}
      failureTitle="Not saved"
      size="lg"
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      {change === null ? null : (
        <>
          <Text size="sm">{change.description}</Text>
          <ImpactPreview context={context} after={change.after} />
        </>
      )}
    </ConfirmDialog>
  );
}
