import { Modal, type ModalProps } from '@mantine/core';

/** A modal dialog whose close button has an accessible name (Mantine's has none by default). */
export function Dialog({ closeButtonProps, ...props }: ModalProps) {
  return <Modal closeButtonProps={{ 'aria-label': 'Close dialog', ...closeButtonProps }} {...props} />;
}
