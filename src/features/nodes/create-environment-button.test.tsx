import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { CreateEnvironmentButton } from './create-environment-button';

setUpEmulator();

describe('CreateEnvironmentButton', () => {
  it('says why the viewer may not create environments', async () => {
    signInAs('viewer');
    const project = await getProject('bank');
    renderWithProviders(
      <CreateEnvironmentButton
        projectCode="bank"
        authorisations={project.meta.authorisations}
        onCreated={vi.fn()}
      />,
    );

    const button = screen.getByRole('button', { name: 'New environment' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/environments to create environments',
    );
  });

  it('after the server refuses with a 403, disables New environment with the server’s reason', async () => {
    signInAs('operator');
    const project = await getProject('bank');
    const onCreated = vi.fn();
    const { user } = renderWithProviders(
      <CreateEnvironmentButton
        projectCode="bank"
        authorisations={project.meta.authorisations}
        onCreated={onCreated}
      />,
    );
    // The project was read with the operator's permissions; they are withdrawn before creating.
    signInAs('viewer');

    const button = screen.getByRole('button', { name: 'New environment' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'New environment' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Code/ }), 'sandbox');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Sandbox');
    await user.click(within(dialog).getByRole('button', { name: 'Create environment' }));

    const reason = 'You are not permitted to create environments in /projects/bank';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => {
      expect(button).toHaveFocus();
    });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(reason);
    await user.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();
  });
});
