import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getAsset } from '@/api/assets';
import { credentialsStore } from '@/api/credentials';
import { getProject } from '@/api/projects';
import { startEmulator, type TestEmulator } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { AssetTemplatePanel } from './asset-template-panel';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  credentialsStore.clear();
});

const owner = { projectCode: 'bank', environmentCode: 'prod' };

describe('AssetTemplatePanel', () => {
  it('keeps "Assign another version" disabled while the project permissions are unknown', async () => {
    credentialsStore.set({ username: 'opschain', password: 'opschain' });
    const asset = await getAsset(owner, 'soa_prod');
    renderWithProviders(<AssetTemplatePanel asset={asset} projectAuthorisations={undefined} />);

    await screen.findByText('Oracle SOA Suite');
    const button = screen.getByRole('button', { name: 'Assign another version' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Checking your permissions on the project…');
  });

  it('enables it once the project permissions allow it and the template has loaded', async () => {
    credentialsStore.set({ username: 'opschain', password: 'opschain' });
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

  it('says why the viewer may not assign a version', async () => {
    credentialsStore.set({ username: 'viewer', password: 'viewer' });
    const [asset, project] = await Promise.all([getAsset(owner, 'soa_prod'), getProject('bank')]);
    renderWithProviders(
      <AssetTemplatePanel asset={asset} projectAuthorisations={project.meta.authorisations} />,
    );

    expect(screen.getByRole('button', { name: 'Assign another version' })).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/environments/prod/assets/soa_prod to move it to another version',
    );
  });
});
