import { Text } from '@mantine/core';
import { failureMessage } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import { useDeleteDraftVersions, useDeleteWorkflowVersion } from '@/api/workflow-versions';
import type { Workflow } from '@/api/workflows';
import type { DeniableAction } from '@/lib/server-denials';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { notifySuccess } from '@/ui/notify';

/** What to delete: one draft version, or every draft. */
export type VersionDeletion =
  { kind: 'version'; version: number } | { kind: 'drafts'; versions: readonly number[] };

export interface DeleteVersionsDialogProps {
  workflow: Workflow;
  deletion: VersionDeletion | null;
  /** The server may refuse (403): then the delete buttons say why they are disabled. */
  deniable: DeniableAction;
  onClose: () => void;
}

function listed(versions: readonly number[]): string {
  return versions.map((version) => `v${String(version)}`).join(', ');
}

/** Asks before deleting a draft version, or all drafts; says what the server answered when it refuses. */
export function DeleteVersionsDialog({ workflow, deletion, deniable, onClose }: DeleteVersionsDialogProps) {
  const recordDenial = useRecordDenial();
  const deleteOne = useDeleteWorkflowVersion();
  const deleteDrafts = useDeleteDraftVersions();
  const mutation = deletion?.kind === 'drafts' ? deleteDrafts : deleteOne;
  const ref = { projectCode: workflow.projectCode, workflowCode: workflow.code };
  const handleClose = () => {
    deleteOne.reset();
    deleteDrafts.reset();
    onClose();
  };
  const callbacks = (message: string) => ({
    onSuccess: () => {
      notifySuccess(message);
      handleClose();
    },
    onError: (error: unknown) => {
      recordDenial(error, deniable);
    },
  });
  const handleConfirm = () => {
    if (deletion === null) return;
    if (deletion.kind === 'version')
      deleteOne.mutate(
        { ...ref, version: deletion.version },
        callbacks(`Draft version ${String(deletion.version)} of ${workflow.name} deleted.`),
      );
    else deleteDrafts.mutate(ref, callbacks(`The drafts of ${workflow.name} were deleted.`));
  };
  const title =
    deletion?.kind === 'drafts'
      ? 'Delete all draft versions?'
      : `Delete draft version ${String(deletion?.version ?? '')}?`;
  return (
    <ConfirmDialog
      opened={deletion !== null}
      title={title}
      confirmLabel={deletion?.kind === 'drafts' ? 'Delete drafts' : 'Delete version'}
      pending={mutation.isPending}
      failure={mutation.isError ? failureMessage(mutation.error) : null}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      {deletion === null ? null : (
        <Text size="sm">
          {deletion.kind === 'drafts'
            ? `The drafts of ${workflow.name} (${listed(deletion.versions)}) are deleted; its published and archived versions stay.`
            : `Version ${String(deletion.version)} of ${workflow.name} is deleted; the other versions stay.`}{' '}
          Drafts never ran, so no run refers to them. There is no undo.
        </Text>
      )}
    </ConfirmDialog>
  );
}
