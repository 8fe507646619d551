import { Group, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ListSearch } from '@/lib/list-search';

export interface ListFilterBarProps {
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  /** "environments": used in the labels. */
  what: string;
  /** What the text filter matches, for its placeholder: "name or code". */
  matches: string;
  /** Buttons on the right: export, create. */
  children?: ReactNode;
}

/** The text filter and archived switch of a list; their values live in the URL. */
export function ListFilterBar({ search, onSearchChange, what, matches, children }: ListFilterBarProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Group gap="md" align="center" wrap="wrap">
        <TextInput
          aria-label={`Filter ${what}`}
          placeholder={`Filter by ${matches}`}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.q ?? ''}
          onChange={(event) => {
            const q = event.currentTarget.value;
            onSearchChange({ q: q === '' ? undefined : q });
          }}
          w={260}
        />
        <Switch
          label="Show archived"
          checked={search.archived === true}
          onChange={(event) => {
            onSearchChange({ archived: event.currentTarget.checked ? true : undefined });
          }}
        />
      </Group>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
