import { Group, Stack, Title } from '@mantine/core';
import { IconArrowsDiff, IconTrash } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import type { Workflow, WorkflowVersion } from '@/api/workflows';
import type { RowList } from '@/lib/list-rows';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { previousVersion } from './compare-search';
import { DeleteVersionsDialog, type VersionDeletion } from './delete-versions-dialog';
import { WorkflowVersionsTable } from './workflow-versions-table';

export interface WorkflowVersionsSectionProps {
  workflow: Workflow;
  versions: UseQueryResult<RowList<WorkflowVersion>>;
  /** Why the user may not delete versions (`meta.authorisations`), or null. */
  updateDenied: string | null;
  deniable: DeniableAction;
  /** Open the comparison of two versions. */
  onCompare: (from: number, to: number) => void;
}

/** Why a version cannot be deleted here, beyond permissions; null when it can. */
function versionUndeletable(version: WorkflowVersion, count: number): string | null {
  if (!version.draft)
    return 'Only drafts are deleted here: published versions stay for the runs that use them';
  if (count <= 1) return 'The only version of a workflow cannot be deleted: delete the workflow instead';
  return null;
}

/** Why the drafts cannot all be deleted, beyond permissions; null when they can. */
function draftsUndeletable(drafts: number, latestPublished: number | null): string | null {
  if (drafts === 0) return 'This workflow has no draft versions';
  if (latestPublished === null)
    return 'OpsChain deletes all drafts only once a version is published: delete them one by one';
  return null;
}

/** The versions table with picking two to compare, comparing one with the previous, and deleting drafts. */
export function WorkflowVersionsSection({
  workflow,
  versions,
  updateDenied,
  deniable,
  onCompare,
}: WorkflowVersionsSectionProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deletion, setDeletion] = useState<VersionDeletion | null>(null);
  const rows = versions.data?.items;
  const numbers = (rows ?? []).map((row) => row.version);
  const drafts = (rows ?? []).filter((row) => row.draft).map((row) => row.version);
  const picked = (rows ?? []).filter((row) => selected.has(row.id)).map((row) => row.version);
  const [newer, older] = [...picked].sort((a, b) => b - a);
  const canCompare = picked.length === 2 && newer !== undefined && older !== undefined;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Versions
        </Title>
        <Group gap="xs">
          <GuardedButton
            size="xs"
            variant="default"
            leftSection={<IconArrowsDiff size={14} aria-hidden />}
            deniedReason={canCompare ? null : 'Tick two versions in the table to compare them'}
            onClick={() => {
              if (canCompare) onCompare(older, newer);
            }}
          >
            Compare selected
          </GuardedButton>
          <GuardedButton
            size="xs"
            variant="default"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            deniedReason={updateDenied ?? draftsUndeletable(drafts.length, workflow.latest_published_version)}
            deniable={deniable}
            onClick={() => {
              setDeletion({ kind: 'drafts', versions: drafts });
            }}
          >
            Delete all drafts
          </GuardedButton>
        </Group>
      </Group>
      <WorkflowVersionsTable
        versions={rows}
        unreadable={versions.data?.unreadable}
        latestPublished={workflow.latest_published_version}
        failure={versions.isError ? failureMessage(versions.error) : null}
        onRetry={() => void versions.refetch()}
        isFetching={versions.isFetching}
        selection={{
          selectedKeys: selected,
          onChange: setSelected,
          rowLabel: (row) => `version ${String(row.version)}`,
        }}
        rowActions={[
          {
            label: 'Compare with previous',
            accessibleName: (row) => `Compare with previous: version ${String(row.version)}`,
            icon: () => <IconArrowsDiff size={12} aria-hidden />,
            deniedReason: (row) =>
              previousVersion(numbers, row.version) === undefined ? 'This is the first version' : null,
            onAction: (row) => {
              const previous = previousVersion(numbers, row.version);
              if (previous !== undefined) onCompare(previous, row.version);
            },
          },
          {
            label: 'Delete',
            accessibleName: (row) => `Delete version ${String(row.version)}`,
            icon: () => <IconTrash size={12} aria-hidden />,
            color: 'red',
            deniedReason: (row) => updateDenied ?? versionUndeletable(row, numbers.length),
            deniable,
            onAction: (row) => {
              setDeletion({ kind: 'version', version: row.version });
            },
          },
        ]}
      />
      <DeleteVersionsDialog
        workflow={workflow}
        deletion={deletion}
        deniable={deniable}
        onClose={() => {
          setDeletion(null);
          setSelected(new Set());
        }}
      />
    </Stack>
  );
}
