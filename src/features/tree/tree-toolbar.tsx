import { CloseButton, Group, Switch, Text, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { memo, type KeyboardEvent } from 'react';
import type { Count } from './tree-model';

export interface TreeToolbarProps {
  filter: string;
  onFilterChange: (filter: string) => void;
  showArchived: boolean;
  onShowArchivedChange: (showArchived: boolean) => void;
  /** "3 projects", "1 of 3 projects" (see countText); null until the projects have loaded. */
  countLabel: string | null;
  /** Down arrow in the filter box moves into the tree. */
  onEnterTree: () => void;
}

export function countText({ shown, total }: Count): string {
  const noun = total === 1 ? 'project' : 'projects';
  return shown === total ? `${String(total)} ${noun}` : `${String(shown)} of ${String(total)} ${noun}`;
}

/**
 * The filter box, the archived toggle and the number of projects shown. Memoised: the navigator re-renders
 * on every level update and keystroke, and this part rarely changes with them.
 */
export const TreeToolbar = memo(function TreeToolbar({
  filter,
  onFilterChange,
  showArchived,
  onShowArchivedChange,
  countLabel,
  onEnterTree,
}: TreeToolbarProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterTree();
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      onFilterChange('');
    }
  };
  return (
    <>
      <TextInput
        size="xs"
        aria-label="Filter the navigator by name or code"
        placeholder="Filter by name or code"
        leftSection={<IconFilter size={14} aria-hidden />}
        value={filter}
        onChange={(event) => {
          onFilterChange(event.currentTarget.value);
        }}
        onKeyDown={handleKeyDown}
        rightSection={
          filter === '' ? null : (
            <CloseButton
              size="sm"
              aria-label="Clear the filter"
              onClick={() => {
                onFilterChange('');
              }}
            />
          )
        }
      />
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" aria-live="polite">
          {countLabel ?? 'Loading projects…'}
        </Text>
        <Switch
          size="xs"
          label="Show archived"
          checked={showArchived}
          onChange={(event) => {
            onShowArchivedChange(event.currentTarget.checked);
          }}
        />
      </Group>
    </>
  );
});
