import { Text } from '@mantine/core';
import { failureMessage } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import { useSetWorkflowArchived } from '@/api/workflow-versions';
import type { Workflow } from '@/api/workflows';
import type { DeniableAction } from '@/lib/server-denials';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { notifySuccess } from '@/ui/notify';

export interface ArchiveWorkflowDialogProps {
  workflow: Workflow;
  opened: boolean;
  deniable: DeniableAction;
  onClose: () => void;
}

/** Asks before archiving a workflow (or restoring an archived one), saying what that does. */
export function ArchiveWorkflowDialog({ workflow, opened, deniable, onClose }: ArchiveWorkflowDialogProps) {
  const recordDenial = useRecordDenial();
  const archive = useSetWorkflowArchived();
  const isRestoring = workflow.archived;
  const handleClose = () => {
    archive.reset();
    onClose();
  };
  const handleConfirm = () => {
    archive.mutate(
      { workflow, archived: !isRestoring },
      {
        onSuccess: () => {
          notifySuccess(isRestoring ? `${workflow.name} restored.` : `${workflow.name} archived.`);
          handleClose();
        },
        onError: (error) => {
          recordDenial(error, deniable);
        },
      },
    );
  };
  const next = workflow.latest_version + 1;
  return (
    <ConfirmDialog
      opened={opened}
      title={isRestoring ? `Restore workflow ${workflow.name}?` : `Archive workflow ${workflow.name}?`}
      confirmLabel={isRestoring ? 'Restore workflow' : 'Archive workflow'}
      isDestructive={false}
      pending={archive.isPending}
      failure={archive.isError ? failureMessage(archive.error) : null}
      failureTitle={isRestoring ? 'Not restored' : 'Not archived'}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      <Text size="sm">
        {isRestoring
          ? 'It can run again, and be scheduled.'
          : 'It can no longer run and stays listed as archived; its runs, versions and schedules stay. You can restore it later.'}
      </Text>
      <Text size="sm">
        OpsChain saves every update of a workflow as a new version: this saves version {next}, the same steps
        as version {workflow.latest_version} ({workflow.draft ? 'a draft' : 'published'}), with the workflow{' '}
        {isRestoring ? 'restored' : 'archived'}.
      </Text>
    </ConfirmDialog>
  );
}
