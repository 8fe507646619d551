import { Code, Text } from '@mantine/core';
import type { TemplateVersion, TemplateVersionHistoryEntry } from '@/api/templates';
import type { UnreadableRow } from '@/lib/list-rows';
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
  /** Undefined until the first answer. */
  history: readonly TemplateVersionHistoryEntry[] | undefined;
  /** Entries of the answer that could not be read (marked above the table). */
  unreadable?: readonly UnreadableRow[] | undefined;
  /** Why the history could not be loaded, or null. */
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
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
export function VersionHistoryTable({ history, versions, ...state }: VersionHistoryTableProps) {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const rows =
    history &&
    [...history]
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
      rows={rows}
      rowKey={(row) => row.entry.id}
      columns={COLUMNS}
      unreadable={state.unreadable}
      failure={state.failure}
      onRetry={state.onRetry}
      isFetching={state.isFetching}
      skeletonRows={2}
      emptyTitle="No version history yet"
      emptyHint="Each move of the asset to another template version is recorded here."
      minWidth={560}
    />
  );
}
