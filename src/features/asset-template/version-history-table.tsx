import { Code, Text } from '@mantine/core';
import type { TemplateVersion, TemplateVersionHistoryEntry } from '@/api/templates';
import type { ListQueryState } from '@/lib/list-rows';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';

/** A history entry with the name of the version it points at. */
interface HistoryRow {
  entry: TemplateVersionHistoryEntry;
  version: string;
}

const COLUMNS: readonly DataTableColumn<HistoryRow>[] = [
  {
    key: 'version',
    header: 'Version',
    isSticky: true,
    render: (row) => <Code>{row.version}</Code>,
  },
  {
    key: 'active_from',
    header: 'From',
    render: ({ entry }) => (
      <Text size="sm">
        <Timestamp value={entry.active_from} />
      </Text>
    ),
  },
  {
    key: 'active_to',
    header: 'Until',
    render: ({ entry }) =>
      entry.active_to === null ? (
        <StatusBadge tone="positive">Current</StatusBadge>
      ) : (
        <Text size="sm">
          <Timestamp value={entry.active_to} />
        </Text>
      ),
  },
];

export interface VersionHistoryTableProps {
  /** The history entries and how loading them went. */
  list: ListQueryState<TemplateVersionHistoryEntry>;
  /** The template's versions, to name the versions the history points at. */
  versions: readonly TemplateVersion[];
}

/** The last path segment of a version link, `/api/.../versions/2025_Q1_1` → `2025_Q1_1`. */
function versionFromLink(link: string | null | undefined): string | null {
  const segment = link?.split('/').pop();
  if (segment === undefined || segment === '') return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The template versions the asset has used, newest first. */
export function VersionHistoryTable({ list, versions }: VersionHistoryTableProps) {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const rows =
    list.rows &&
    [...list.rows]
      .sort((a, b) => Date.parse(b.active_from) - Date.parse(a.active_from))
      .map((entry): HistoryRow => ({
        entry,
        version:
          (entry.template_version_id === null ? undefined : byId.get(entry.template_version_id))?.version ??
          versionFromLink(entry.links.template_version) ??
          'Unknown version',
      }));
  return (
    <DataTable
      label="Template version history"
      what="version history entries"
      one="version history entry"
      {...list}
      rows={rows}
      rowKey={(row) => row.entry.id}
      columns={COLUMNS}
      skeletonRows={2}
      emptyTitle="No version history yet"
      emptyHint="Each move of the asset to another template version is recorded here."
      minWidth={560}
    />
  );
}
