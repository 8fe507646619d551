import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { CreateAssetForm } from './create-asset-form';

const emulator = setUpEmulator();

const owner = { projectCode: 'bank', environmentCode: 'dev' };
// Where a refusal would be remembered (the owner's authorisations on the page; see create-asset-button.test).
const deniable = { resource: '/projects/bank', action: 'create-asset' };

async function fillForm(user: ReturnType<typeof renderWithProviders>['user'], code: string, version: RegExp) {
  await user.type(screen.getByRole('textbox', { name: /^Code/ }), code);
  await user.type(screen.getByRole('textbox', { name: /^Name/ }), `Asset ${code}`);
  const template = screen.getByRole('combobox', { name: 'Template' });
  await waitFor(() => {
    expect(template).toHaveAttribute('placeholder', 'Choose a template');
  });
  await user.click(template);
  await user.click(await screen.findByRole('option', { name: 'PostgreSQL cluster (postgres)' }));
  await user.click(screen.getByRole('combobox', { name: 'Template version' }));
  await user.click(await screen.findByRole('option', { name: version }));
}

describe('CreateAssetForm', () => {
  it('offers the project templates and their versions, and creates the asset on the chosen version', async () => {
    signInAs('opschain');
    const onCreated = vi.fn();
    const { user } = renderWithProviders(
      <CreateAssetForm owner={owner} onCreated={onCreated} onCancel={vi.fn()} deniable={deniable} />,
    );

    await fillForm(user, 'reports_db', /^16_2/);
    await user.click(screen.getByRole('button', { name: 'Create asset' }));

    await waitFor(() => {
      expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ code: 'reports_db' }));
    });
  });

  it('shows a version the server refuses on the version field', async () => {
    signInAs('opschain');
    const onCreated = vi.fn();
    const { user } = renderWithProviders(
      <CreateAssetForm owner={owner} onCreated={onCreated} onCancel={vi.fn()} deniable={deniable} />,
    );
    await fillForm(user, 'audit_db', /^15_6/);
    // Someone archives the chosen version while the dialog is open.
    const archived = await emulator().app.inject({
      method: 'PUT',
      url: '/api/projects/bank/templates/postgres/versions/15_6',
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({
        data: { attributes: { description: 'PostgreSQL 15.6', git_rev: 'pg-15.6', archived: true } },
      }),
    });
    expect(archived.statusCode).toBe(200);

    await user.click(screen.getByRole('button', { name: 'Create asset' }));

    await waitFor(() => {
      expect(screen.getByRole('combobox', { name: 'Template version' })).toHaveAccessibleDescription(
        expect.stringContaining('Template version "15_6" is archived'),
      );
    });
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('asks for a template and a version before sending anything', async () => {
    signInAs('opschain');
    const { user } = renderWithProviders(
      <CreateAssetForm owner={owner} onCreated={vi.fn()} onCancel={vi.fn()} deniable={deniable} />,
    );

    await user.click(screen.getByRole('button', { name: 'Create asset' }));

    expect(screen.getByRole('combobox', { name: 'Template' })).toHaveAccessibleDescription(
      expect.stringContaining('Choose the template the asset is built from.'),
    );
    expect(screen.getByRole('combobox', { name: 'Template version' })).toHaveAccessibleDescription(
      expect.stringContaining('Choose a version of the template.'),
    );
  });
});
