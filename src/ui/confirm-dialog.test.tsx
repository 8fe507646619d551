import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { ConfirmDialog } from './confirm-dialog';

function renderDialog(props: { pending?: boolean; failure?: string | null; opened?: boolean }) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <ConfirmDialog
      opened={props.opened ?? true}
      title="Delete the thing?"
      confirmLabel="Delete thing"
      cancelLabel="Keep it"
      pending={props.pending ?? false}
      failure={props.failure ?? null}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>The thing is deleted for everyone.</p>
    </ConfirmDialog>,
  );
  return { ...rendered, onConfirm, onClose };
}

describe('ConfirmDialog', () => {
  it('says what happens, focuses the confirming button and confirms once per click', async () => {
    const { user, onConfirm, onClose } = renderDialog({});
    const dialog = await screen.findByRole('dialog', { name: 'Delete the thing?' });
    expect(dialog).toHaveTextContent('The thing is deleted for everyone.');
    const confirm = screen.getByRole('button', { name: 'Delete thing' });
    await vi.waitFor(() => {
      expect(confirm).toHaveFocus();
    });
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows the refusal under its title and sends nothing while a request is on its way', async () => {
    const { user, onConfirm } = renderDialog({ pending: true, failure: 'You may not delete it.' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not deleted');
    expect(alert).toHaveTextContent('You may not delete it.');
    await user.click(screen.getByRole('button', { name: 'Delete thing' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('renders no body while closed', () => {
    renderDialog({ opened: false });
    expect(screen.queryByText('The thing is deleted for everyone.')).toBeNull();
  });
});
