import { Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NodeAuthorisations } from '@contract/node';
import { failureMessage } from '@/api/failures';
import { templateListQuery, useArchiveTemplate, type Template } from '@/api/templates';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { projectPath } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { CreateTemplateForm } from './create-template-form';
import { TemplateVersions } from './template-versions';
import { TEMPLATE_SORT_COLUMNS, TemplatesTable } from './templates-table';
import { Dialog } from '@/ui/dialog';

export interface TemplatesPanelProps {
  projectCode: string;
  authorisations: NodeAuthorisations;
  search: ListSearch;
  /** The template whose versions are shown (from the URL). */
  selectedCode: string | undefined;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  onSelect: (code: string | undefined) => void;
}

/** A project's templates (list, create, archive) and the versions of the chosen one. */
export function TemplatesPanel(props: TemplatesPanelProps) {
  const recordDenial = useRecordDenial();
  const { projectCode, authorisations, search, selectedCode, onSearchChange, onSelect } = props;
  // ListFilterBar sends the text to the URL once typing pauses: no second debounce here.
  const text = (search.q ?? '').trim();
  const sort = resolveSort(search, TEMPLATE_SORT_COLUMNS, { column: 'name', direction: 'asc' });
  const templates = useQuery({
    ...templateListQuery(projectCode, {
      filters: {
        name_or_code_cont: text === '' ? undefined : text,
        archived_eq: search.archived === true ? undefined : false,
      },
      sorts: sortSpec(sort),
    }),
    placeholderData: keepPreviousData,
  });
  const archive = useArchiveTemplate();
  const [isCreating, creating] = useDisclosure(false);
  const need = (purpose: string) =>
    denial(authorisations, {
      nodePath: projectPath(projectCode),
      facet: 'templates',
      permission: 'update',
      purpose,
    });
  const updateDenied = need('change templates');
  // One permission (`templates.update`) covers creating, archiving and versioning templates: once the server
  // refuses one, all are disabled with its reason rather than refused again one by one.
  const deniable: DeniableAction = { resource: projectPath(projectCode), action: 'templates' };
  const selected = templates.data?.items.find((template) => template.code === selectedCode);

  const handleArchive = (template: Template) => {
    archive.mutate(
      { projectCode, code: template.code, archived: !template.archived },
      {
        onSuccess: (saved) => {
          notifySuccess(`Template ${saved.name} ${saved.archived ? 'archived' : 'restored'}.`);
        },
        onError: (error) => {
          notifyFailure(
            `${template.name} was not ${template.archived ? 'restored' : 'archived'}`,
            failureMessage(error),
          );
          recordDenial(error, deniable);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <ListFilterBar search={search} onSearchChange={onSearchChange} what="templates" matches="name or code">
        <GuardedButton
          size="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          deniedReason={need('create templates')}
          deniable={deniable}
          onClick={creating.open}
        >
          New template
        </GuardedButton>
      </ListFilterBar>
      <TemplatesTable
        templates={templates.data?.items}
        unreadable={templates.data?.unreadable}
        failure={templates.isError ? failureMessage(templates.error) : null}
        onRetry={() => void templates.refetch()}
        isFetching={templates.isFetching}
        filterText={text}
        selectedCode={selectedCode}
        sort={sort}
        onSearchChange={onSearchChange}
        onSelect={(code) => {
          onSelect(code === selectedCode ? undefined : code);
        }}
        updateDenied={updateDenied}
        deniable={deniable}
        busyCode={archive.isPending ? archive.variables.code : null}
        onArchive={handleArchive}
      />
      {selected === undefined ? (
        templates.isSuccess && templates.data.items.length > 0 ? (
          <Text size="sm" c="dimmed">
            Choose a template to see its versions.
          </Text>
        ) : null
      ) : (
        <Paper withBorder p="md">
          <TemplateVersions
            projectCode={projectCode}
            template={selected}
            updateDenied={updateDenied}
            deniable={deniable}
          />
        </Paper>
      )}
      <Dialog opened={isCreating} onClose={creating.close} title="New template" size="lg">
        {isCreating ? (
          <CreateTemplateForm
            projectCode={projectCode}
            deniable={deniable}
            onDone={(code) => {
              creating.close();
              if (code !== null) onSelect(code);
            }}
          />
        ) : null}
      </Dialog>
    </Stack>
  );
}
