import { Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { documentVersionsQuery, type DocumentKind, type VersionedDocument } from '@/api/properties';
import { asJsonRecord } from '@/lib/json-merge3';
import type { DeniableAction } from '@/lib/server-denials';
import { DiffEditor } from '@/ui/code-editor';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { Timestamp } from '@/ui/timestamp';
import { ChangeSummary } from './change-summary';

export interface DocumentHistoryProps {
  kind: DocumentKind;
  id: string;
  currentVersion: number;
  /** Why the user may not restore (edit), or null. */
  restoreDenied: string | null;
  deniable: DeniableAction;
  onOpen: (version: number) => void;
  onRestore: (version: VersionedDocument) => void;
}

const COLUMNS: readonly DataTableColumn<VersionedDocument>[] = [
  { key: 'version', header: 'Version', render: (row) => String(row.version), isSticky: true },
  { key: 'created_at', header: 'Saved', render: (row) => <Timestamp value={row.created_at} /> },
];

function VersionChanges({ from, to }: { from: VersionedDocument; to: VersionedDocument }) {
  const before = asJsonRecord(from.data);
  const after = asJsonRecord(to.data);
  if (before === null || after === null) return null;
  return (
    <ChangeSummary
      before={before}
      after={after}
      label={`Changes from version ${String(from.version)} to version ${String(to.version)}`}
    />
  );
}

/** Every version of a document: open one read-only, compare any two, restore one (as a new version). */
export function DocumentHistory({ kind, id, currentVersion, ...props }: DocumentHistoryProps) {
  const versions = useQuery(documentVersionsQuery(kind, id));
  const rows = versions.data?.items.toSorted((a, b) => b.version - a.version);
  const [chosen, setChosen] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const to = rows?.find((row) => row.version === chosen.to) ?? rows?.[0];
  const from = rows?.find((row) => row.version === chosen.from) ?? rows?.find((row) => row !== to);
  const choices = (rows ?? []).map((row) => ({
    value: String(row.version),
    label:
      row.version === currentVersion
        ? `Version ${String(row.version)} (current)`
        : `Version ${String(row.version)}`,
  }));

  return (
    <Stack gap="md">
      <DataTable
        label={`Versions of the ${kind}`}
        what="versions"
        rows={rows}
        unreadable={versions.data?.unreadable}
        failure={versions.isError ? failureMessage(versions.error) : null}
        onRetry={() => void versions.refetch()}
        isFetching={versions.isFetching}
        emptyTitle="No versions"
        rowKey={(row) => String(row.version)}
        columns={COLUMNS}
        rowActions={[
          {
            label: 'Open',
            accessibleName: (row) => `Open version ${String(row.version)}`,
            deniedReason: null,
            onAction: (row) => {
              props.onOpen(row.version);
            },
          },
          {
            label: 'Restore',
            accessibleName: (row) => `Restore version ${String(row.version)}`,
            deniedReason: props.restoreDenied,
            deniable: props.deniable,
            onAction: props.onRestore,
          },
        ]}
        skeletonRows={3}
      />
      {from !== undefined && to !== undefined ? (
        <Stack gap="xs">
          <Group align="flex-end">
            <Select
              label="Compare version"
              size="xs"
              w={200}
              data={choices}
              value={String(from.version)}
              allowDeselect={false}
              onChange={(value) => {
                setChosen((previous) => ({ ...previous, from: Number(value) }));
              }}
            />
            <Select
              label="with version"
              size="xs"
              w={200}
              data={choices}
              value={String(to.version)}
              allowDeselect={false}
              onChange={(value) => {
                setChosen((previous) => ({ ...previous, to: Number(value) }));
              }}
            />
          </Group>
          <VersionChanges from={from} to={to} />
          <DiffEditor
            original={JSON.stringify(from.data, null, 2)}
            modified={JSON.stringify(to.data, null, 2)}
            language="json"
            label={`The ${kind}, version ${String(from.version)} compared with version ${String(to.version)}`}
            sideNames={[`version ${String(from.version)}`, `version ${String(to.version)}`]}
            height="50vh"
          />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Once there are two versions, any two can be compared here.
        </Text>
      )}
    </Stack>
  );
}
