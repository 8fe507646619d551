import { Text } from '@mantine/core';
import { failureMessage } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import { useDeleteWorkflow } from '@/api/workflow-versions';
import type { Workflow } from '@/api/workflows';
import type { DeniableAction } from '@/lib/server-denials';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { notifySuccess } from '@/ui/notify';

export interface DeleteWorkflowDialogProps {
  workflow: Workflow;
  /** Whether the workflow has runs (then OpsChain archives it instead); null while unknown. */
  hasRuns: boolean | null;
  opened: boolean;
  deniable: DeniableAction;
  onClose: () => void;
  /** The workflow is gone: leave its page. */
  onDeleted: () => void;
}

function consequence(hasRuns: boolean | null): string {
  if (hasRuns === true)
    return 'It has runs, so OpsChain archives it instead of deleting it: it and its runs stay, and it can no longer run.';
  if (hasRuns === false)
    return 'It never ran, so OpsChain deletes it with all its versions and the schedules that would run it. There is no undo.';
  return 'OpsChain deletes a workflow that never ran, with its versions and schedules, and archives one that has runs.';
}

/** Asks before deleting a workflow, saying whether OpsChain will delete or archive it. */
export function DeleteWorkflowDialog({
  workflow,
  hasRuns,
  opened,
  deniable,
  onClose,
  onDeleted,
}: DeleteWorkflowDialogProps) {
  const recordDenial = useRecordDenial();
  const remove = useDeleteWorkflow();
  const handleClose = () => {
    remove.reset();
    onClose();
  };
  const handleConfirm = () => {
    remove.mutate(
      { projectCode: workflow.projectCode, workflowCode: workflow.code },
      {
        onSuccess: (result) => {
          if (result.outcome === 'deleted') {
            notifySuccess(`Workflow ${workflow.name} deleted.`);
            onDeleted();
          } else {
            notifySuccess(
              `Workflow ${workflow.name} has runs, so OpsChain archived it instead of deleting it.`,
            );
            handleClose();
          }
        },
        onError: (error) => {
          recordDenial(error, deniable);
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={opened}
      title={`Delete workflow ${workflow.name}?`}
      confirmLabel="Delete workflow"
      pending={remove.isPending}
      failure={remove.isError ? failureMessage(remove.error) : null}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      <Text size="sm">{consequence(hasRuns)}</Text>
    </ConfirmDialog>
  );
}
