import { Text } from '@mantine/core';
import { useDeleteBookmark, type Bookmark } from '@/api/bookmarks';
import { failureMessage, isForbidden } from '@/api/failures';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { ConfirmDialog } from '@/ui/confirm-dialog';

export interface DeleteBookmarkDialogProps {
  nodePath: string;
  bookmark: Bookmark | null;
  /** Changing the node's bookmarks: a 403 is remembered on it, so its buttons say why they are disabled. */
  deniable: DeniableAction;
  onClose: () => void;
}

export function DeleteBookmarkDialog({ nodePath, bookmark, deniable, onClose }: DeleteBookmarkDialogProps) {
  const recordDenial = useRecordDenial();
  const remove = useDeleteBookmark();
  const handleClose = () => {
    remove.reset();
    onClose();
  };
  const handleConfirm = () => {
    if (bookmark === null) return;
    remove.mutate(
      { nodePath, id: bookmark.id },
      {
        onSuccess: () => {
          notifySuccess(`Bookmark "${bookmark.description}" deleted.`);
          handleClose();
        },
        onError: (error) => {
          if (isForbidden(error)) {
            notifyFailure('Bookmark not deleted', failureMessage(error));
            recordDenial(error, deniable);
          }
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={bookmark !== null}
      title="Delete bookmark?"
      confirmLabel="Delete bookmark"
      pending={remove.isPending}
      failure={remove.isError ? failureMessage(remove.error) : null}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      <Text size="sm">
        The bookmark &ldquo;{bookmark?.description}&rdquo; (
        {bookmark === null ? '' : maskUrlCredentials(bookmark.url)}) will be deleted for everyone.
      </Text>
    </ConfirmDialog>
  );
}
