import { Code, Table, Text } from '@mantine/core';
import type { TemplateVersion, TemplateVersionHistoryEntry } from '@/api/templates';
import { Timestamp } from '@/ui/timestamp';
import { StatusBadge } from '@/ui/status-badge';

export interface VersionHistoryTableProps {
  history: readonly TemplateVersionHistoryEntry[];
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
export function VersionHistoryTable({ history, versions }: VersionHistoryTableProps) {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const rows = [...history].sort((a, b) => Date.parse(b.active_from) - Date.parse(a.active_from));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label="Template version history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Until</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => {
            const version =
              (entry.template_version_id === null ? undefined : byId.get(entry.template_version_id))
                ?.version ??
              versionFromLink(entry.links.template_version) ??
              'Unknown version';
            return (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Code>{version}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Timestamp value={entry.active_from} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  {entry.active_to === null ? (
                    <StatusBadge tone="positive">Current</StatusBadge>
                  ) : (
                    <Text size="sm">
                      <Timestamp value={entry.active_to} />
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
