import { Code, Group, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import type { TemplateVersion } from '@/api/templates';
import type { ListQueryState } from '@/lib/list-rows';
import type { DeniableAction } from '@/lib/server-denials';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn, DataTableRowAction } from '@/ui/data-table-types';
import { StatusBadge } from '@/ui/status-badge';
import { Timestamp } from '@/ui/timestamp';

function StateBadge({ state }: { state: string }) {
  const tone = state === 'ready' ? 'positive' : state === 'initializing' ? 'info' : 'warning';
  return <StatusBadge tone={tone}>{state}</StatusBadge>;
}

const COLUMNS: readonly DataTableColumn<TemplateVersion>[] = [
  {
    key: 'version',
    header: 'Version',
    isSticky: true,
    render: (version) => (
      <>
        <Group gap={6}>
          <Code>{version.version}</Code>
          {version.archived === true ? <StatusBadge tone="neutral">Archived</StatusBadge> : null}
        </Group>
        {version.description === '' ? null : (
          <Text size="xs" c="dimmed">
            {version.description}
          </Text>
        )}
      </>
    ),
  },
  {
    key: 'git_rev',
    header: 'Git revision',
    render: (version) => <Code>{version.git_rev}</Code>,
  },
  {
    key: 'commit_sha',
    header: 'Commit',
    isLowPriority: true,
    render: (version) =>
      version.commit_sha === null ? (
        <Text size="xs" c="dimmed">
          Not resolved yet
        </Text>
      ) : (
        <Tooltip label={version.commit_sha}>
          <Code tabIndex={0}>{version.commit_sha.slice(0, 10)}</Code>
        </Tooltip>
      ),
  },
  {
    key: 'state',
    header: 'State',
    render: (version) => <StateBadge state={version.state} />,
  },
  {
    key: 'has_mintmodel',
    header: 'MintModel',
    isLowPriority: true,
    render: (version) => <Text size="sm">{version.has_mintmodel === true ? 'Yes' : 'No'}</Text>,
  },
  {
    key: 'created_at',
    header: 'Created',
    isLowPriority: true,
    render: (version) => (
      <>
        <Text size="sm">
          <Timestamp value={version.created_at} />
        </Text>
        <Text size="xs" c="dimmed">
          by {version.created_by}
        </Text>
      </>
    ),
  },
];

export interface VersionsTableProps {
  /** The versions, newest first and how loading them went. */
  list: ListQueryState<TemplateVersion>;
  updateDenied: string | null;
  /** Changing template versions, as the server may refuse it (403): then Edit and Archive say so. */
  deniable: DeniableAction;
  busyVersion: string | null;
  onEdit: (version: TemplateVersion) => void;
  onArchive: (version: TemplateVersion) => void;
}

/** The versions of one template, newest first. */
export function VersionsTable(props: VersionsTableProps) {
  const { updateDenied, deniable } = props;
  const actions: readonly DataTableRowAction<TemplateVersion>[] = [
    {
      label: 'Edit',
      accessibleName: (version) => `Edit version ${version.version}`,
      icon: () => <IconPencil size={12} aria-hidden />,
      deniedReason: updateDenied,
      deniable,
      onAction: props.onEdit,
    },
    {
      label: (version) => (version.archived === true ? 'Restore' : 'Archive'),
      accessibleName: (version) =>
        `${version.archived === true ? 'Restore' : 'Archive'} version ${version.version}`,
      icon: (version) =>
        version.archived === true ? (
          <IconArchiveOff size={12} aria-hidden />
        ) : (
          <IconArchive size={12} aria-hidden />
        ),
      deniedReason: updateDenied,
      deniable,
      isBusy: (version) => props.busyVersion === version.version,
      onAction: props.onArchive,
    },
  ];
  return (
    <DataTable
      label="Template versions"
      what="template versions"
      {...props.list}
      rowKey={(version) => version.id}
      columns={COLUMNS}
      rowActions={actions}
      skeletonRows={3}
      emptyTitle="No versions yet"
      emptyHint="Assets are built from a version: a Git revision of the template."
      minWidth={720}
    />
  );
}
