import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { CreateEnvironmentForm } from './create-environment-form';

const emulator = setUpEmulator();

function renderForm(projectCode = 'bank') {
  const onCreated = vi.fn();
  const view = renderWithProviders(
    <CreateEnvironmentForm
      projectCode={projectCode}
      onCreated={onCreated}
      onCancel={vi.fn()}
      // Where a refusal would be remembered (see create-environment-button.test).
      deniable={{ resource: '/projects/bank', action: 'create-environment' }}
    />,
  );
  return { ...view, onCreated };
}

describe('CreateEnvironmentForm', () => {
  it("puts the server's 422 errors on the fields their source.pointer names", async () => {
    signInAs('opschain');
    const { user, onCreated } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'prod');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Production');
    await user.click(screen.getByRole('button', { name: 'Create environment' }));

    const code = screen.getByRole('textbox', { name: /^Code/ });
    await waitFor(() => {
      expect(code).toHaveAccessibleDescription(expect.stringContaining('Code has already been taken'));
    });
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription(
      expect.stringContaining('Name has already been taken'),
    );
    expect(code).toHaveValue('prod');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('shows record-level errors (pointer /data/attributes/base) above the fields', async () => {
    signInAs('opschain');
    const archive = await emulator().app.inject({
      method: 'PATCH',
      url: '/api/projects/website',
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({ data: { attributes: { archived: true } } }),
    });
    expect(archive.statusCode).toBe(200);
    const { user } = renderForm('website');

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'staging');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Staging');
    await user.click(screen.getByRole('button', { name: 'Create environment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot create a environment in an archived project',
    );
  });

  it('checks code and name before asking the server', async () => {
    signInAs('opschain');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { user } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'eu$');
    await user.click(screen.getByRole('button', { name: 'Create environment' }));

    expect(screen.getByRole('textbox', { name: /^Code/ })).toHaveAccessibleDescription(
      expect.stringContaining('Use only lowercase letters, digits and underscores.'),
    );
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription(
      expect.stringContaining('Enter a name.'),
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('turns what people type into a code and creates the environment', async () => {
    signInAs('opschain');
    const { user, onCreated } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'Perf Test');
    expect(screen.getByRole('textbox', { name: /^Code/ })).toHaveValue('perf_test');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Performance test');
    await user.click(screen.getByRole('button', { name: 'Create environment' }));

    await waitFor(() => {
      expect(onCreated).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'perf_test', name: 'Performance test' }),
      );
    });
  });

  it('explains a permission denial and keeps what was typed', async () => {
    signInAs('viewer');
    const { user, onCreated } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'sandbox');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Sandbox');
    await user.click(screen.getByRole('button', { name: 'Create environment' }));

    const alerts = await screen.findAllByText(/You do not have permission for this/);
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(screen.getByRole('textbox', { name: /^Code/ })).toHaveValue('sandbox');
    expect(onCreated).not.toHaveBeenCalled();
  });
});
