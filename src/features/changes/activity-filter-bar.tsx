import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { fromLocalInput, isReversedRange, toLocalInput } from '@/lib/local-time';
import { useUrlBoundText, type UrlBoundText } from '@/ui/use-url-bound-text';
import { ACTIVITY_KINDS, activitySearchSchema, isFiltered, type ActivitySearch } from './activity-search';
import { StatusFilter } from './status-filter';

export interface ActivityFilterBarProps {
  search: ActivitySearch;
  onSearchChange: (patch: Partial<ActivitySearch>) => void;
  /** The global list: it also filters by target and by kind (changes or workflow runs). */
  isGlobal: boolean;
}

const KIND_LABELS = { all: 'All', change: 'Changes', workflow_run: 'Workflow runs' } as const;
const orUndefined = (value: string) => (value === '' ? undefined : value);

function FilterText({
  box,
  label,
  placeholder,
  width,
}: {
  box: UrlBoundText;
  label: string;
  placeholder: string;
  width: number;
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={box.value}
      onChange={(event) => {
        box.onChange(event.currentTarget.value);
      }}
      maxLength={200}
      w={width}
    />
  );
}

/**
 * Status, action, target, user, time range and a metadata key/value; every filter lands in the URL and is
 * applied by the server. Text boxes send what is typed once typing pauses (useUrlBoundText).
 */
export function ActivityFilterBar({ search, onSearchChange, isGlobal }: ActivityFilterBarProps) {
  const kindLabel = useId();
  const rangeError = useId();
  const isReversed = isReversedRange(search.from, search.to);
  const action = useUrlBoundText(search.action ?? '', (value) => {
    onSearchChange({ action: orUndefined(value) });
  });
  const target = useUrlBoundText(search.target ?? '', (value) => {
    onSearchChange({ target: orUndefined(value) });
  });
  const user = useUrlBoundText(search.user ?? '', (value) => {
    onSearchChange({ user: orUndefined(value) });
  });
  const from = useUrlBoundText(toLocalInput(search.from), (value) => {
    onSearchChange({ from: fromLocalInput(value) });
  });
  const until = useUrlBoundText(toLocalInput(search.to), (value) => {
    onSearchChange({ to: fromLocalInput(value) });
  });
  const metaKey = useUrlBoundText(search.meta_key ?? '', (value) => {
    // A key the URL would refuse is not sent; the box shows why.
    const parsed = activitySearchSchema.shape.meta_key.safeParse(orUndefined(value.trim()));
    if (parsed.success) onSearchChange({ meta_key: parsed.data });
  });
  const metaValue = useUrlBoundText(search.meta_value ?? '', (value) => {
    onSearchChange({ meta_value: orUndefined(value) });
  });
  const isBadKey =
    metaKey.value.trim() !== '' &&
    activitySearchSchema.shape.meta_key.parse(metaKey.value.trim()) === undefined;
  const boxes = [action, target, user, from, until, metaKey, metaValue];
  const hasFilters = boxes.some((box) => box.value !== '') || isFiltered(search);

  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <StatusFilter
          value={search.status}
          onChange={(status) => {
            onSearchChange({ status });
          }}
          width={240}
        />
        <FilterText box={action} label="Action contains" placeholder="deploy" width={150} />
        {isGlobal ? (
          <FilterText box={target} label="Target path starts with" placeholder="/projects/bank" width={210} />
        ) : null}
        <FilterText box={user} label="Created by contains" placeholder="username" width={160} />
        <TextInput
          label="Created from (inclusive)"
          type="datetime-local"
          step={1}
          value={from.value}
          onChange={(event) => {
            from.onChange(event.currentTarget.value);
          }}
        />
        <TextInput
          label="Created until (inclusive)"
          type="datetime-local"
          step={1}
          value={until.value}
          onChange={(event) => {
            until.onChange(event.currentTarget.value);
          }}
          error={isReversed}
          aria-errormessage={isReversed ? rangeError : undefined}
        />
        <TextInput
          label="Metadata key"
          placeholder="change_request"
          value={metaKey.value}
          onChange={(event) => {
            metaKey.onChange(event.currentTarget.value);
          }}
          error={isBadKey ? 'Letters, digits, _ - . and commas between nested keys' : undefined}
          maxLength={200}
          w={170}
        />
        <FilterText box={metaValue} label="Metadata value equals" placeholder="CR921" width={150} />
        {isGlobal ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={kindLabel}>
              Show
            </Text>
            <SegmentedControl
              aria-labelledby={kindLabel}
              value={search.kind ?? 'all'}
              data={(['all', ...ACTIVITY_KINDS] as const).map((kind) => ({
                value: kind,
                label: KIND_LABELS[kind],
              }))}
              onChange={(value) => {
                onSearchChange({ kind: ACTIVITY_KINDS.find((kind) => kind === value) });
              }}
            />
          </Stack>
        ) : null}
        {hasFilters ? (
          <Button
            variant="subtle"
            onClick={() => {
              for (const box of boxes) box.onChange('');
              onSearchChange(CLEARED);
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
      {isReversed ? (
        <Text size="sm" c="var(--mantine-color-error)" id={rangeError} role="alert">
          Until is before From: nothing can match.
        </Text>
      ) : null}
      {search.meta_value !== undefined && search.meta_key === undefined ? (
        <Text size="sm" c="dimmed">
          Name a metadata key to filter by its value.
        </Text>
      ) : null}
    </Stack>
  );
}

/** Every filter off. */
export const CLEARED: { [K in keyof Required<ActivitySearch>]: undefined } = {
  status: undefined,
  action: undefined,
  target: undefined,
  user: undefined,
  from: undefined,
  to: undefined,
  meta_key: undefined,
  meta_value: undefined,
  kind: undefined,
};
