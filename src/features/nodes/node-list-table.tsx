import { Code, Table, Text } from '@mantine/core';
import type { ListSort } from '@/lib/list-search';
import { nodeLinkOptions } from '@/lib/node-links';
import type { NodeRef } from '@/lib/node-path';
import { AnchorLink } from '@/ui/router-links';
import { SortableHeader } from '@/ui/sortable-header';
import { StatusBadge } from '@/ui/status-badge';
import { NODE_SORT_COLUMNS, type NodeSortColumn } from './list-filters';

export interface NodeListRow {
  id: string;
  ref: NodeRef;
  name: string;
  code: string;
  description: string | null;
  archived: boolean;
}

export interface NodeListTableProps {
  rows: readonly NodeListRow[];
  sort: ListSort<NodeSortColumn>;
  onSort: (column: NodeSortColumn) => void;
  /** Names the table: "Environments of Core Banking Platform". */
  caption: string;
}

const COLUMN_LABELS: Record<NodeSortColumn, string> = {
  name: 'Name',
  code: 'Code',
  description: 'Description',
  archived: 'Status',
};

/** Environments or assets, sorted by the server; each name links to the node's page. */
export function NodeListTable({ rows, sort, onSort, caption }: NodeListTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {NODE_SORT_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                label={COLUMN_LABELS[column]}
                direction={sort.column === column ? sort.direction : null}
                onSort={() => {
                  onSort(column);
                }}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <AnchorLink {...nodeLinkOptions(row.ref)} size="sm">
                  {row.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Code>{row.code}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {row.description}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.archived ? (
                  <StatusBadge tone="neutral">Archived</StatusBadge>
                ) : (
                  <StatusBadge tone="positive">Active</StatusBadge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
