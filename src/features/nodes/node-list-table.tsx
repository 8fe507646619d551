import { Code, Text } from '@mantine/core';
import type { ListSort, SortDirection } from '@/lib/list-search';
import { nodeLinkOptions } from '@/lib/node-links';
import type { NodeRef } from '@/lib/node-path';
import { AnchorLink } from '@/ui/router-links';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { StatusBadge } from '@/ui/status-badge';
import type { NodeSortColumn } from './list-filters';

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
  onSortChange: (next: { sort: NodeSortColumn; dir: SortDirection }) => void;
  /** Names the table: "Environments of Core Banking Platform". */
  caption: string;
}

/** A list row from a node the API answered, found at `ref`. */
export function toNodeListRow(
  ref: NodeRef,
  node: Pick<NodeListRow, 'id' | 'name' | 'code' | 'description' | 'archived'>,
): NodeListRow {
  return {
    id: node.id,
    ref,
    name: node.name,
    code: node.code,
    description: node.description,
    archived: node.archived,
  };
}

/** The Status column of a node list (projects, environments, assets): Active or Archived, sorted by `archived`. */
export function archivedStatusColumn<Row extends { archived: boolean }>(): DataTableColumn<Row, 'archived'> {
  return {
    key: 'status',
    header: 'Status',
    sortKey: 'archived',
    render: (row) =>
      row.archived ? (
        <StatusBadge tone="neutral">Archived</StatusBadge>
      ) : (
        <StatusBadge tone="positive">Active</StatusBadge>
      ),
  };
}

const COLUMNS: readonly DataTableColumn<NodeListRow, NodeSortColumn>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    isSticky: true,
    render: (row) => (
      <AnchorLink {...nodeLinkOptions(row.ref)} size="sm">
        {row.name}
      </AnchorLink>
    ),
  },
  { key: 'code', header: 'Code', sortKey: 'code', render: (row) => <Code>{row.code}</Code> },
  {
    key: 'description',
    header: 'Description',
    sortKey: 'description',
    isLowPriority: true,
    render: (row) => (
      <Text size="sm" lineClamp={2}>
        {row.description}
      </Text>
    ),
  },
  archivedStatusColumn<NodeListRow>(),
];

/** Environments or assets, sorted by the server; each name links to the node's page. */
export function NodeListTable({ rows, sort, onSortChange, caption }: NodeListTableProps) {
  // The list around it (NodeListView) shows the loading, failed and empty states; this is the filled one.
  return (
    <DataTable
      label={caption}
      what="rows"
      rows={rows}
      rowKey={(row) => row.id}
      columns={COLUMNS}
      sort={sort}
      onSortChange={onSortChange}
      emptyTitle="Nothing here"
      minWidth={360}
    />
  );
}
