import { ActionIcon, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { isTerminalStatus } from '@contract/change';
import { useEffect, useRef } from 'react';
import type { ChangeStep } from '@/api/changes';
import { elapsedMs, formatDuration } from '@/lib/format-duration';
import type { StepAction, Verdict } from '@/lib/step-permissions';
import { Timestamp } from '@/ui/timestamp';
import { ActivityStatusBadge } from '@/ui/activity-status-badge';
import { DecisionRecords } from './decision-records';
import type { LogPaneRender } from './log-pane-slot';
import { StepActions } from './step-actions';

export interface StepPanelProps {
  step: ChangeStep;
  verdicts: Record<StepAction, Verdict>;
  now: number;
  onClose: () => void;
  logPane?: LogPaneRender | undefined;
}

/** A step's name as people know it: its name, or its action when it has none. */
export function stepLabel(step: Pick<ChangeStep, 'name' | 'action'>): string {
  return step.name === null || step.name === '' ? step.action : step.name;
}

function time(value: string | null) {
  return value === null ? '—' : <Timestamp value={value} />;
}

/**
 * The selected step beside the graph (a side panel, not a modal, so the graph stays usable): what it runs,
 * how, when, who decided on it, its log, and what the user may do with it.
 */
export function StepPanel({ step, verdicts, now, onClose, logPane }: StepPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const elapsed = elapsedMs(step.started_at, step.finished_at, now);
  // Moves focus to the panel when another step is chosen, so keyboard users land on what they opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step.id]);
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby={`step-panel-${step.id}`}>
      <Stack gap="sm">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Title order={2} size="h4" id={`step-panel-${step.id}`} ref={headingRef} tabIndex={-1}>
              Step {stepLabel(step)}
            </Title>
            <ActionIcon variant="subtle" aria-label="Close step details" onClick={onClose}>
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
          <ActivityStatusBadge status={step.status_code} size="md" />
        </Stack>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <Text size="sm" c="dimmed">
            Action
          </Text>
          <Text size="sm">{step.action}</Text>
          <Text size="sm" c="dimmed">
            Children run
          </Text>
          <Text size="sm">{step.child_ids.length === 0 ? 'no children' : step.child_execution_strategy}</Text>
          <Text size="sm" c="dimmed">
            Started
          </Text>
          <Text size="sm" component="div">
            {time(step.started_at)}
          </Text>
          <Text size="sm" c="dimmed">
            Finished
          </Text>
          <Text size="sm" component="div">
            {time(step.finished_at)}
          </Text>
          <Text size="sm" c="dimmed">
            Elapsed
          </Text>
          <Text size="sm">{elapsed === null ? '—' : formatDuration(elapsed)}</Text>
          {step.requires_approval_from === null ? null : (
            <>
              <Text size="sm" c="dimmed">
                Approval from
              </Text>
              <Text size="sm">{step.requires_approval_from}</Text>
            </>
          )}
          {step.skip_on_retry ? (
            <>
              <Text size="sm" c="dimmed">
                On retry
              </Text>
              <Text size="sm">skipped</Text>
            </>
          ) : null}
        </SimpleGrid>
        <DecisionRecords verb="Approved" records={step.approved_by} />
        <DecisionRecords verb="Rejected" records={step.rejected_by} />
        <DecisionRecords verb="Continued" records={step.continued_by} />
        <StepActions key={step.id} step={step} verdicts={verdicts} />
        {logPane === undefined ? null : (
          <>
            <Divider label="Log" labelPosition="left" />
            {logPane({
              changeId: step.change_id,
              stepId: step.id,
              isLive: !isTerminalStatus(step.status_code),
            })}
          </>
        )}
      </Stack>
    </Paper>
  );
}
