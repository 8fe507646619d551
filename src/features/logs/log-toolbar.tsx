import { Button, Group, SegmentedControl, Select, Switch } from '@mantine/core';
import { useMemo } from 'react';
import { IconAlertCircle, IconCopy, IconDownload } from '@tabler/icons-react';
import type { LogTimeMode } from '@/lib/log-time';
import { GuardedButton } from '@/ui/guarded-button';

export interface LogToolbarProps {
  timeMode: LogTimeMode;
  isWrapped: boolean;
  isFollowing: boolean;
  /** Steps to filter by (ids); empty hides the filter. */
  stepIds: readonly string[];
  /** Step names by id; a step it does not name shows its id. */
  stepNames?: ReadonlyMap<string, string> | undefined;
  stepFilter: string | null;
  hasError: boolean;
  /** Lines selected (for copying), 0 without a selection. */
  selectedCount: number;
  isDownloading: boolean;
  onTimeModeChange: (mode: LogTimeMode) => void;
  onWrapChange: (value: boolean) => void;
  onFollowChange: (value: boolean) => void;
  onStepFilterChange: (stepId: string | null) => void;
  onJumpToError: () => void;
  onCopy: () => void;
  onDownload: () => void;
}

const TIME_MODES = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' },
  { value: 'relative', label: 'Relative' },
];

function isTimeMode(value: string): value is LogTimeMode {
  return value === 'local' || value === 'utc' || value === 'relative';
}

/** The pane's view settings and actions. */
/** Options the step filter renders at once; typing narrows to the rest. */
const STEP_OPTION_LIMIT = 100;

/** The step filter's options: each step by name, with the start of its id when two steps share a name. */
export function stepFilterOptions(
  stepIds: readonly string[],
  stepNames: ReadonlyMap<string, string> | undefined,
): { value: string; label: string }[] {
  const nameOf = (id: string) => stepNames?.get(id) ?? `Step ${id}`;
  const counts = new Map<string, number>();
  for (const id of stepIds) counts.set(nameOf(id), (counts.get(nameOf(id)) ?? 0) + 1);
  return stepIds.map((id) => {
    const name = nameOf(id);
    return { value: id, label: (counts.get(name) ?? 0) > 1 ? `${name} (${id.slice(0, 8)})` : name };
  });
}

export function LogToolbar(props: LogToolbarProps) {
  const { stepIds, stepNames } = props;
  const stepOptions = useMemo(() => stepFilterOptions(stepIds, stepNames), [stepIds, stepNames]);
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label="Times"
        data={TIME_MODES}
        value={props.timeMode}
        onChange={(value) => {
          if (isTimeMode(value)) props.onTimeModeChange(value);
        }}
      />
      <Switch
        size="xs"
        label="Wrap lines"
        checked={props.isWrapped}
        onChange={(e) => {
          props.onWrapChange(e.currentTarget.checked);
        }}
      />
      <Switch
        size="xs"
        label="Follow (f)"
        checked={props.isFollowing}
        onChange={(e) => {
          props.onFollowChange(e.currentTarget.checked);
        }}
      />
      {props.stepIds.length > 1 ? (
        <Select
          size="xs"
          aria-label="Show the lines of"
          placeholder="All steps"
          clearable
          searchable
          // A change of 2,000 steps would otherwise put 2,000 options in the page on every new batch.
          limit={STEP_OPTION_LIMIT}
          nothingFoundMessage="No step by that name has lines"
          data={stepOptions}
          value={props.stepFilter}
          onChange={props.onStepFilterChange}
          w="12rem"
        />
      ) : null}
      <GuardedButton
        size="xs"
        variant="default"
        leftSection={<IconAlertCircle size={14} />}
        deniedReason={props.hasError ? null : 'No error lines among the lines loaded'}
        onClick={props.onJumpToError}
      >
        Jump to first error
      </GuardedButton>
      <GuardedButton
        size="xs"
        variant="default"
        leftSection={<IconCopy size={14} />}
        deniedReason={
          props.selectedCount > 0 ? null : 'Select lines first: click a line number, Shift+click another'
        }
        onClick={props.onCopy}
      >
        Copy {props.selectedCount > 1 ? `${props.selectedCount.toLocaleString()} lines` : 'line'}
      </GuardedButton>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} />}
        loading={props.isDownloading}
        onClick={props.onDownload}
      >
        Download
      </Button>
    </Group>
  );
}
