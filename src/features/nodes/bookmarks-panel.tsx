import { Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bookmarkListQuery, type Bookmark } from '@/api/bookmarks';
import { listQueryState } from '@/api/list-query-state';
import type { AnyNode } from '@/api/node-mutations';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { BookmarkForm } from './bookmark-form';
import { BookmarksTable } from './bookmarks-table';
import { DeleteBookmarkDialog } from './delete-bookmark-dialog';
import { Dialog } from '@/ui/dialog';

export interface BookmarksPanelProps {
  node: AnyNode;
}

/** The node's bookmarks: open, add, edit and delete. */
export function BookmarksPanel({ node }: BookmarksPanelProps) {
  const bookmarks = useQuery(bookmarkListQuery(node.path));
  const [isAdding, adding] = useDisclosure(false);
  const [editing, setEditing] = useState<Bookmark | null>(null);
  const [deleting, setDeleting] = useState<Bookmark | null>(null);
  const denied = (purpose: string) =>
    denial(node.meta.authorisations, { nodePath: node.path, facet: 'self', permission: 'update', purpose });
  const addDenied = denied('add bookmarks');
  const changeDenied = denied('change its bookmarks');
  // One permission (the node's update) covers adding, editing and deleting: once the server refuses one,
  // all three are disabled with its reason rather than refused again one by one.
  const deniable: DeniableAction = { resource: node.path, action: 'bookmarks' };

  const addButton = (
    <GuardedButton
      size="xs"
      variant="default"
      leftSection={<IconPlus size={14} aria-hidden />}
      deniedReason={addDenied}
      deniable={deniable}
      onClick={adding.open}
    >
      Add bookmark
    </GuardedButton>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Bookmarks
        </Title>
        {addButton}
      </Group>
      <BookmarksTable
        list={listQueryState(bookmarks)}
        emptyHint={`Bookmarks link this ${node.kind} to dashboards, runbooks and wikis.`}
        changeDenied={changeDenied}
        deniable={deniable}
        onEdit={setEditing}
        onDelete={setDeleting}
      />
      <Dialog opened={isAdding} onClose={adding.close} title="Add bookmark">
        {isAdding ? <BookmarkForm nodePath={node.path} deniable={deniable} onDone={adding.close} /> : null}
      </Dialog>
      <Dialog
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
        }}
        title="Edit bookmark"
      >
        {editing === null ? null : (
          <BookmarkForm
            nodePath={node.path}
            bookmark={editing}
            deniable={deniable}
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
      </Dialog>
      <DeleteBookmarkDialog
        nodePath={node.path}
        bookmark={deleting}
        deniable={deniable}
        onClose={() => {
          setDeleting(null);
        }}
      />
    </Stack>
  );
}
