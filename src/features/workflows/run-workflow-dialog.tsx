import type { Workflow, WorkflowVersion } from '@/api/workflows';
import { Dialog } from '@/ui/dialog';
import { RunWorkflowForm } from './run-workflow-form';

export interface RunWorkflowDialogProps {
  workflow: Workflow;
  versions: readonly WorkflowVersion[];
  opened: boolean;
  onClose: () => void;
  /** The run started: open its page. */
  onStarted: (runId: string) => void;
}

/** Runs a workflow: the version (latest published by default), then Run. */
export function RunWorkflowDialog({
  workflow,
  versions,
  opened,
  onClose,
  onStarted,
}: RunWorkflowDialogProps) {
  return (
    <Dialog opened={opened} onClose={onClose} title={`Run ${workflow.name}`}>
      <RunWorkflowForm workflow={workflow} versions={versions} onCancel={onClose} onStarted={onStarted} />
    </Dialog>
  );
}
