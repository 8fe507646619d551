import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getEnvironment } from '@/api/environments';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { NodeActions } from './node-actions';

setUpEmulator();

describe('NodeActions', () => {
  it('shows the viewer edit and archive disabled, saying which permission is missing', async () => {
    signInAs('viewer');
    const project = await getProject('bank');
    const { user } = renderWithProviders(<NodeActions node={project} />);

    const edit = screen.getByRole('button', { name: 'Edit' });
    const archive = screen.getByRole('button', { name: 'Archive' });
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveAccessibleDescription('You need update permission on /projects/bank to rename it');
    expect(archive).toHaveAttribute('aria-disabled', 'true');
    expect(archive).toHaveAccessibleDescription('You need update permission on /projects/bank to archive it');

    await user.hover(edit);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You need update permission on /projects/bank to rename it',
    );
    await user.click(edit);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lets the operator edit, and shows the name the server refuses on the name field', async () => {
    signInAs('operator');
    const environment = await getEnvironment('bank', 'dev');
    const { user } = renderWithProviders(<NodeActions node={environment} />);

    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(edit).not.toHaveAttribute('aria-disabled');
    await user.click(edit);
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Production');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(name).toHaveAccessibleDescription(expect.stringContaining('Name has already been taken'));
    });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('archives after confirmation', async () => {
    signInAs('operator');
    const environment = await getEnvironment('retail', 'test');
    const { user } = renderWithProviders(<NodeActions node={environment} />);

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await user.click(await screen.findByRole('button', { name: 'Archive environment' }));

    await waitFor(async () => {
      expect((await getEnvironment('retail', 'test')).archived).toBe(true);
    });
    expect(await screen.findByText('Test is archived.')).toBeInTheDocument();
  });

  it('after the server refuses an edit with a 403, disables Edit with the server’s reason until the cache is cleared', async () => {
    signInAs('operator');
    const project = await getProject('bank');
    const { user, unmount, queryClient } = renderWithProviders(<NodeActions node={project} />);
    // The page was read with the operator's permissions; they are withdrawn before the save.
    signInAs('viewer');

    const edit = screen.getByRole('button', { name: 'Edit' });
    await user.click(edit);
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), ' (renamed)');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    // Explained as before: in the dialog and in a notification.
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      'You are not permitted to update /projects/bank',
    );
    expect(await screen.findByText(`${project.name} was not changed`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    // The same button, now disabled with the server's reason; the closing dialog gives focus back to it.
    await waitFor(() => {
      expect(edit).toHaveFocus();
    });
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveAccessibleDescription('You are not permitted to update /projects/bank');
    await user.hover(edit);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You are not permitted to update /projects/bank',
    );
    await user.click(edit);
    expect(screen.queryByRole('dialog')).toBeNull();
    // Only the refused action: archiving was not tried.
    expect(screen.getByRole('button', { name: 'Archive' })).not.toHaveAttribute('aria-disabled');

    // Leaving the page and coming back to the same data keeps the denial...
    unmount();
    renderWithProviders(<NodeActions node={project} />, { queryClient });
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveAttribute('aria-disabled', 'true');
    // ...clearing the cache, as signing out or in again does (here with the permission given back), ends it.
    cleanup();
    queryClient.clear();
    signInAs('operator');
    renderWithProviders(<NodeActions node={await getProject('bank')} />, { queryClient });
    expect(screen.getByRole('button', { name: 'Edit' })).not.toHaveAttribute('aria-disabled');
  });

  it('after the server refuses to archive with a 403, disables Archive with the server’s reason', async () => {
    signInAs('operator');
    const environment = await getEnvironment('bank', 'dev');
    const { user } = renderWithProviders(<NodeActions node={environment} />);
    signInAs('viewer');

    const archive = screen.getByRole('button', { name: 'Archive' });
    await user.click(archive);
    await user.click(await screen.findByRole('button', { name: 'Archive environment' }));

    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      'You are not permitted to update /projects/bank/environments/dev',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(archive).toHaveAttribute('aria-disabled', 'true');
    expect(archive).toHaveAccessibleDescription(
      'You are not permitted to update /projects/bank/environments/dev',
    );
    expect(screen.getByRole('button', { name: 'Edit' })).not.toHaveAttribute('aria-disabled');
  });

  it('shows the API link of the node', async () => {
    signInAs('viewer');
    const environment = await getEnvironment('bank', 'prod');
    renderWithProviders(<NodeActions node={environment} />);

    expect(screen.getByLabelText('API link')).toHaveTextContent('/api/projects/bank/environments/prod');
    expect(screen.getByRole('button', { name: 'Copy API URL' })).toBeEnabled();
  });
});
