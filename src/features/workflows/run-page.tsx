import { Alert, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { isTerminalStatus } from '@contract/change';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCurrentUser } from '@/api/current-user';
import { failureMessage } from '@/api/failures';
import { projectQuery } from '@/api/projects';
import { workflowRunQuery } from '@/api/workflow-runs';
import type { Asker } from '@/lib/step-permissions';
import { cancelRunVerdict, workflowStepVerdicts } from '@/lib/workflow-step-permissions';
import { workflowRunTree } from '@/lib/workflow-run-tree';
import { ActivityStatusBadge } from '@/ui/activity-status-badge';
import { AnchorLink } from '@/ui/router-links';
import { LazyStepGraph } from '@/ui/step-graph-lazy';
import { Timestamp } from '@/ui/timestamp';
import { CancelRunButton } from './cancel-run-button';
import { RunStepPanel } from './run-step-panel';
import { workflowLinkOptions } from './workflow-links';

const RUN_POLL_MS = 1_000;

export interface RunPageProps {
  projectCode: string;
  workflowCode: string;
  runId: string;
  /** The step open beside the graph (`?step=`). */
  selectedStepId: string | undefined;
  onSelectStep: (stepId: string | undefined) => void;
}

/** One run of a workflow: its steps on the graph as they run, the selected step, approve / continue, cancel. */
export function RunPage({ projectCode, workflowCode, runId, selectedStepId, onSelectStep }: RunPageProps) {
  const ref = { projectCode, workflowCode };
  const query = useSuspenseQuery({
    ...workflowRunQuery(ref, runId),
    refetchInterval: (current) =>
      current.state.data === undefined || isTerminalStatus(current.state.data.run.status_code)
        ? false
        : RUN_POLL_MS,
  });
  const { run, steps, version, unreadableSteps } = query.data;
  const project = useSuspenseQuery(projectQuery(projectCode)).data;
  const authorisations = project.meta.authorisations;
  const currentUser = useCurrentUser();
  const asker: Asker = {
    username: currentUser.username ?? '',
    groups: currentUser.user === undefined || currentUser.user === null ? null : currentUser.user.groupnames,
  };
  const tree = useMemo(() => workflowRunTree(run.step_tree, steps), [run.step_tree, steps]);
  const selected = steps.find((step) => step.id === selectedStepId);
  const selectedDetail = useMemo(() => {
    const find = (node: typeof tree): string | undefined =>
      node.id === selectedStepId ? node.detail : node.children.map(find).find((found) => found !== undefined);
    return selectedStepId === undefined ? undefined : find(tree);
  }, [tree, selectedStepId]);
  const workflowName = run.step_tree.name;

  return (
    <Stack gap="md">
      <AnchorLink {...workflowLinkOptions(projectCode, workflowCode)} size="sm">
        Workflow {workflowName}
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Run of {workflowName}</Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Status
            </Text>
            <span role="status" aria-label="Run status">
              <ActivityStatusBadge status={run.status_code} size="lg" />
            </span>
          </Group>
        </Stack>
        <CancelRunButton
          runRef={ref}
          runId={run.id}
          deniedReason={cancelRunVerdict(run.status_code, authorisations)}
        />
      </Group>
      {query.isRefetchError ? (
        <Alert color="yellow" icon={<IconPlugConnectedX aria-hidden />} title="Live updates paused">
          {failureMessage(query.error)} The page retries on its own.
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={4}>
          <Text size="sm" c="dimmed">
            Version
          </Text>
          <Text size="sm">{version === null ? 'Unknown' : `v${String(version)}`}</Text>
          <Text size="sm" c="dimmed">
            Started by
          </Text>
          <Text size="sm">{run.scheduled ? `${run.created_by} (scheduled)` : run.created_by}</Text>
          <Text size="sm" c="dimmed">
            Started
          </Text>
          <Text size="sm" component="div">
            {run.started_at === null ? 'Not yet' : <Timestamp value={run.started_at} />}
          </Text>
          <Text size="sm" c="dimmed">
            Finished
          </Text>
          <Text size="sm" component="div">
            {run.finished_at === null ? 'Not yet' : <Timestamp value={run.finished_at} />}
          </Text>
        </SimpleGrid>
      </Paper>
      {unreadableSteps > 0 ? (
        <Alert color="yellow" title="Some steps could not be read">
          {unreadableSteps} step(s) did not match the API contract and show as pending.
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: selected === undefined ? 12 : 7 }}>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Steps
            </Title>
            <LazyStepGraph
              tree={tree}
              selectedId={selected?.id}
              onSelect={onSelectStep}
              label={`Steps of the run of ${workflowName}`}
            />
          </Stack>
        </Grid.Col>
        {selected === undefined ? null : (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <RunStepPanel
              projectCode={projectCode}
              step={selected}
              detail={selectedDetail}
              verdicts={workflowStepVerdicts({
                step: {
                  status_code: selected.status_code,
                  requires_approval_from:
                    selected.type === 'workflow_wait_step' ? selected.requires_approval_from : null,
                },
                asker,
                authorisations,
              })}
              onClose={() => {
                onSelectStep(undefined);
              }}
            />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
