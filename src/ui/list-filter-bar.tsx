import { Group, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ListSearch } from '@/lib/list-search';
import { useUrlBoundText } from './use-url-bound-text';

export interface ListFilterBarProps {
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  /** "environments": used in the labels. */
  what: string;
  /** What the text filter matches, for its placeholder: "name or code". */
  matches: string;
  /** More filters, between the text box and the archived switch (a type picker). */
  filters?: ReactNode;
  /** Buttons on the right: export, create. */
  children?: ReactNode;
  /** The list has archived records, so the "Show archived" switch is offered. @default true */
  hasArchived?: boolean;
}

/**
 * The text filter and archived switch of a list; their values live in the URL. The text reaches the URL once
 * typing pauses (see useUrlBoundText), so the list is not asked again on every keystroke.
 */
export function ListFilterBar({
  search,
  onSearchChange,
  what,
  matches,
  filters,
  children,
  hasArchived = true,
}: ListFilterBarProps) {
  const text = useUrlBoundText(search.q ?? '', (q) => {
    onSearchChange({ q: q === '' ? undefined : q });
  });
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Group gap="md" align="center" wrap="wrap">
        <TextInput
          aria-label={`Filter ${what}`}
          placeholder={`Filter by ${matches}`}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text.value}
          onChange={(event) => {
            text.onChange(event.currentTarget.value);
          }}
          // The URL keeps at most 200 characters of filter (listSearchShape).
          maxLength={200}
          w={260}
        />
        {filters}
        {hasArchived ? (
          <Switch
            label="Show archived"
            checked={search.archived === true}
            onChange={(event) => {
              onSearchChange({ archived: event.currentTarget.checked ? true : undefined });
            }}
          />
        ) : null}
      </Group>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
