import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useUrlBoundText } from '@/ui/use-url-bound-text';
import { EVENT_KINDS, isReversedRange, type EventsSearch } from './events-search';
import { fromLocalInput, toLocalInput } from '@/lib/local-time';

export interface EventFilterBarProps {
  search: EventsSearch;
  onSearchChange: (patch: Partial<EventsSearch>) => void;
}

const KIND_LABELS = { all: 'All', system: 'System', custom: 'Custom' } as const;

function orUndefined(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/**
 * Type, user, kind and time range of the audit list; each change lands in the URL. The boxes keep what is
 * typed and send it once typing pauses (see useUrlBoundText), so the caret stays put and the list is not
 * asked again on every keystroke. The time boxes pick whole seconds; both ends of the range are included.
 */
export function EventFilterBar({ search, onSearchChange }: EventFilterBarProps) {
  const kindLabel = useId();
  const rangeError = useId();
  const isReversed = isReversedRange(search);
  const type = useUrlBoundText(search.type ?? '', (value) => {
    onSearchChange({ type: orUndefined(value) });
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
  const boxes = [type, user, from, until];
  // Typed text counts at once, before it has reached the URL.
  const hasFilters =
    boxes.some((box) => box.value !== '') ||
    [search.type, search.user, search.kind, search.from, search.to].some((value) => value !== undefined);
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Type contains"
          placeholder="api:changes"
          value={type.value}
          onChange={(event) => {
            type.onChange(event.currentTarget.value);
          }}
          // The URL keeps at most 200 characters of each filter (eventsSearchSchema).
          maxLength={200}
          w={200}
        />
        <TextInput
          label="User contains"
          placeholder="username"
          value={user.value}
          onChange={(event) => {
            user.onChange(event.currentTarget.value);
          }}
          maxLength={200}
          w={160}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={kindLabel}>
            Kind
          </Text>
          <SegmentedControl
            aria-labelledby={kindLabel}
            value={search.kind ?? 'all'}
            data={(['all', ...EVENT_KINDS] as const).map((kind) => ({
              value: kind,
              label: KIND_LABELS[kind],
            }))}
            onChange={(value) => {
              onSearchChange({ kind: EVENT_KINDS.find((kind) => kind === value) });
            }}
          />
        </Stack>
        <TextInput
          label="From (inclusive)"
          type="datetime-local"
          step={1}
          value={from.value}
          onChange={(event) => {
            from.onChange(event.currentTarget.value);
          }}
        />
        <TextInput
          label="Until (inclusive)"
          type="datetime-local"
          step={1}
          value={until.value}
          onChange={(event) => {
            until.onChange(event.currentTarget.value);
          }}
          error={isReversed}
          // Mantine computes aria-describedby itself; the message sits below the whole row.
          aria-errormessage={isReversed ? rangeError : undefined}
        />
        {hasFilters ? (
          <Button
            variant="subtle"
            onClick={() => {
              // Text still on its way to the URL is dropped too, so it does not arrive after the clearing.
              for (const box of boxes) box.onChange('');
              onSearchChange({
                type: undefined,
                user: undefined,
                kind: undefined,
                from: undefined,
                to: undefined,
              });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
      {isReversed ? (
        <Text size="sm" c="var(--mantine-color-error)" id={rangeError} role="alert">
          Until is before From: no event can match.
        </Text>
      ) : null}
    </Stack>
  );
}
