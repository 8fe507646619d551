import { ActionIcon, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ApprovalRecord } from '@contract/change';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { changeQuery } from '@/api/changes';
import type { WorkflowRunStep } from '@/api/workflow-runs';
import type { Verdict } from '@/lib/step-permissions';
import type { WorkflowStepAction } from '@/lib/workflow-step-permissions';
import { ActivityStatusBadge } from '@/ui/activity-status-badge';
import { AnchorLink } from '@/ui/router-links';
import { Timestamp } from '@/ui/timestamp';
import { WaitStepActions } from './wait-step-actions';
import { workflowRunLinkOptions } from './workflow-links';

export interface RunStepPanelProps {
  projectCode: string;
  step: WorkflowRunStep;
  /** The action or target the run's step tree names for the step. */
  detail: string | undefined;
  verdicts: Record<WorkflowStepAction, Verdict>;
  onClose: () => void;
}

const KIND_LABELS: Record<WorkflowRunStep['type'], string> = {
  workflow_noop_step: 'Stage',
  workflow_change_step: 'Change step',
  workflow_wait_step: 'Wait step',
  workflow_workflow_step: 'Workflow step',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </>
  );
}

function ChangeOfStep({ changeId }: { changeId: string }) {
  const change = useQuery(changeQuery(changeId));
  return (
    <Group gap="xs">
      <AnchorLink to="/changes/$changeId" params={{ changeId }} size="sm">
        Open the change
      </AnchorLink>
      {change.data === undefined ? null : <ActivityStatusBadge status={change.data.change.status_code} />}
    </Group>
  );
}

function Decisions({ verb, records }: { verb: string; records: readonly ApprovalRecord[] | null }) {
  if (records === null || records.length === 0) return null;
  const text = records
    .map((record) => (record.message ? `${record.username}: “${record.message}”` : record.username))
    .join('; ');
  return <Row label={verb}>{text}</Row>;
}

/** The selected step of a run beside the graph: what it is, when it ran, its change or child run, decisions. */
export function RunStepPanel({ projectCode, step, detail, verdicts, onClose }: RunStepPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [step.id]);
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby={`run-step-${step.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={`run-step-${step.id}`} ref={headingRef} tabIndex={-1}>
            Step {step.name}
          </Title>
          <ActionIcon variant="subtle" aria-label="Close step details" onClick={onClose}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
        <ActivityStatusBadge status={step.status_code} size="md" />
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <Row label="Kind">{KIND_LABELS[step.type]}</Row>
          {detail === undefined ? null : <Row label="Runs">{detail}</Row>}
          <Row label="Started">{step.started_at === null ? '—' : <Timestamp value={step.started_at} />}</Row>
          <Row label="Finished">
            {step.finished_at === null ? '—' : <Timestamp value={step.finished_at} />}
          </Row>
          {step.type === 'workflow_change_step' ? (
            <Row label="Change">
              {step.changeId === null ? 'Not created yet' : <ChangeOfStep changeId={step.changeId} />}
            </Row>
          ) : null}
          {step.type === 'workflow_workflow_step' ? (
            <Row label="Child run">
              {step.childRunId === null ? (
                'Not started yet'
              ) : (
                <AnchorLink {...workflowRunLinkOptions(projectCode, step.code, step.childRunId)} size="sm">
                  Open the run of {step.code}
                </AnchorLink>
              )}
            </Row>
          ) : null}
          {step.type === 'workflow_wait_step' ? (
            <>
              <Row label="Approval from">
                {step.requires_approval_from ?? 'Nobody: anyone may continue it'}
              </Row>
              <Decisions verb="Approved by" records={step.approved_by} />
              <Decisions verb="Rejected by" records={step.rejected_by} />
              <Decisions verb="Continued by" records={step.continued_by} />
            </>
          ) : null}
        </SimpleGrid>
        {step.type === 'workflow_wait_step' ? (
          <WaitStepActions key={step.id} step={step} verdicts={verdicts} />
        ) : null}
      </Stack>
    </Paper>
  );
}
