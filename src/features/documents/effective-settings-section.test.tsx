import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getAsset } from '@/api/assets';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { EffectiveSettingsSection } from './effective-settings-section';

setUpEmulator();

function rowOf(table: HTMLElement, label: string): HTMLElement {
  return within(table).getByRole('row', { name: new RegExp(`^${label}`) });
}

describe('EffectiveSettingsSection', () => {
  it("shows an asset's settings in force with the parent each comes from", async () => {
    signInAs('viewer');
    const asset = await getAsset({ projectCode: 'bank', environmentCode: 'prod' }, 'soa_prod');
    renderWithProviders(<EffectiveSettingsSection node={asset} />);

    const table = await screen.findByRole('table', { name: 'Effective settings' });
    expect(rowOf(table, 'Requires approval from')).toHaveTextContent(
      /approvers.*Inherited from environment /,
    );
    expect(rowOf(table, 'Allow parallel changes')).toHaveTextContent(/No.*Inherited from project /);
    expect(rowOf(table, 'Event retention')).toHaveTextContent('Not setNot set anywhere');
  });

  it('says "Set here" for what the project sets and "OpsChain default" for the rest', async () => {
    signInAs('viewer');
    const project = await getProject('bank');
    renderWithProviders(<EffectiveSettingsSection node={project} />);

    const table = await screen.findByRole('table', { name: 'Effective settings' });
    expect(rowOf(table, 'Allow parallel changes')).toHaveTextContent(/NoSet here/);
    expect(rowOf(table, 'Allow parallel runs')).toHaveTextContent(/NoOpsChain default/);
  });
});
