import { Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import type { TemplateVersion } from '@/api/templates';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { Timestamp } from '@/ui/timestamp';
import { StatusBadge } from '@/ui/status-badge';

export interface VersionsTableProps {
  versions: readonly TemplateVersion[];
  updateDenied: string | null;
  /** Changing template versions, as the server may refuse it (403): then Edit and Archive say so. */
  deniable: DeniableAction;
  busyVersion: string | null;
  onEdit: (version: TemplateVersion) => void;
  onArchive: (version: TemplateVersion) => void;
}

function StateBadge({ state }: { state: string }) {
  const tone = state === 'ready' ? 'positive' : state === 'initializing' ? 'info' : 'warning';
  return <StatusBadge tone={tone}>{state}</StatusBadge>;
}

/** The versions of one template, newest first. */
export function VersionsTable({
  versions,
  updateDenied,
  deniable,
  busyVersion,
  onEdit,
  onArchive,
}: VersionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" aria-label="Template versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Git revision</Table.Th>
            <Table.Th>Commit</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>MintModel</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>
                <Group gap={6}>
                  <Code>{version.version}</Code>
                  {version.archived === true ? <StatusBadge tone="neutral">Archived</StatusBadge> : null}
                </Group>
                {version.description === '' ? null : (
                  <Text size="xs" c="dimmed">
                    {version.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{version.git_rev}</Code>
              </Table.Td>
              <Table.Td>
                {version.commit_sha === null ? (
                  <Text size="xs" c="dimmed">
                    Not resolved yet
                  </Text>
                ) : (
                  <Tooltip label={version.commit_sha}>
                    <Code tabIndex={0}>{version.commit_sha.slice(0, 10)}</Code>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <StateBadge state={version.state} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{version.has_mintmodel === true ? 'Yes' : 'No'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Timestamp value={version.created_at} />
                </Text>
                <Text size="xs" c="dimmed">
                  by {version.created_by}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPencil size={12} aria-hidden />}
                    deniedReason={updateDenied}
                    deniable={deniable}
                    onClick={() => {
                      onEdit(version);
                    }}
                    aria-label={`Edit version ${version.version}`}
                  >
                    Edit
                  </GuardedButton>
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    leftSection={
                      version.archived === true ? (
                        <IconArchiveOff size={12} aria-hidden />
                      ) : (
                        <IconArchive size={12} aria-hidden />
                      )
                    }
                    deniedReason={updateDenied}
                    deniable={deniable}
                    loading={busyVersion === version.version}
                    onClick={() => {
                      onArchive(version);
                    }}
                    aria-label={`${version.archived === true ? 'Restore' : 'Archive'} version ${version.version}`}
                  >
                    {version.archived === true ? 'Restore' : 'Archive'}
                  </GuardedButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
