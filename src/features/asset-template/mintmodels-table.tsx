import { Code, Text } from '@mantine/core';
import type { Mintmodel } from '@/api/mintmodels';
import type { ListQueryState } from '@/lib/list-rows';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn, DataTableRowAction } from '@/ui/data-table-types';
import { Timestamp } from '@/ui/timestamp';

function historyCount(mintmodel: Mintmodel): string {
  const data = mintmodel.relationships.mintmodel_history?.data;
  const count = Array.isArray(data) ? data.length : 0;
  return count === 1 ? '1 history record' : `${String(count)} history records`;
}

const COLUMNS: readonly DataTableColumn<Mintmodel>[] = [
  {
    key: 'created_at',
    header: 'Rendered',
    isSticky: true,
    render: (mintmodel) => (
      <Text size="sm">
        <Timestamp value={mintmodel.created_at} />
      </Text>
    ),
  },
  {
    key: 'sha256',
    header: 'SHA-256',
    render: (mintmodel) => <Code title={mintmodel.sha256}>{mintmodel.sha256.slice(0, 16)}</Code>,
  },
  {
    key: 'used_by',
    header: 'Used by',
    isLowPriority: true,
    render: (mintmodel) => <Text size="sm">{historyCount(mintmodel)}</Text>,
  },
];

export interface MintmodelsTableProps {
  /** The MintModels, newest first and how loading them went. */
  list: ListQueryState<Mintmodel>;
  /** The MintModel open beside the table. */
  selectedId: string | undefined;
  onView: (mintmodel: Mintmodel) => void;
}

/** The MintModels stored for an asset's changes, each with a View action. */
export function MintmodelsTable(props: MintmodelsTableProps) {
  // Reading a stored MintModel needs no more than listing them, so View is never denied.
  const actions: readonly DataTableRowAction<Mintmodel>[] = [
    {
      label: 'View',
      accessibleName: (mintmodel) => `View the MintModel rendered ${mintmodel.created_at}`,
      deniedReason: null,
      onAction: props.onView,
    },
  ];
  return (
    <DataTable
      label="MintModels"
      what="MintModels"
      {...props.list}
      rowKey={(mintmodel) => mintmodel.id}
      columns={COLUMNS}
      rowActions={actions}
      activeRowKey={props.selectedId}
      skeletonRows={3}
      emptyTitle="No MintModels yet"
      emptyHint="Each change on the asset renders one from its properties."
      minWidth={560}
    />
  );
}
