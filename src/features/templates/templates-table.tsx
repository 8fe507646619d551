import { Code, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import type { Template } from '@/api/templates';
import { toggleSort, type ListSearch, type ListSort } from '@/lib/list-search';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { SortableHeader } from '@/ui/sortable-header';
import { StatusBadge } from '@/ui/status-badge';

export const TEMPLATE_SORT_COLUMNS = ['name', 'code', 'url', 'archived'] as const;
export type TemplateSortColumn = (typeof TEMPLATE_SORT_COLUMNS)[number];

// Theme-aware, so both schemes keep 4.5:1 (axe): a fixed light background (blue-0) under dark-scheme text
// measured 1.6:1, and blue-9 text on the dark body 2.6:1. Mantine's `light` variant is blue-1 in the light
// scheme and a dark blue in the dark one.
const SELECTED_ROW_BG = 'var(--mantine-color-blue-light)';
const NAME_COLOR = 'light-dark(var(--mantine-color-blue-9), var(--mantine-color-blue-3))';

const LABELS: Record<TemplateSortColumn, string> = {
  name: 'Name',
  code: 'Code',
  url: 'Repository',
  archived: 'Status',
};

export interface TemplatesTableProps {
  templates: readonly Template[];
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
  const { templates, selectedCode, sort, onSearchChange, updateDenied, deniable, busyCode } = props;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Templates">
        <Table.Thead>
          <Table.Tr>
            {TEMPLATE_SORT_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                label={LABELS[column]}
                direction={sort.column === column ? sort.direction : null}
                onSort={() => {
                  onSearchChange(toggleSort(sort, column));
                }}
              />
            ))}
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((template) => {
            const isSelected = template.code === selectedCode;
            return (
              <Table.Tr key={template.id} bg={isSelected ? SELECTED_ROW_BG : undefined}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => {
                      props.onSelect(template.code);
                    }}
                    aria-pressed={isSelected}
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
                </Table.Td>
                <Table.Td>
                  <Code>{template.code}</Code>
                </Table.Td>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }}>{maskUrlCredentials(template.url)}</Code>
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={template.archived ? 'neutral' : 'positive'}>
                    {template.archived ? 'Archived' : 'Active'}
                  </StatusBadge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <GuardedButton
                      size="compact-xs"
                      variant="subtle"
                      leftSection={
                        template.archived ? (
                          <IconArchiveOff size={12} aria-hidden />
                        ) : (
                          <IconArchive size={12} aria-hidden />
                        )
                      }
                      deniedReason={updateDenied}
                      deniable={deniable}
                      loading={busyCode === template.code}
                      onClick={() => {
                        props.onArchive(template);
                      }}
                      aria-label={`${template.archived ? 'Restore' : 'Archive'} template ${template.name}`}
                    >
                      {template.archived ? 'Restore' : 'Archive'}
                    </GuardedButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
