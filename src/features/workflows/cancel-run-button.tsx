import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { failureMessage } from '@/api/failures';
import { useCancelWorkflowRun, type WorkflowRunRef } from '@/api/workflow-runs';
import type { Verdict } from '@/lib/step-permissions';
import { Dialog } from '@/ui/dialog';
import { FormAlert } from '@/ui/form-alert';
import { GuardedButton } from '@/ui/guarded-button';
import { notifySuccess } from '@/ui/notify';

export interface CancelRunButtonProps {
  runRef: WorkflowRunRef;
  runId: string;
  deniedReason: Verdict;
}

/** Cancels an unfinished run after asking; its running changes are cancelled with it. */
export function CancelRunButton({ runRef, runId, deniedReason }: CancelRunButtonProps) {
  const [isAsking, asking] = useDisclosure(false);
  const cancel = useCancelWorkflowRun();
  return (
    <>
      <GuardedButton variant="default" color="red" deniedReason={deniedReason} onClick={asking.open}>
        Cancel run
      </GuardedButton>
      <Dialog opened={isAsking} onClose={asking.close} title="Cancel this run?">
        <Stack gap="sm">
          <FormAlert title="Not cancelled" message={cancel.isError ? failureMessage(cancel.error) : null} />
          <Text size="sm">Steps that have not finished are cancelled, and the run ends cancelled.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={asking.close}>
              Keep running
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() => {
                cancel.mutate(
                  { ref: runRef, runId },
                  {
                    onSuccess: () => {
                      asking.close();
                      notifySuccess('Run cancelled');
                    },
                  },
                );
              }}
            >
              Cancel the run
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
