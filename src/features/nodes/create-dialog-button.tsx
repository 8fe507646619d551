import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DeniableAction } from '@/lib/server-denials';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';

export interface CreateDialogButtonProps {
  /** The button's text and the dialog's title: "New asset". */
  label: string;
  size?: 'sm';
  dialogSize?: 'lg';
  /** Why the user may not create (from meta), or null. */
  deniedReason: string | null;
  /** Where a 403 from creating is remembered; the button reads it too. */
  deniable: DeniableAction;
  /** The form, given how to close the dialog; mounted only while the dialog is open. */
  form: (close: () => void) => ReactNode;
}

/** A "New …" button (disabled with a reason when creating is not allowed) opening a dialog with a form. */
export function CreateDialogButton({
  label,
  size,
  dialogSize,
  deniedReason,
  deniable,
  form,
}: CreateDialogButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  return (
    <>
      <GuardedButton
        {...(size === undefined ? {} : { size })}
        leftSection={<IconPlus size={16} aria-hidden />}
        deniedReason={deniedReason}
        deniable={deniable}
        onClick={dialog.open}
      >
        {label}
      </GuardedButton>
      <Dialog
        opened={isOpen}
        onClose={dialog.close}
        title={label}
        {...(dialogSize === undefined ? {} : { size: dialogSize })}
      >
        {isOpen ? form(dialog.close) : null}
      </Dialog>
    </>
  );
}
