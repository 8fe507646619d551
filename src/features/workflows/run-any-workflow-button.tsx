import { Button, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconRoute } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Dialog } from '@/ui/dialog';
import type { StartedWorkflowRun } from './pick-and-run-workflow';

// The picker and the run form load when the dialog first opens: the Activity page paints without them.
const PickAndRunWorkflow = lazy(() =>
  import('./pick-and-run-workflow').then((module) => ({ default: module.PickAndRunWorkflow })),
);

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
          <Suspense
            fallback={
              <Center py="md">
                <Loader size="sm" aria-label="Loading the workflows" />
              </Center>
            }
          >
            <PickAndRunWorkflow
              onCancel={dialog.close}
              onStarted={(run) => {
                dialog.close();
                onStarted(run);
              }}
            />
          </Suspense>
        ) : null}
      </Dialog>
    </>
  );
}
