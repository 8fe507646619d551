import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { EVENT_KINDS, type EventsSearch } from './events-search';
import { fromLocalInput, toLocalInput } from './local-time';

export interface EventFilterBarProps {
  search: EventsSearch;
  onSearchChange: (patch: Partial<EventsSearch>) => void;
}

const KIND_LABELS = { all: 'All', system: 'System', custom: 'Custom' } as const;

/** Type, user, kind and time range of the audit list; each change lands in the URL. */
export function EventFilterBar({ search, onSearchChange }: EventFilterBarProps) {
  const kindLabel = useId();
  const hasFilters = [search.type, search.user, search.kind, search.from, search.to].some(
    (value) => value !== undefined,
  );
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Type contains"
        placeholder="api:changes"
        value={search.type ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onSearchChange({ type: value === '' ? undefined : value });
        }}
        w={200}
      />
      <TextInput
        label="User contains"
        placeholder="username"
        value={search.user ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onSearchChange({ user: value === '' ? undefined : value });
        }}
        w={160}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={kindLabel}>
          Kind
        </Text>
        <SegmentedControl
          aria-labelledby={kindLabel}
          value={search.kind ?? 'all'}
          data={(['all', ...EVENT_KINDS] as const).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
          onChange={(value) => {
            onSearchChange({ kind: EVENT_KINDS.find((kind) => kind === value) });
          }}
        />
      </Stack>
      <TextInput
        label="From"
        type="datetime-local"
        step={1}
        value={toLocalInput(search.from)}
        onChange={(event) => {
          onSearchChange({ from: fromLocalInput(event.currentTarget.value) });
        }}
      />
      <TextInput
        label="Until"
        type="datetime-local"
        step={1}
        value={toLocalInput(search.to)}
        onChange={(event) => {
          onSearchChange({ to: fromLocalInput(event.currentTarget.value) });
        }}
      />
      {hasFilters ? (
        <Button
          variant="subtle"
          onClick={() => {
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
  );
}
