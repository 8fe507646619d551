import { Alert, Button, Group, Text } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import type { ChangeStep } from '@/api/changes';
import { stepLabel } from './step-panel';
import { nextStepWith } from './steps-to-stop';

export interface WaitingNoticeProps {
  steps: readonly ChangeStep[];
  selectedId: string | undefined;
  onSelect: (stepId: string) => void;
}

/** Says which step waits for a person (approval or continue) and opens it, unless it is already open. */
export function WaitingNotice({ steps, selectedId, onSelect }: WaitingNoticeProps) {
  const waiting = nextStepWith(steps, ['waiting', 'waiting_for_approval'], undefined);
  if (waiting === null || waiting.id === selectedId) return null;
  const what = waiting.status_code === 'waiting' ? 'someone to continue it' : 'approval';
  return (
    <Alert variant="light" color="grape" icon={<IconHandStop aria-hidden />}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          Step {stepLabel(waiting)} is waiting for {what}
          {waiting.requires_approval_from === null ? '' : ` from ${waiting.requires_approval_from}`}.
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => {
            onSelect(waiting.id);
          }}
        >
          Open step {stepLabel(waiting)}
        </Button>
      </Group>
    </Alert>
  );
}
