import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { listProjects } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { CreateProjectButton } from './create-project-button';

setUpEmulator();

describe('CreateProjectButton', () => {
  it('says why the viewer may not create projects', async () => {
    signInAs('viewer');
    renderWithProviders(<CreateProjectButton projects={await listProjects()} onCreated={vi.fn()} />);

    const button = screen.getByRole('button', { name: 'New project' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('You need update permission on /projects to create projects');
  });

  it('after the server refuses with a 403, disables New project with the server’s reason until the cache is cleared', async () => {
    signInAs('operator');
    const projects = await listProjects();
    const { user, unmount, queryClient } = renderWithProviders(
      <CreateProjectButton projects={projects} onCreated={vi.fn()} />,
    );
    // The list was read with the operator's permissions; they are withdrawn before creating.
    signInAs('viewer');

    const button = screen.getByRole('button', { name: 'New project' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'New project' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Code/ }), 'payments');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Payments');
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));

    const reason = 'You are not permitted to create projects';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(reason);

    // Clearing the cache, as signing out or in again does (here with the permission given back), ends it.
    unmount();
    queryClient.clear();
    signInAs('operator');
    renderWithProviders(<CreateProjectButton projects={await listProjects()} onCreated={vi.fn()} />, {
      queryClient,
    });
    expect(screen.getByRole('button', { name: 'New project' })).not.toHaveAttribute('aria-disabled');
  });
});
