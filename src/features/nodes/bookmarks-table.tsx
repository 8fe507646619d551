import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Bookmark } from '@/api/bookmarks';
import type { ListQueryState } from '@/lib/list-rows';
import type { DeniableAction } from '@/lib/server-denials';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import { isWebUrl } from '@/lib/web-url';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn, DataTableRowAction } from '@/ui/data-table-types';

const COLUMNS: readonly DataTableColumn<Bookmark>[] = [
  {
    key: 'bookmark',
    header: 'Bookmark',
    isSticky: true,
    render: (bookmark) => (
      <Stack gap={0}>
        {isWebUrl(bookmark.url) ? (
          <Anchor href={bookmark.url} target="_blank" rel="noopener noreferrer" size="sm">
            <Group gap={4} wrap="nowrap" component="span">
              {bookmark.description}
              <IconExternalLink size={14} aria-label="(opens in a new tab)" />
            </Group>
          </Anchor>
        ) : (
          <Text size="sm">{bookmark.description}</Text>
        )}
        {/* A user name or token pasted into the address is not shown (the link still uses it). */}
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {maskUrlCredentials(bookmark.url)}
        </Text>
      </Stack>
    ),
  },
  {
    key: 'created_by',
    header: 'Added by',
    isLowPriority: true,
    render: (bookmark) => <Text size="sm">{bookmark.created_by}</Text>,
  },
];

export interface BookmarksTableProps {
  /** The bookmarks and how loading them went. */
  list: ListQueryState<Bookmark>;
  /** What the bookmarks are for, shown when there are none. */
  emptyHint: string;
  /** Why the user may not edit or delete bookmarks; null when they may. */
  changeDenied: string | null;
  /** Changing bookmarks, as the server may refuse it (403): then Edit and Delete say so. */
  deniable: DeniableAction;
  onEdit: (bookmark: Bookmark) => void;
  onDelete: (bookmark: Bookmark) => void;
}

/** Bookmarks with their links (opened in a new tab, http and https only) and row actions. */
export function BookmarksTable(props: BookmarksTableProps) {
  const { changeDenied, deniable } = props;
  const actions: readonly DataTableRowAction<Bookmark>[] = [
    {
      label: 'Edit',
      accessibleName: (bookmark) => `Edit bookmark ${bookmark.description}`,
      icon: () => <IconPencil size={12} aria-hidden />,
      deniedReason: changeDenied,
      deniable,
      onAction: props.onEdit,
    },
    {
      label: 'Delete',
      accessibleName: (bookmark) => `Delete bookmark ${bookmark.description}`,
      icon: () => <IconTrash size={12} aria-hidden />,
      color: 'red',
      deniedReason: changeDenied,
      deniable,
      onAction: props.onDelete,
    },
  ];
  return (
    <DataTable
      label="Bookmarks"
      what="bookmarks"
      {...props.list}
      rowKey={(bookmark) => bookmark.id}
      columns={COLUMNS}
      rowActions={actions}
      skeletonRows={2}
      emptyTitle="No bookmarks yet"
      emptyHint={props.emptyHint}
      minWidth={560}
    />
  );
}
