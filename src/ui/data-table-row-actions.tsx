import { Group } from '@mantine/core';
import type { DataTableRowAction } from './data-table-types';
import { GuardedButton } from './guarded-button';

export interface DataTableRowActionsProps<Row> {
  row: Row;
  actions: readonly DataTableRowAction<Row>[];
}

/** A row's action buttons; each one denied stays in place, disabled, saying why (GuardedButton). */
export function DataTableRowActions<Row>({ row, actions }: DataTableRowActionsProps<Row>) {
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((action) => {
        const label = typeof action.label === 'string' ? action.label : action.label(row);
        return (
          <GuardedButton
            key={action.accessibleName(row)}
            size="compact-xs"
            variant="subtle"
            color={action.color}
            leftSection={action.icon?.(row)}
            deniedReason={
              typeof action.deniedReason === 'function' ? action.deniedReason(row) : action.deniedReason
            }
            deniable={action.deniable}
            loading={action.isBusy?.(row) ?? false}
            onClick={() => {
              action.onAction(row);
            }}
            aria-label={action.accessibleName(row)}
          >
            {label}
          </GuardedButton>
        );
      })}
    </Group>
  );
}
