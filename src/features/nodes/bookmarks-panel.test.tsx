import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { credentialsStore } from '@/api/credentials';
import { getEnvironment } from '@/api/environments';
import { getProject } from '@/api/projects';
import { emulatorFetch, setUpEmulator, signInAs, unreachableFetch } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { BookmarksPanel } from './bookmarks-panel';

const emulator = setUpEmulator();

async function renderEnvironmentPanel(environmentCode: string, user = 'opschain') {
  credentialsStore.set({ username: user, password: user });
  const environment = await getEnvironment('bank', environmentCode);
  return renderWithProviders(<BookmarksPanel node={environment} />);
}

describe('BookmarksPanel', () => {
  it('lists bookmarks as links that open in a new tab, with their URL and author', async () => {
    signInAs('viewer');
    const project = await getProject('bank');
    renderWithProviders(<BookmarksPanel node={project} />);

    const table = await screen.findByRole('table', { name: 'Bookmarks' });
    const link = within(table).getByRole('link', { name: /Platform runbooks/ });
    expect(link).toHaveAttribute('href', 'https://wiki.bank.example.com/platform/runbooks');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(within(table).getByRole('row', { name: /Platform runbooks/ })).toHaveTextContent('opschain');
  });

  it('explains a failed load and lists the bookmarks after Retry', async () => {
    signInAs('viewer');
    const project = await getProject('bank');
    vi.stubGlobal('fetch', unreachableFetch());
    const { user } = renderWithProviders(<BookmarksPanel node={project} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The bookmarks could not be loaded');
    expect(alert).toHaveTextContent('The OpsChain server could not be reached');

    vi.stubGlobal('fetch', emulatorFetch(emulator().app));
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    const table = await screen.findByRole('table', { name: 'Bookmarks' });
    expect(within(table).getByRole('link', { name: /Platform runbooks/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('disables adding, editing and deleting for the viewer, saying why', async () => {
    await renderEnvironmentPanel('dev', 'viewer');

    const row = await screen.findByRole('row', { name: /Development dashboards/ });
    expect(screen.getByRole('button', { name: 'Add bookmark' })).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/environments/dev to add bookmarks',
    );
    for (const name of ['Edit bookmark Development dashboards', 'Delete bookmark Development dashboards']) {
      const button = within(row).getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(
        'You need update permission on /projects/bank/environments/dev to change its bookmarks',
      );
    }
  });

  it('adds a bookmark, showing its description as text, and refuses a URL that is not a web address', async () => {
    const { user } = await renderEnvironmentPanel('test');
    await screen.findByRole('table', { name: 'Bookmarks' });

    await user.click(screen.getByRole('button', { name: 'Add bookmark' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add bookmark' });
    await user.click(within(dialog).getByRole('textbox', { name: /^Description/ }));
    await user.paste('<b>Logs</b> & traces');
    await user.click(within(dialog).getByRole('textbox', { name: /^URL/ }));
    await user.paste('javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: 'Add bookmark' }));
    expect(within(dialog).getByRole('textbox', { name: /^URL/ })).toHaveAccessibleDescription(
      expect.stringContaining('Enter a full http:// or https:// address.'),
    );

    await user.clear(within(dialog).getByRole('textbox', { name: /^URL/ }));
    await user.paste('https://logs.example.com/test');
    await user.click(within(dialog).getByRole('button', { name: 'Add bookmark' }));

    const table = screen.getByRole('table', { name: 'Bookmarks' });
    const link = await within(table).findByRole('link', { name: /<b>Logs<\/b> & traces/ });
    expect(link).toHaveAttribute('href', 'https://logs.example.com/test');
    expect(table.querySelector('b')).toBeNull();
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: 'Add bookmark' })).toBeNull();
    });
  });

  it('does not show a token pasted into a bookmark address, while the link still uses it', async () => {
    const { user } = await renderEnvironmentPanel('test');
    await screen.findByRole('table', { name: 'Bookmarks' });

    await user.click(screen.getByRole('button', { name: 'Add bookmark' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add bookmark' });
    await user.click(within(dialog).getByRole('textbox', { name: /^Description/ }));
    await user.paste('Private board');
    await user.click(within(dialog).getByRole('textbox', { name: /^URL/ }));
    await user.paste('https://deploy:s3cr3t-token@boards.example.com/team');
    await user.click(within(dialog).getByRole('button', { name: 'Add bookmark' }));

    const table = screen.getByRole('table', { name: 'Bookmarks' });
    const link = await within(table).findByRole('link', { name: /Private board/ });
    expect(link).toHaveAttribute('href', 'https://deploy:s3cr3t-token@boards.example.com/team');
    const row = within(table).getByRole('row', { name: /Private board/ });
    expect(row).toHaveTextContent('https://***@boards.example.com/team');
    expect(row).not.toHaveTextContent('s3cr3t-token');

    await user.click(within(row).getByRole('button', { name: 'Delete bookmark Private board' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete bookmark?' });
    expect(confirm).toHaveTextContent('https://***@boards.example.com/team');
    expect(confirm).not.toHaveTextContent('s3cr3t-token');
  });

  it('edits a bookmark, starting from its current values', async () => {
    const { user } = await renderEnvironmentPanel('prod');

    const row = await screen.findByRole('row', { name: /Production dashboards/ });
    await user.click(within(row).getByRole('button', { name: 'Edit bookmark Production dashboards' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit bookmark' });
    const description = within(dialog).getByRole('textbox', { name: /^Description/ });
    expect(description).toHaveValue('Production dashboards');
    expect(within(dialog).getByRole('textbox', { name: /^URL/ })).toHaveValue(
      'https://grafana.bank.example.com/d/prod',
    );
    await user.clear(description);
    await user.paste('Production SLO dashboards');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('link', { name: /Production SLO dashboards/ })).toHaveAttribute(
      'href',
      'https://grafana.bank.example.com/d/prod',
    );
    expect(screen.queryByRole('link', { name: /^Production dashboards/ })).toBeNull();
  });

  it('deletes a bookmark after confirmation, and says when none are left', async () => {
    const { user } = await renderEnvironmentPanel('dev');

    const row = await screen.findByRole('row', { name: /Development dashboards/ });
    await user.click(within(row).getByRole('button', { name: 'Delete bookmark Development dashboards' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete bookmark?' });
    expect(dialog).toHaveTextContent('https://grafana.bank.example.com/d/dev');
    await user.click(within(dialog).getByRole('button', { name: 'Delete bookmark' }));

    expect(await screen.findByText('No bookmarks yet')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Bookmarks' })).toBeNull();
  });

  it('after the server refuses a bookmark change with a 403, disables adding, editing and deleting with the server’s reason', async () => {
    signInAs('operator');
    const project = await getProject('bank');
    const { user } = renderWithProviders(<BookmarksPanel node={project} />);
    const row = await screen.findByRole('row', { name: /Platform runbooks/ });
    // The page was read with the operator's permissions; they are withdrawn before the change.
    signInAs('viewer');

    const edit = within(row).getByRole('button', { name: 'Edit bookmark Platform runbooks' });
    await user.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Edit bookmark' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Description/ }), ' (old)');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const reason = 'You are not permitted to change the bookmarks of /projects/bank';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    expect(await screen.findByText('Bookmark not saved')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    // One permission covers all three, so none is left to be refused again.
    const add = screen.getByRole('button', { name: 'Add bookmark' });
    const remove = within(row).getByRole('button', { name: 'Delete bookmark Platform runbooks' });
    for (const button of [edit, add, remove]) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    }
    await user.click(add);
    expect(screen.queryByRole('dialog', { name: 'Add bookmark' })).toBeNull();
  });
});
