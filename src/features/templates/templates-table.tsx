import { Code, Text, UnstyledButton } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import type { Template } from '@/api/templates';
import type { UnreadableRow } from '@/lib/list-rows';
import type { ListSearch, ListSort } from '@/lib/list-search';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import type { DeniableAction } from '@/lib/server-denials';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { StatusBadge } from '@/ui/status-badge';

export const TEMPLATE_SORT_COLUMNS = ['name', 'code', 'url', 'archived'] as const;
export type TemplateSortColumn = (typeof TEMPLATE_SORT_COLUMNS)[number];

// Theme-aware, so both schemes keep 4.5:1 (axe): blue-9 text on the dark body measured 2.6:1.
const NAME_COLOR = 'light-dark(var(--mantine-color-blue-9), var(--mantine-color-blue-3))';

export interface TemplatesTableProps {
  /** Undefined until the first answer. */
  templates: readonly Template[] | undefined;
  /** Rows of the answer that could not be read (marked above the table). */
  unreadable?: readonly UnreadableRow[] | undefined;
  /** Why the templates could not be loaded, or null. */
  failure: string | null;
  onRetry: () => void;
  isFetching: boolean;
  /** The text filter, for the empty state. */
  filterText: string;
  selectedCode: string | undefined;
  sort: ListSort<TemplateSortColumn>;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  onSelect: (code: string) => void;
  updateDenied: string | null;
  /** Changing templates, as the server may refuse it (403): then Archive and Restore say so. */
  deniable: DeniableAction;
  busyCode: string | null;
  onArchive: (template: Template) => void;
}

/** A project's templates; choosing one shows its versions. */
export function TemplatesTable(props: TemplatesTableProps) {
  const { selectedCode, filterText } = props;
  const columns: readonly DataTableColumn<Template, TemplateSortColumn>[] = [
    {
      key: 'name',
      header: 'Name',
      sortKey: 'name',
      isSticky: true,
      render: (template) => (
        <>
          <UnstyledButton
            onClick={() => {
              props.onSelect(template.code);
            }}
            aria-pressed={template.code === selectedCode}
            aria-label={`Show versions of ${template.name}`}
          >
            <Text size="sm" fw={600} c={NAME_COLOR} td="underline">
              {template.name}
            </Text>
          </UnstyledButton>
          {template.description === null || template.description === '' ? null : (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {template.description}
            </Text>
          )}
        </>
      ),
    },
    { key: 'code', header: 'Code', sortKey: 'code', render: (template) => <Code>{template.code}</Code> },
    {
      key: 'url',
      header: 'Repository',
      sortKey: 'url',
      isLowPriority: true,
      render: (template) => (
        <Code style={{ wordBreak: 'break-all' }}>{maskUrlCredentials(template.url)}</Code>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      sortKey: 'archived',
      render: (template) => (
        <StatusBadge tone={template.archived ? 'neutral' : 'positive'}>
          {template.archived ? 'Archived' : 'Active'}
        </StatusBadge>
      ),
    },
  ];
  return (
    <DataTable
      label="Templates"
      what="templates"
      rows={props.templates}
      rowKey={(template) => template.code}
      columns={columns}
      sort={props.sort}
      onSortChange={props.onSearchChange}
      activeRowKey={selectedCode}
      rowActions={[
        {
          label: (template) => (template.archived ? 'Restore' : 'Archive'),
          accessibleName: (template) =>
            `${template.archived ? 'Restore' : 'Archive'} template ${template.name}`,
          icon: (template) =>
            template.archived ? (
              <IconArchiveOff size={12} aria-hidden />
            ) : (
              <IconArchive size={12} aria-hidden />
            ),
          deniedReason: props.updateDenied,
          deniable: props.deniable,
          isBusy: (template) => props.busyCode === template.code,
          onAction: props.onArchive,
        },
      ]}
      unreadable={props.unreadable}
      failure={props.failure}
      onRetry={props.onRetry}
      isFetching={props.isFetching}
      skeletonRows={3}
      emptyTitle={filterText === '' ? 'No templates' : `No templates match “${filterText}”`}
      emptyHint="Templates are Git repositories that assets are built from."
      minWidth={560}
    />
  );
}
