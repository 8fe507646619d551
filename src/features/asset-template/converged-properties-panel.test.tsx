import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { ConvergedPropertiesPanel } from './converged-properties-panel';

setUpEmulator();

const SOA_PROD = '/projects/bank/environments/prod/assets/soa_prod';

describe('ConvergedPropertiesPanel', () => {
  it('shows the merged properties, where later layers win', async () => {
    signInAs('viewer');
    renderWithProviders(<ConvergedPropertiesPanel assetPath={SOA_PROD} />);

    const merged = await screen.findByRole('region', { name: 'Converged properties' });
    // Project, environment and asset layers all contribute; the environment's later version wins.
    expect(merged).toHaveTextContent('"owner": "platform-team"');
    expect(merged).toHaveTextContent('"tier": "prod"');
    expect(merged).toHaveTextContent('"managed_servers": 4');
    expect(merged).toHaveTextContent('"admin_port": 7001');
  });

  it('lists each layer, lowest precedence first, and shows a layer on its own when opened', async () => {
    signInAs('viewer');
    const { user } = renderWithProviders(<ConvergedPropertiesPanel assetPath={SOA_PROD} />);

    await screen.findByRole('region', { name: 'Converged properties' });
    const layers = screen
      .getAllByRole('button')
      .map((button) => button.textContent.trim())
      .filter((text) => /^(Repository file|Properties of)/.test(text));
    expect(layers).toEqual([
      expect.stringMatching(/^Repository file/),
      'Properties of /projects/bank (version 3)',
      'Properties of /projects/bank/environments/prod (version 2)',
      `Properties of ${SOA_PROD} (version 1)`,
    ]);

    await user.click(screen.getByRole('button', { name: 'Properties of /projects/bank (version 3)' }));
    // The accordion panel is a region named by its control; the JSON inside it carries the same name.
    const [panel] = await screen.findAllByRole('region', {
      name: 'Properties of /projects/bank (version 3)',
    });
    const layer = within(panel ?? document.body).getByRole('region', {
      name: 'Properties of /projects/bank (version 3)',
    });
    expect(layer).toHaveTextContent('"alert_channels"');
    expect(layer).not.toHaveTextContent('"tier"');
  });

  it('names the layer behind each key and the layers it replaced', async () => {
    signInAs('viewer');
    renderWithProviders(<ConvergedPropertiesPanel assetPath={SOA_PROD} />);

    const table = await screen.findByRole('table', { name: 'Where each key comes from' });
    const rowOf = (key: string) => within(table).getByRole('row', { name: new RegExp(`^${key} `) });
    expect(rowOf('tier')).toHaveTextContent('Environment /projects/bank/environments/prod');
    expect(rowOf('soa\\.admin_port')).toHaveTextContent(`Asset ${SOA_PROD}`);
    expect(rowOf('owner')).toHaveTextContent('Project /projects/bank');
  });

  it('says plainly when the asset cannot be found, with a retry', async () => {
    signInAs('viewer');
    renderWithProviders(
      <ConvergedPropertiesPanel assetPath="/projects/bank/environments/prod/assets/no_such_asset" />,
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The converged properties could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
