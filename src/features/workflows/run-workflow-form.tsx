import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { useStartWorkflowRun } from '@/api/workflow-runs';
import type { Workflow, WorkflowVersion } from '@/api/workflows';
import { FormAlert } from '@/ui/form-alert';
import { GuardedButton } from '@/ui/guarded-button';

export interface RunWorkflowFormProps {
  workflow: Workflow;
  versions: readonly WorkflowVersion[];
  /** Why the user may not run it (permissions, archived), or null. */
  deniedReason?: string | null | undefined;
  onCancel: () => void;
  /** The run started: open its page. */
  onStarted: (runId: string) => void;
}

/**
 * The version to run, picked from the published ones, the latest by default; OpsChain runs a workflow's
 * latest published version (its run request names no version), so older ones are listed but cannot be
 * chosen, and the form says so.
 */
export function RunWorkflowForm({
  workflow,
  versions,
  deniedReason = null,
  onCancel,
  onStarted,
}: RunWorkflowFormProps) {
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
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <GuardedButton
          onClick={handleRun}
          loading={start.isPending}
          deniedReason={deniedReason}
          disabled={latest === null || version === null}
        >
          Run
        </GuardedButton>
      </Group>
    </Stack>
  );
}
