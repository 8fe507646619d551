import { Checkbox, Stack, Table, type MantineBreakpoint } from '@mantine/core';
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { UnreadableRow } from '@/lib/list-rows';
import { toggleSort, type ListSort, type SortDirection } from '@/lib/list-search';
import { DataTableRowActions } from './data-table-row-actions';
import type { DataTableColumn, DataTableRowAction, DataTableSelection } from './data-table-types';
import { ListState, type ListStateProps } from './list-state';
import { SortableHeader } from './sortable-header';
import { UnreadableRowsNotice } from './unreadable-rows-notice';

// Theme-aware, so both schemes keep 4.5:1 (axe): blue 0 in the light scheme (a link, blue 8, measured
// 4.06:1 on Mantine's light variant, blue 1) and the light variant's dark blue in the dark one.
const ACTIVE_ROW_BG = 'light-dark(var(--mantine-color-blue-0), var(--mantine-color-blue-light))';
const CHECKBOX_WIDTH = 40;

export interface DataTableProps<Row, Sort extends string> extends Omit<ListStateProps, 'count' | 'children'> {
  /** The table's accessible name: "Git remotes". */
  label: string;
  /** The rows in the server's order; undefined until the first answer (a skeleton shows meanwhile). */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  columns: readonly DataTableColumn<Row, Sort>[];
  /** The list's current sort (from the URL). */
  sort?: ListSort<Sort> | undefined;
  /** A sortable header was clicked: put this in the URL (a new column sorts ascending, the same flips). */
  onSortChange?: ((next: { sort: Sort; dir: SortDirection }) => void) | undefined;
  /** Buttons in a last Actions column. */
  rowActions?: readonly DataTableRowAction<Row>[];
  /** Checkboxes in a first column, for actions on several rows. */
  selection?: DataTableSelection<Row> | undefined;
  /** Rows the server sent that could not be read: a notice above the table names them and what was wrong. */
  unreadable?: readonly UnreadableRow[] | undefined;
  /** Singular of `what` for that notice ("1 version history entry"). @default `what` without its final "s" */
  one?: string | undefined;
  /** The row shown as chosen (its details are open beside the table). */
  activeRowKey?: string | undefined;
  /** Content opened below a row (its payload); null for none. */
  rowDetails?: ((row: Row) => ReactNode) | undefined;
  /** Below this width the table scrolls sideways, its sticky column staying in view. @default 480 */
  minWidth?: number;
}

const NO_UNREADABLE_ROWS: readonly UnreadableRow[] = [];

function stickyStyle(left: number, background: string): CSSProperties {
  return { position: 'sticky', left, zIndex: 1, background };
}

/**
 * A server-side list as a table: sortable headers that report to the URL, row actions guarded by
 * permissions, selection, and the list's loading, failed, empty and filtered-empty states. In narrow
 * windows the sticky (name) column stays in view and low-priority columns are hidden.
 */
export function DataTable<Row, Sort extends string = string>(props: DataTableProps<Row, Sort>) {
  const { label, rows, rowKey, columns, sort, onSortChange, rowActions = [], selection } = props;
  const { unreadable = NO_UNREADABLE_ROWS, one, activeRowKey, rowDetails, minWidth = 480, ...state } = props;
  const stickyLeft = selection === undefined ? 0 : CHECKBOX_WIDTH;
  const columnCount = columns.length + (selection === undefined ? 0 : 1) + (rowActions.length > 0 ? 1 : 0);
  const count = rows?.length;

  const cellProps = (
    column: DataTableColumn<Row, Sort>,
    background: string,
  ): { visibleFrom?: MantineBreakpoint; style?: CSSProperties } => ({
    ...(column.isLowPriority === true ? { visibleFrom: 'md' } : {}),
    ...(column.isSticky === true ? { style: stickyStyle(stickyLeft, background) } : {}),
  });
  const allKeys = (rows ?? []).map(rowKey);
  const selectedCount =
    selection === undefined ? 0 : allKeys.filter((key) => selection.selectedKeys.has(key)).length;

  return (
    <Stack gap="sm">
      {state.failure == null && count !== undefined ? (
        <UnreadableRowsNotice rows={unreadable} what={state.what} {...(one === undefined ? {} : { one })} />
      ) : null}
      <ListState {...state} count={count} hasUnreadableRows={unreadable.length > 0}>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {selection === undefined ? null : (
                  <Table.Th w={CHECKBOX_WIDTH} style={stickyStyle(0, 'var(--mantine-color-body)')}>
                    <Checkbox
                      aria-label={`Select all ${label}`}
                      checked={allKeys.length > 0 && selectedCount === allKeys.length}
                      indeterminate={selectedCount > 0 && selectedCount < allKeys.length}
                      onChange={() => {
                        selection.onChange(new Set(selectedCount === allKeys.length ? [] : allKeys));
                      }}
                    />
                  </Table.Th>
                )}
                {columns.map((column) => {
                  const thProps = cellProps(column, 'var(--mantine-color-body)');
                  const { sortKey } = column;
                  if (sortKey === undefined || sort === undefined || onSortChange === undefined) {
                    return (
                      <Table.Th key={column.key} {...thProps}>
                        {column.header}
                      </Table.Th>
                    );
                  }
                  return (
                    <SortableHeader
                      key={column.key}
                      {...thProps}
                      label={column.header}
                      direction={sort.column === sortKey ? sort.direction : null}
                      onSort={() => {
                        onSortChange(toggleSort(sort, sortKey));
                      }}
                    />
                  );
                })}
                {rowActions.length > 0 ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows ?? []).map((row) => {
                const key = rowKey(row);
                const isActive = key === activeRowKey;
                const background = isActive ? ACTIVE_ROW_BG : 'var(--mantine-color-body)';
                const details = rowDetails?.(row) ?? null;
                return (
                  <Fragment key={key}>
                    <Table.Tr
                      bg={isActive ? ACTIVE_ROW_BG : undefined}
                      aria-current={isActive ? 'true' : undefined}
                    >
                      {selection === undefined ? null : (
                        <Table.Td style={stickyStyle(0, background)}>
                          <Checkbox
                            aria-label={`Select ${selection.rowLabel(row)}`}
                            checked={selection.selectedKeys.has(key)}
                            onChange={(event) => {
                              const next = new Set(selection.selectedKeys);
                              if (event.currentTarget.checked) next.add(key);
                              else next.delete(key);
                              selection.onChange(next);
                            }}
                          />
                        </Table.Td>
                      )}
                      {columns.map((column) => (
                        <Table.Td key={column.key} {...cellProps(column, background)}>
                          {column.render(row)}
                        </Table.Td>
                      ))}
                      {rowActions.length > 0 ? (
                        <Table.Td>
                          <DataTableRowActions row={row} actions={rowActions} />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                    {details === null ? null : (
                      <Table.Tr>
                        <Table.Td colSpan={columnCount}>{details}</Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListState>
    </Stack>
  );
}
