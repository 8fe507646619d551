import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { useStartWorkflowRun } from '@/api/workflow-runs';
import type { Workflow, WorkflowVersion } from '@/api/workflows';
import { Dialog } from '@/ui/dialog';
import { FormAlert } from '@/ui/form-alert';

export interface RunWorkflowDialogProps {
  workflow: Workflow;
  versions: readonly WorkflowVersion[];
  opened: boolean;
  onClose: () => void;
  /** The run started: open its page. */
  onStarted: (runId: string) => void;
}

/**
 * Runs a workflow. The version is picked from the published ones, the latest by default; OpsChain runs a
 * workflow's latest published version (its run request names no version), so older ones are listed but
 * cannot be chosen, and the dialog says so.
 */
export function RunWorkflowDialog({
  workflow,
  versions,
  opened,
  onClose,
  onStarted,
}: RunWorkflowDialogProps) {
  const start = useStartWorkflowRun();
  const latest = workflow.latest_published_version;
  const [version, setVersion] = useState<string | null>(latest === null ? null : String(latest));
  const published = versions.filter((candidate) => !candidate.draft && !candidate.archived);
  const handleRun = () => {
    start.mutate(
      { projectCode: workflow.projectCode, workflowCode: workflow.code },
      {
        onSuccess: (run) => {
          onStarted(run.id);
        },
      },
    );
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={`Run ${workflow.name}`}>
      <Stack gap="sm">
        <FormAlert title="Not started" message={start.isError ? failureMessage(start.error) : null} />
        <Select
          label="Version"
          description="OpsChain runs the latest published version; publish a version to run it."
          value={version}
          onChange={setVersion}
          allowDeselect={false}
          data={published.map((candidate) => ({
            value: String(candidate.version),
            label: `v${String(candidate.version)}${candidate.version === latest ? ' (latest published)' : ''}`,
            disabled: candidate.version !== latest,
          }))}
        />
        {latest === null ? (
          <Text size="sm">This workflow has no published version yet, so it cannot run.</Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={handleRun}
            loading={start.isPending}
            disabled={latest === null || version === null}
          >
            Run
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
