import { Button, Checkbox, Group, Input, Popover, Stack, Text } from '@mantine/core';
import { ACTIVITY_STATUSES, type ActivityStatus } from '@contract/change';
import { IconChevronDown } from '@tabler/icons-react';
import { useId } from 'react';
import { activityStatusLabel } from '@/ui/activity-status-badge';

export interface StatusFilterProps {
  /** The statuses asked for; undefined for any. */
  value: readonly ActivityStatus[] | undefined;
  onChange: (statuses: ActivityStatus[] | undefined) => void;
  width: number;
}

/** How many statuses the button names before counting the rest ("Running, Error +2"). */
const NAMED = 2;

/** "Any status", "Running", "Running, Error +2": what the button says is chosen. */
export function statusSummary(value: readonly ActivityStatus[] | undefined): string {
  // In the list's order, whatever order the address gave them in.
  const ordered = ACTIVITY_STATUSES.filter((status) => value?.includes(status) === true);
  if (ordered.length === 0) return 'Any status';
  const named = ordered.slice(0, NAMED).map(activityStatusLabel).join(', ');
  return ordered.length > NAMED ? `${named} +${String(ordered.length - NAMED)}` : named;
}

/**
 * The Activity filter by status: a button naming what is chosen that opens a list of checkboxes, in the
 * contract's order. Lighter than a combobox (MultiSelect), which held up Activity's first rows by about
 * 50 ms on a first visit: the list is only built when opened.
 */
export function StatusFilter({ value, onChange, width }: StatusFilterProps) {
  const labelId = useId();
  const summaryId = useId();
  const chosen = value ?? [];
  return (
    <Stack gap={0}>
      <Input.Label id={labelId}>Status</Input.Label>
      <Popover position="bottom-start" shadow="md" trapFocus returnFocus withinPortal>
        <Popover.Target>
          <Button
            variant="default"
            w={width}
            justify="space-between"
            fw={400}
            rightSection={<IconChevronDown size={16} aria-hidden />}
            aria-labelledby={`${labelId} ${summaryId}`}
          >
            <Text
              component="span"
              id={summaryId}
              size="sm"
              truncate
              c={chosen.length === 0 ? 'dimmed' : undefined}
            >
              {statusSummary(value)}
            </Text>
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Checkbox.Group
            label="Show only these statuses"
            value={[...chosen]}
            onChange={(values) => {
              const next = ACTIVITY_STATUSES.filter((status) => values.includes(status));
              onChange(next.length === 0 ? undefined : next);
            }}
          >
            <Stack gap={6} mt="xs">
              {ACTIVITY_STATUSES.map((status) => (
                <Checkbox key={status} value={status} label={activityStatusLabel(status)} size="sm" />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                onChange(undefined);
              }}
            >
              Any status
            </Button>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Stack>
  );
}
