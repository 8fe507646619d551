import { Button, Group, Stack } from '@mantine/core';
import type { ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { FormAlert } from './form-alert';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What confirming does (and whether it can be undone); rendered only while the dialog is open. */
  children: ReactNode;
  confirmLabel: string;
  /** The button that closes without acting. */
  cancelLabel?: string;
  /** A destructive action gets a red button. */
  isDestructive?: boolean;
  /** The request is on its way: the button spins and a second click sends nothing. */
  pending: boolean;
  /** Why the server refused the last attempt, shown above the buttons; the dialog stays open to retry. */
  failure: string | null;
  /** The heading of that refusal. */
  failureTitle?: string;
  size?: ModalProps['size'];
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Asks before an action the user cannot take back: what it does, the server's refusal if there was one,
 * Cancel and the one confirming button (focused, so Enter confirms and Escape cancels).
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  isDestructive = true,
  pending,
  failure,
  failureTitle = 'Not deleted',
  size,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const handleConfirm = () => {
    if (!pending) onConfirm();
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={title} {...(size === undefined ? {} : { size })}>
      {opened ? (
        <Stack>
          {children}
          <FormAlert title={failureTitle} message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button
              color={isDestructive ? 'red' : undefined}
              onClick={handleConfirm}
              loading={pending}
              data-autofocus
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Dialog>
  );
}
