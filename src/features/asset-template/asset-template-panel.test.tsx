import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getAsset } from '@/api/assets';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { AssetTemplatePanel } from './asset-template-panel';

setUpEmulator();

const owner = { projectCode: 'bank', environmentCode: 'prod' };

describe('AssetTemplatePanel', () => {
  it('keeps "Assign another version" disabled while the project permissions are unknown', async () => {
    signInAs('opschain');
    const asset = await getAsset(owner, 'soa_prod');
    renderWithProviders(<AssetTemplatePanel asset={asset} projectAuthorisations={undefined} />);

    await screen.findByText('Oracle SOA Suite');
    const button = screen.getByRole('button', { name: 'Assign another version' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Checking your permissions on the project…');
  });

  it('enables it once the project permissions allow it and the template has loaded', async () => {
    signInAs('opschain');
    const [asset, project] = await Promise.all([getAsset(owner, 'soa_prod'), getProject('bank')]);
    renderWithProviders(
      <AssetTemplatePanel asset={asset} projectAuthorisations={project.meta.authorisations} />,
    );

    const button = screen.getByRole('button', { name: 'Assign another version' });
    await waitFor(() => {
      expect(button).toBeEnabled();
    });
    expect(button).not.toHaveAttribute('aria-disabled');
  });

  it('lists the versions the asset has used in a table, the current one marked', async () => {
    signInAs('viewer');
    const asset = await getAsset(owner, 'soa_prod');
    renderWithProviders(<AssetTemplatePanel asset={asset} projectAuthorisations={undefined} />);

    const table = await screen.findByRole('table', { name: 'Template version history' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Version', 'From', 'Until']);
    expect(within(table).getByRole('row', { name: /2025_Q1_1/ })).toHaveTextContent('Current');
    expect(within(table).getByRole('row', { name: /2024_Q4_1/ })).not.toHaveTextContent('Current');
  });

  it('says why the viewer may not assign a version', async () => {
    signInAs('viewer');
    const [asset, project] = await Promise.all([getAsset(owner, 'soa_prod'), getProject('bank')]);
    renderWithProviders(
      <AssetTemplatePanel asset={asset} projectAuthorisations={project.meta.authorisations} />,
    );

    expect(screen.getByRole('button', { name: 'Assign another version' })).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/environments/prod/assets/soa_prod to move it to another version',
    );
  });

  it('after the server refuses to assign a version with a 403, disables the button with the server’s reason', async () => {
    signInAs('operator');
    const [asset, project] = await Promise.all([getAsset(owner, 'soa_prod'), getProject('bank')]);
    const { user } = renderWithProviders(
      <AssetTemplatePanel asset={asset} projectAuthorisations={project.meta.authorisations} />,
    );
    const button = screen.getByRole('button', { name: 'Assign another version' });
    await waitFor(() => {
      expect(button).toBeEnabled();
    });
    // The asset and project were read with the operator's permissions; they are withdrawn before assigning.
    signInAs('viewer');

    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Assign another template version' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Version' }));
    await user.click(await screen.findByRole('option', { name: /^2024_Q4_1/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Assign version' }));

    const reason = 'You are not permitted to manage the templates of /projects/bank';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(reason);
    await user.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
