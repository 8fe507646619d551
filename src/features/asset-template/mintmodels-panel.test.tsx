import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { listMintmodels } from '@/api/mintmodels';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { MintmodelsPanel } from './mintmodels-panel';

setUpEmulator();

// The demo's history ran one change (noisy) on this asset, which stored one MintModel (seeds/demo-history.ts).
const CART_DEV = '/projects/retail/environments/dev/assets/cart_dev';

/** The page keeps the open MintModel in the URL; here a state stands in for it. */
function PanelWithSelection({ assetPath, isValid = true }: { assetPath: string; isValid?: boolean }) {
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  return (
    <MintmodelsPanel
      assetPath={assetPath}
      isValid={isValid}
      selectedId={selectedId}
      onSelect={setSelectedId}
    />
  );
}

describe('MintmodelsPanel', () => {
  it('lists the stored MintModels with their hash and history count', async () => {
    signInAs('viewer');
    const stored = (await listMintmodels(CART_DEV)).items;
    expect(stored).toHaveLength(1);
    renderWithProviders(<PanelWithSelection assetPath={CART_DEV} />);

    const table = await screen.findByRole('table', { name: 'MintModels' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(stored[0]?.sha256.slice(0, 16) ?? 'missing');
    expect(rows[0]).toHaveTextContent('1 history record');
  });

  it('opens a stored MintModel and shows its JSON as text', async () => {
    signInAs('viewer');
    const { user } = renderWithProviders(<PanelWithSelection assetPath={CART_DEV} />);

    const table = await screen.findByRole('table', { name: 'MintModels' });
    await user.click(within(table).getByRole('button', { name: /^View the MintModel rendered/ }));

    const dialog = await screen.findByRole('dialog', { name: 'MintModel' });
    const json = await within(dialog).findByRole('region', { name: 'MintModel' });
    expect(json).toHaveTextContent('"code": "web_app"');
    expect(json).toHaveTextContent('"name": "cart"');
  });

  it('renders the MintModel now on request, from the current properties, without storing it', async () => {
    signInAs('viewer');
    const { user } = renderWithProviders(<PanelWithSelection assetPath={CART_DEV} />);

    await screen.findByRole('table', { name: 'MintModels' });
    await user.click(screen.getByRole('button', { name: 'Generate now' }));

    const dialog = await screen.findByRole('dialog', { name: 'MintModel rendered now' });
    const json = await within(dialog).findByRole('region', { name: 'Generated MintModel' });
    expect(json).toHaveTextContent('"replicas": 2');
    expect(json).toHaveTextContent('"version": "1_5"');
    expect((await listMintmodels(CART_DEV)).items).toHaveLength(1);
  });

  it('says when the asset has no MintModels yet, and warns when its MintModel does not render', async () => {
    signInAs('viewer');
    renderWithProviders(
      <PanelWithSelection
        assetPath="/projects/bank/environments/test/assets/ledger_db_test"
        isValid={false}
      />,
    );

    expect(await screen.findByText('No MintModels yet')).toBeInTheDocument();
    expect(screen.getByText('The MintModel does not render')).toBeInTheDocument();
  });

  it('tells the page which MintModel to show', async () => {
    signInAs('viewer');
    const [stored] = (await listMintmodels(CART_DEV)).items;
    const onSelect = vi.fn();
    const { user } = renderWithProviders(
      <MintmodelsPanel assetPath={CART_DEV} isValid selectedId={undefined} onSelect={onSelect} />,
    );

    await user.click(await screen.findByRole('button', { name: /^View the MintModel rendered/ }));
    expect(onSelect).toHaveBeenCalledWith(stored?.id);
  });
});
