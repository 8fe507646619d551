import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getAsset } from '@/api/assets';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { NodeSettingsForm } from './node-settings-form';

setUpEmulator();

describe('NodeSettingsForm', () => {
  it("shows what the asset inherits and offers the server's users and groups as approvers", async () => {
    signInAs('opschain');
    const asset = await getAsset({ projectCode: 'bank', environmentCode: 'prod' }, 'soa_prod');
    const { user } = renderWithProviders(<NodeSettingsForm node={asset} value={{}} onChange={vi.fn()} />);

    expect(await screen.findByText(/^In force: approvers · Inherited from environment /)).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Requires approval from' }));
    expect(await screen.findByRole('option', { name: 'operator' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'approvers' })).toBeInTheDocument();
  });
});
