import { Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bookmarkListQuery, type Bookmark } from '@/api/bookmarks';
import { failureMessage } from '@/api/failures';
import type { AnyNode } from '@/api/node-mutations';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { GuardedButton } from '@/ui/guarded-button';
import { TableSkeleton } from '@/ui/table-skeleton';
import { BookmarkForm } from './bookmark-form';
import { BookmarksTable } from './bookmarks-table';
import { DeleteBookmarkDialog } from './delete-bookmark-dialog';
import { Dialog } from '@/ui/dialog';
import { UnreadableRowsNotice } from '@/ui/unreadable-rows-notice';

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

  let body;
  if (bookmarks.isPending) body = <TableSkeleton label="Loading bookmarks" rows={2} />;
  else if (bookmarks.isError) {
    body = (
      <ErrorState
        title="The bookmarks could not be loaded"
        message={failureMessage(bookmarks.error)}
        onRetry={() => void bookmarks.refetch()}
        isRetrying={bookmarks.isFetching}
      />
    );
  } else if (bookmarks.data.items.length === 0 && bookmarks.data.unreadable.length === 0) {
    body = (
      <EmptyState title="No bookmarks yet">
        Bookmarks link this {node.kind} to dashboards, runbooks and wikis.
      </EmptyState>
    );
  } else {
    body = (
      <BookmarksTable
        bookmarks={bookmarks.data.items}
        changeDenied={changeDenied}
        deniable={deniable}
        onEdit={setEditing}
        onDelete={setDeleting}
      />
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Bookmarks
        </Title>
        {addButton}
      </Group>
      {bookmarks.isSuccess ? (
        <UnreadableRowsNotice rows={bookmarks.data.unreadable} what="bookmarks" />
      ) : null}
      {body}
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
