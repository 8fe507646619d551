import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { CreateProjectForm } from './create-project-form';

setUpEmulator();

function renderForm() {
  const onCreated = vi.fn();
  const view = renderWithProviders(
    <CreateProjectForm
      onCreated={onCreated}
      onCancel={vi.fn()}
      // Where a refusal would be remembered (see create-project-button.test).
      deniable={{ resource: '/projects/bank', action: 'create-project' }}
    />,
  );
  return { ...view, onCreated };
}

describe('CreateProjectForm', () => {
  it("puts the server's 422 errors on the fields their source.pointer names, keeping the input", async () => {
    signInAs('opschain');
    const { user, onCreated } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'bank');
    await user.click(screen.getByRole('textbox', { name: /^Name/ }));
    await user.paste('Core Banking Platform');
    await user.click(screen.getByRole('radio', { name: /^Standard/ }));
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    const code = screen.getByRole('textbox', { name: /^Code/ });
    await waitFor(() => {
      expect(code).toHaveAccessibleDescription(expect.stringContaining('Code has already been taken'));
    });
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription(
      expect.stringContaining('Name has already been taken'),
    );
    expect(code).toHaveValue('bank');
    expect(screen.getByRole('radio', { name: /^Standard/ })).toBeChecked();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('creates a project of the chosen type', async () => {
    signInAs('opschain');
    const { user, onCreated } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'ops');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Ops');
    await user.click(screen.getByRole('radio', { name: /^Standard/ }));
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    await waitFor(() => {
      expect(onCreated).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'ops', name: 'Ops', project_type: 'Standard' }),
      );
    });
  });
});
