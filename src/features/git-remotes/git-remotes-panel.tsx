import { Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { NodeAuthorisations } from '@contract/node';
import { failureMessage } from '@/api/failures';
import { gitRemoteListQuery, useArchiveGitRemote, type GitRemote } from '@/api/git-remotes';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { projectPath } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { CreateGitRemoteForm } from './create-git-remote-form';
import { CredentialsForm } from './credentials-form';
import { DeleteGitRemoteDialog } from './delete-git-remote-dialog';
import { GitRemotesTable, REMOTE_SORT_COLUMNS } from './git-remotes-table';
import { Dialog } from '@/ui/dialog';

export interface GitRemotesPanelProps {
  projectCode: string;
  authorisations: NodeAuthorisations;
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
}

/** A project's Git remotes: list, add, archive or restore, replace credentials, delete. */
export function GitRemotesPanel({
  projectCode,
  authorisations,
  search,
  onSearchChange,
}: GitRemotesPanelProps) {
  const recordDenial = useRecordDenial();
  // ListFilterBar sends the text to the URL once typing pauses: no second debounce here.
  const text = (search.q ?? '').trim();
  const sort = resolveSort(search, REMOTE_SORT_COLUMNS, { column: 'name', direction: 'asc' });
  const remotes = useQuery({
    ...gitRemoteListQuery(projectCode, {
      filters: {
        name_or_url_cont: text === '' ? undefined : text,
        archived_eq: search.archived === true ? undefined : false,
      },
      sorts: sortSpec(sort),
    }),
    placeholderData: keepPreviousData,
  });
  const archive = useArchiveGitRemote();
  const [isAdding, adding] = useDisclosure(false);
  const [credentialsOf, setCredentialsOf] = useState<GitRemote | null>(null);
  const [deleting, setDeleting] = useState<GitRemote | null>(null);
  const path = projectPath(projectCode);
  const need = (purpose: string) =>
    denial(authorisations, { nodePath: path, facet: 'git_remotes', permission: 'update', purpose });
  // One permission (`git_remotes.update`) covers adding, archiving, deleting and replacing credentials: once
  // the server refuses one, all are disabled with its reason rather than refused again one by one.
  const deniable: DeniableAction = { resource: path, action: 'git-remotes' };

  const handleArchive = (remote: GitRemote) => {
    archive.mutate(
      { projectCode, id: remote.id, archived: !remote.archived },
      {
        onSuccess: (saved) => {
          notifySuccess(`Git remote ${saved.name} ${saved.archived ? 'archived' : 'restored'}.`);
        },
        onError: (error) => {
          notifyFailure(
            `${remote.name} was not ${remote.archived ? 'restored' : 'archived'}`,
            failureMessage(error),
          );
          recordDenial(error, deniable);
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <ListFilterBar search={search} onSearchChange={onSearchChange} what="Git remotes" matches="name or URL">
        <GuardedButton
          size="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          deniedReason={need('add Git remotes')}
          deniable={deniable}
          onClick={adding.open}
        >
          Add Git remote
        </GuardedButton>
      </ListFilterBar>
      <GitRemotesTable
        remotes={remotes.data?.items}
        unreadable={remotes.data?.unreadable}
        failure={remotes.isError ? failureMessage(remotes.error) : null}
        onRetry={() => void remotes.refetch()}
        isFetching={remotes.isFetching}
        filterText={text}
        sort={sort}
        onSearchChange={onSearchChange}
        updateDenied={need('change Git remotes')}
        deniable={deniable}
        busyId={archive.isPending ? archive.variables.id : null}
        onArchive={handleArchive}
        onCredentials={setCredentialsOf}
        onDelete={setDeleting}
      />
      <Dialog opened={isAdding} onClose={adding.close} title="Add Git remote">
        {isAdding ? (
          <CreateGitRemoteForm projectCode={projectCode} deniable={deniable} onDone={adding.close} />
        ) : null}
      </Dialog>
      <Dialog
        opened={credentialsOf !== null}
        onClose={() => {
          setCredentialsOf(null);
        }}
        title="Replace credentials"
      >
        {credentialsOf === null ? null : (
          <CredentialsForm
            projectCode={projectCode}
            remote={credentialsOf}
            deniable={deniable}
            onDone={() => {
              setCredentialsOf(null);
            }}
          />
        )}
      </Dialog>
      <DeleteGitRemoteDialog
        projectCode={projectCode}
        remote={deleting}
        deniable={deniable}
        onClose={() => {
          setDeleting(null);
        }}
      />
    </Stack>
  );
}
