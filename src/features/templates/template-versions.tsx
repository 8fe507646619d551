import { Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { listQueryState, newestFirst } from '@/api/list-query-state';
import {
  templateVersionsQuery,
  usePutTemplateVersion,
  type Template,
  type TemplateVersion,
} from '@/api/templates';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { VersionForm } from './version-form';
import { VersionsTable } from './versions-table';
import { Dialog } from '@/ui/dialog';

export interface TemplateVersionsProps {
  projectCode: string;
  template: Template;
  updateDenied: string | null;
  /** Changing the project's templates, as the server may refuse it (403): then the buttons say so. */
  deniable: DeniableAction;
}

/** One template's versions: list, create, edit (PUT), archive and restore. */
export function TemplateVersions({ projectCode, template, updateDenied, deniable }: TemplateVersionsProps) {
  const recordDenial = useRecordDenial();
  const versions = useQuery({
    ...templateVersionsQuery(projectCode, template.code),
    // A new or changed version resolves its Git revision in the background: follow it until ready.
    refetchInterval: (query) =>
      query.state.data?.items.some((version) => version.state === 'initializing') === true ? 2000 : false,
  });
  const put = usePutTemplateVersion();
  const [isCreating, creating] = useDisclosure(false);
  const [editing, setEditing] = useState<TemplateVersion | null>(null);

  const handleArchive = (version: TemplateVersion) => {
    const archived = version.archived !== true;
    put.mutate(
      {
        projectCode,
        templateCode: template.code,
        version: version.version,
        attributes: { description: version.description, git_rev: version.git_rev, archived },
      },
      {
        onSuccess: () => {
          notifySuccess(`Version ${version.version} ${archived ? 'archived' : 'restored'}.`);
        },
        onError: (error) => {
          notifyFailure(
            `Version ${version.version} was not ${archived ? 'archived' : 'restored'}`,
            failureMessage(error),
          );
          recordDenial(error, deniable);
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Versions of {template.name}
        </Title>
        <GuardedButton
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden />}
          deniedReason={updateDenied}
          deniable={deniable}
          onClick={creating.open}
        >
          New version
        </GuardedButton>
      </Group>
      <VersionsTable
        list={listQueryState(versions, newestFirst)}
        updateDenied={updateDenied}
        deniable={deniable}
        busyVersion={put.isPending ? put.variables.version : null}
        onEdit={setEditing}
        onArchive={handleArchive}
      />
      <Dialog opened={isCreating} onClose={creating.close} title={`New version of ${template.name}`}>
        {isCreating ? (
          <VersionForm
            projectCode={projectCode}
            templateCode={template.code}
            deniable={deniable}
            onDone={creating.close}
          />
        ) : null}
      </Dialog>
      <Dialog
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
        }}
        title={`Edit version ${editing?.version ?? ''}`}
      >
        {editing === null ? null : (
          <VersionForm
            projectCode={projectCode}
            templateCode={template.code}
            existing={editing}
            deniable={deniable}
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}
