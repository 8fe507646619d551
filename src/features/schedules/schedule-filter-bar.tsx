import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useUrlBoundText } from '@/ui/use-url-bound-text';
import { SCHEDULE_KINDS, SCHEDULE_STATES, type SchedulesSearch } from './schedules-search';

export interface ScheduleFilterBarProps {
  search: SchedulesSearch;
  onSearchChange: (patch: Partial<SchedulesSearch>) => void;
  /** Buttons on the right (New schedule). */
  children?: ReactNode;
}

const KIND_LABELS = { all: 'All', change: 'Changes', workflow: 'Workflows' } as const;
const STATE_LABELS = { all: 'All', enabled: 'Enabled', disabled: 'Disabled' } as const;

/** Text, type and state filters of a schedules list; each lands in the URL (the text once typing pauses). */
export function ScheduleFilterBar({ search, onSearchChange, children }: ScheduleFilterBarProps) {
  const kindLabel = useId();
  const stateLabel = useId();
  const text = useUrlBoundText(search.q ?? '', (q) => {
    onSearchChange({ q: q === '' ? undefined : q });
  });
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Filter schedules"
          placeholder="Action, workflow or path"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text.value}
          onChange={(event) => {
            text.onChange(event.currentTarget.value);
          }}
          maxLength={200}
          w={240}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={kindLabel}>
            Type
          </Text>
          <SegmentedControl
            aria-labelledby={kindLabel}
            value={search.kind ?? 'all'}
            data={(['all', ...SCHEDULE_KINDS] as const).map((kind) => ({
              value: kind,
              label: KIND_LABELS[kind],
            }))}
            onChange={(value) => {
              onSearchChange({ kind: SCHEDULE_KINDS.find((kind) => kind === value) });
            }}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={stateLabel}>
            State
          </Text>
          <SegmentedControl
            aria-labelledby={stateLabel}
            value={search.state ?? 'all'}
            data={(['all', ...SCHEDULE_STATES] as const).map((state) => ({
              value: state,
              label: STATE_LABELS[state],
            }))}
            onChange={(value) => {
              onSearchChange({ state: SCHEDULE_STATES.find((state) => state === value) });
            }}
          />
        </Stack>
      </Group>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
