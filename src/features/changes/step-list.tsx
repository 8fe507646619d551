import { Button, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { ChangeStep } from '@/api/changes';
import { elapsedMs, formatDuration } from '@/lib/format-duration';
import { ActivityStatus } from './activity-status';
import { stepLabel } from './step-panel';
import { nextStepWith, stepDepths } from './steps-to-stop';

export interface StepListProps {
  steps: readonly ChangeStep[];
  selectedId: string | undefined;
  onSelect: (stepId: string) => void;
  now: number;
}

interface StepRowProps {
  step: ChangeStep;
  depth: number;
  isSelected: boolean;
  onSelect: (stepId: string) => void;
  elapsed: string;
}

// One row per step; memoised so a poll re-renders only the steps that changed.
const StepRow = memo(function StepRow({ step, depth, isSelected, onSelect, elapsed }: StepRowProps) {
  return (
    <li>
      <UnstyledButton
        w="100%"
        px="xs"
        py={4}
        aria-current={isSelected ? 'true' : undefined}
        onClick={() => {
          onSelect(step.id);
        }}
        style={{
          paddingLeft: `calc(var(--mantine-spacing-xs) + ${String(depth * 16)}px)`,
          borderRadius: 'var(--mantine-radius-sm)',
          background: isSelected ? 'var(--mantine-color-default-hover)' : undefined,
          outline: step.status_code === 'error' ? '2px solid var(--mantine-color-red-filled)' : undefined,
        }}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" truncate fw={isSelected ? 700 : 400}>
            {stepLabel(step)}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" miw={48} ta="right">
              {elapsed}
            </Text>
            <ActivityStatus status={step.status_code} />
          </Group>
        </Group>
      </UnstyledButton>
    </li>
  );
});

/**
 * The steps in tree order, indented by depth, each selectable, with jumps to the next failed or waiting step.
 */
export function StepList({ steps, selectedId, onSelect, now }: StepListProps) {
  const depths = useMemo(() => stepDepths(steps), [steps]);
  const nextFailed = nextStepWith(steps, ['error'], selectedId);
  const nextWaiting = nextStepWith(steps, ['waiting', 'waiting_for_approval'], selectedId);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          disabled={nextFailed === null}
          onClick={() => {
            if (nextFailed !== null) onSelect(nextFailed.id);
          }}
        >
          Next failed
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          disabled={nextWaiting === null}
          onClick={() => {
            if (nextWaiting !== null) onSelect(nextWaiting.id);
          }}
        >
          Next waiting
        </Button>
      </Group>
      <ScrollArea.Autosize mah={480}>
        <Stack component="ul" gap={2} aria-label="Steps" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {steps.map((step) => {
            const elapsed = elapsedMs(step.started_at, step.finished_at, now);
            return (
              <StepRow
                key={step.id}
                step={step}
                depth={depths.get(step.id) ?? 0}
                isSelected={step.id === selectedId}
                onSelect={onSelect}
                elapsed={elapsed === null ? '' : formatDuration(elapsed)}
              />
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
