import { Alert, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { isTerminalStatus } from '@contract/change';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { changeQuery } from '@/api/changes';
import { useCurrentUser } from '@/api/current-user';
import { failureMessage } from '@/api/failures';
import { LARGE_STEP_TREE, stepTreeFromSteps } from '@/lib/step-tree';
import { LazyStepGraph } from '@/ui/step-graph-lazy';
import { cancelVerdict, stepVerdicts, type Asker, type ChangeTarget } from '@/lib/step-permissions';
import { ActivityStatusBadge } from '@/ui/activity-status-badge';
import { CancelChangeButton } from './cancel-change-button';
import { RunAgainButton } from './run-again-button';
import { ChangeBlocking } from './change-blocking';
import { ChangeDetails } from './change-details';
import { ChangeInputs } from './change-inputs';
import type { LogPaneRender } from './log-pane-slot';
import { StepPanel } from './step-panel';
import { useChangeTarget } from './use-change-target';
import { useNow } from './use-now';
import { WaitingNotice } from './waiting-notice';

export interface ChangePageProps {
  changeId: string;
  /** The step shown beside the steps (`?step=` in the address). */
  selectedStepId: string | undefined;
  onSelectStep: (stepId: string | undefined) => void;
  /** The log view (from the log feature), for the whole change and for the selected step. */
  logPane?: LogPaneRender | undefined;
  /** "Run again" created a new change: open its page. */
  onChangeCreated: (changeId: string) => void;
}

/** One change: what it is, its steps as they run, the selected step, and what the user may do. */
export function ChangePage({
  changeId,
  selectedStepId,
  onSelectStep,
  logPane,
  onChangeCreated,
}: ChangePageProps) {
  const query = useSuspenseQuery(changeQuery(changeId));
  const detail = query.data;
  const { change } = detail;
  const isLive = !isTerminalStatus(change.status_code);
  const now = useNow(isLive);
  const targetNode = useChangeTarget(detail.target);
  const currentUser = useCurrentUser();
  const asker: Asker = {
    username: currentUser.username ?? '',
    groups: currentUser.user === undefined || currentUser.user === null ? null : currentUser.user.groupnames,
  };
  const target: ChangeTarget = {
    kind: detail.target?.kind ?? 'project',
    authorisations: targetNode.authorisations,
  };
  // A new tree only when a step changed (the query keeps unchanged data identical between polls).
  const tree = useMemo(
    () => stepTreeFromSteps(detail.steps, detail.rootStepId).tree,
    [detail.steps, detail.rootStepId],
  );
  const stepNames = useMemo(
    () => new Map(detail.steps.map((step) => [step.id, step.name ?? step.id])),
    [detail.steps],
  );
  const selected = useMemo(
    () => detail.steps.find((step) => step.id === selectedStepId),
    [detail.steps, selectedStepId],
  );
  const { isReady: showsLog, onGraphPainted } = useAfterGraph(
    tree !== null && detail.steps.length > LARGE_STEP_TREE,
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Change {change.action}</Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Status
            </Text>
            <span role="status" aria-label={`Change status`}>
              <ActivityStatusBadge status={change.status_code} size="lg" />
            </span>
          </Group>
        </Stack>
        <Group gap="xs">
          <CancelChangeButton detail={detail} deniedReason={cancelVerdict(change, target)} />
          <RunAgainButton
            detail={detail}
            authorisations={targetNode.authorisations}
            onCreated={onChangeCreated}
          />
        </Group>
      </Group>
      {query.isRefetchError ? (
        <Alert color="yellow" icon={<IconPlugConnectedX aria-hidden />} title="Live updates paused">
          {failureMessage(query.error)} The page retries on its own.
        </Alert>
      ) : null}
      <ChangeBlocking detail={detail} />
      <WaitingNotice steps={detail.steps} selectedId={selected?.id} onSelect={onSelectStep} />
      <Paper withBorder p="md">
        <ChangeDetails detail={detail} targetName={targetNode.name} now={now} />
      </Paper>
      <ChangeInputs change={change} />
      {detail.unreadableSteps.length > 0 ? (
        <Alert color="yellow" title="Some steps could not be read">
          {detail.unreadableSteps.length} step(s) did not match the API contract and are not shown.
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: selected === undefined ? 12 : 7 }}>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Steps
            </Title>
            {tree === null ? (
              <Text size="sm" c="dimmed">
                The change has no steps yet.
              </Text>
            ) : (
              <LazyStepGraph
                tree={tree}
                selectedId={selected?.id}
                onSelect={onSelectStep}
                now={now}
                label={`Steps of change ${change.action}`}
                onPainted={onGraphPainted}
              />
            )}
          </Stack>
        </Grid.Col>
        {selected === undefined ? null : (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <StepPanel
              step={selected}
              verdicts={stepVerdicts({ step: selected, change, asker, target })}
              now={now}
              logPane={logPane}
              onClose={() => {
                onSelectStep(undefined);
              }}
            />
          </Grid.Col>
        )}
      </Grid>
      {logPane === undefined || !showsLog ? null : (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Change log
          </Title>
          {logPane({ changeId, isLive, stepNames })}
        </Stack>
      )}
    </Stack>
  );
}

/** The longest the change log waits for the graph (its chunk may be slow to download, or fail). */
const LOG_WAIT_MS = 3_000;

/**
 * Holds the change log of a large change back until the step graph has painted (or a few seconds have
 * passed): the log's requests and rows would otherwise compete with the graph on opening. A small change's
 * log shows at once (waiting for the graph's code held a long log's first screen back).
 */
function useAfterGraph(hasGraph: boolean): { isReady: boolean; onGraphPainted: () => void } {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted || !hasGraph) return undefined;
    const timer = window.setTimeout(() => {
      setPainted(true);
    }, LOG_WAIT_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [painted, hasGraph]);
  const onGraphPainted = useCallback(() => {
    setPainted(true);
  }, []);
  return { isReady: painted || !hasGraph, onGraphPainted };
}
