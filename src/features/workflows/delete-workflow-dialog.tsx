import { Button, Group, Stack, Text } from '@mantine/core';
import { failureMessage } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import { useDeleteWorkflow } from '@/api/workflow-versions';
import type { Workflow } from '@/api/workflows';
import type { DeniableAction } from '@/lib/server-denials';
import { Dialog } from '@/ui/dialog';
import { FormAlert } from '@/ui/form-alert';
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
    <Dialog opened={opened} onClose={handleClose} title={`Delete workflow ${workflow.name}?`}>
      <Stack>
        <Text size="sm">{consequence(hasRuns)}</Text>
        <FormAlert title="Not deleted" message={remove.isError ? failureMessage(remove.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={handleClose}>
            Cancel
          </Button>
          <Button color="red" onClick={handleConfirm} loading={remove.isPending} data-autofocus>
            Delete workflow
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
