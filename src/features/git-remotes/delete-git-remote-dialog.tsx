import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { failureMessage, isForbidden } from '@/api/failures';
import { useDeleteGitRemote, type GitRemote } from '@/api/git-remotes';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { WarningAlert } from '@/ui/warning-alert';

export interface DeleteGitRemoteDialogProps {
  projectCode: string;
  remote: GitRemote | null;
  /** Changing the project's remotes: a 403 is remembered on it, so the buttons say why they are disabled. */
  deniable: DeniableAction;
  onClose: () => void;
}

/**
 * Deletes an archived remote. OpsChain keeps a remote that changes have used and removes only its
 * credentials (200 with messages); an active remote must be archived first (422).
 */
export function DeleteGitRemoteDialog({
  projectCode,
  remote,
  deniable,
  onClose,
}: DeleteGitRemoteDialogProps) {
  const recordDenial = useRecordDenial();
  const remove = useDeleteGitRemote();
  const handleClose = () => {
    remove.reset();
    onClose();
  };
  const handleConfirm = () => {
    if (remote === null) return;
    remove.mutate(
      { projectCode, id: remote.id },
      {
        onSuccess: (result) => {
          if (result.outcome === 'deleted') notifySuccess(`Git remote ${remote.name} deleted.`);
          else {
            notifications.show({
              color: 'yellow',
              title: `${remote.name} was kept; its credentials were removed`,
              message: [
                ...result.messages,
                'Changes have used it, so OpsChain keeps it for their history.',
              ].join('\n'),
              autoClose: false,
              style: { whiteSpace: 'pre-line' },
            });
          }
          handleClose();
        },
        onError: (error) => {
          if (isForbidden(error)) {
            notifyFailure('Git remote not deleted', failureMessage(error));
            recordDenial(error, deniable);
          }
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={remote !== null}
      title={`Delete Git remote ${remote?.name ?? ''}?`}
      confirmLabel="Delete Git remote"
      pending={remove.isPending}
      failure={remove.isError ? failureMessage(remove.error) : null}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      <Text size="sm">
        Only archived remotes can be deleted. If changes have used this remote, OpsChain keeps it for their
        history and removes its credentials instead.
      </Text>
      {remote !== null && !remote.archived ? (
        <WarningAlert title="This remote is not archived">
          Archive it first; OpsChain refuses to delete an active remote.
        </WarningAlert>
      ) : null}
    </ConfirmDialog>
  );
}
