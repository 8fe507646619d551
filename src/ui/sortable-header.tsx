import { Table, UnstyledButton, Group, Text, type TableThProps } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';

export interface SortableHeaderProps extends Omit<TableThProps, 'children' | 'onClick'> {
  label: string;
  /** This column's sort direction, or null when the list is sorted by another column. */
  direction: 'asc' | 'desc' | null;
  onSort: () => void;
}

/** A column header that sorts the list; `aria-sort` tells assistive technology the current order. */
export function SortableHeader({ label, direction, onSort, ...thProps }: SortableHeaderProps) {
  const Icon = direction === 'asc' ? IconChevronUp : direction === 'desc' ? IconChevronDown : IconSelector;
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <Table.Th {...thProps} aria-sort={ariaSort}>
      <UnstyledButton onClick={onSort}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
