import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconRoute } from '@tabler/icons-react';
import { Dialog } from '@/ui/dialog';
import { PickAndRunWorkflow, type StartedWorkflowRun } from './pick-and-run-workflow';

export interface RunAnyWorkflowButtonProps {
  /** The run started: open its page. */
  onStarted: (run: StartedWorkflowRun) => void;
}

/** "Run workflow" where no workflow is at hand (the Activity page): pick the project and workflow first. */
export function RunAnyWorkflowButton({ onStarted }: RunAnyWorkflowButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  return (
    <>
      <Button
        size="sm"
        variant="default"
        leftSection={<IconRoute size={16} aria-hidden />}
        onClick={dialog.open}
      >
        Run workflow
      </Button>
      <Dialog opened={isOpen} onClose={dialog.close} title="Run a workflow" size="lg">
        {isOpen ? (
          <PickAndRunWorkflow
            onCancel={dialog.close}
            onStarted={(run) => {
              dialog.close();
              onStarted(run);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
