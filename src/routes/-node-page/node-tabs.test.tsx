import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { NodeTabs } from './node-tabs';

setUpEmulator();

describe('NodeTabs', () => {
  it('offers a Standard project only the tabs its meta flags allow and falls back to the overview for others', async () => {
    signInAs('viewer');
    const website = await getProject('website');
    const onTabChange = vi.fn();
    const { user } = renderWithProviders(
      <NodeTabs
        node={website}
        search={{ tab: 'templates' }}
        onSearchChange={vi.fn()}
        onTabChange={onTabChange}
        onOpenNode={vi.fn()}
      />,
    );

    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Overview',
      'Environments',
      'Properties',
      'Settings',
      'Git remotes',
    ]);
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('heading', { name: 'Bookmarks' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(onTabChange).toHaveBeenCalledWith('settings');
  });

  it("shows the tab the URL names, here an Enterprise project's settings", async () => {
    signInAs('viewer');
    const bank = await getProject('bank');
    renderWithProviders(
      <NodeTabs
        node={bank}
        search={{ tab: 'settings' }}
        onSearchChange={vi.fn()}
        onTabChange={vi.fn()}
        onOpenNode={vi.fn()}
      />,
    );

    expect(screen.getByRole('tab', { name: 'Templates' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('region', { name: 'Settings version 1' })).toHaveTextContent(
      '"allow_parallel_changes": false',
    );
  });
});
