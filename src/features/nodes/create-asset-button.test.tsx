import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getEnvironment } from '@/api/environments';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { CreateAssetButton } from './create-asset-button';

setUpEmulator();

const owner = { projectCode: 'bank', environmentCode: 'dev' };

describe('CreateAssetButton', () => {
  it('after the server refuses with a 403, disables New asset with the server’s reason', async () => {
    signInAs('operator');
    const environment = await getEnvironment('bank', 'dev');
    const { user } = renderWithProviders(
      <CreateAssetButton
        owner={owner}
        authorisations={environment.meta.authorisations}
        onCreated={vi.fn()}
      />,
    );
    // The environment was read with the operator's permissions; they are withdrawn before creating.
    signInAs('viewer');

    const button = screen.getByRole('button', { name: 'New asset' });
    expect(button).not.toHaveAttribute('aria-disabled');
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'New asset' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Code/ }), 'reports_db');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Reports database');
    const template = within(dialog).getByRole('combobox', { name: 'Template' });
    await waitFor(() => {
      expect(template).toHaveAttribute('placeholder', 'Choose a template');
    });
    await user.click(template);
    await user.click(await screen.findByRole('option', { name: 'PostgreSQL cluster (postgres)' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Template version' }));
    await user.click(await screen.findByRole('option', { name: /^16_2/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create asset' }));

    const reason = 'You are not permitted to create assets in /projects/bank/environments/dev';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(reason);
  });
});
