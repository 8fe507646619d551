import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { credentialsStore } from '@/api/credentials';
import { getProject } from '@/api/projects';
import { startEmulator, type TestEmulator } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { GitRemotesPanel } from './git-remotes-panel';

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

async function renderPanel(projectCode: string) {
  const project = await getProject(projectCode);
  return renderWithProviders(
    <GitRemotesPanel
      projectCode={projectCode}
      authorisations={project.meta.authorisations}
      search={{}}
      onSearchChange={vi.fn()}
    />,
  );
}

describe('GitRemotesPanel', () => {
  it('lists remotes without their credentials and disables every change for the viewer, saying why', async () => {
    credentialsStore.set({ username: 'viewer', password: 'viewer' });
    await renderPanel('bank');

    const table = await screen.findByRole('table', { name: 'Git remotes' });
    const row = within(table).getByRole('row', { name: /origin/ });
    expect(row).toHaveTextContent('User and password');
    expect(table).not.toHaveTextContent('hidden');
    expect(screen.getByRole('button', { name: 'Add Git remote' })).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/git_remotes to add Git remotes',
    );
    for (const name of ['Replace credentials of origin', 'Archive origin', 'Delete origin']) {
      const button = within(row).getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(
        'You need update permission on /projects/bank/git_remotes to change Git remotes',
      );
    }
  });

  it('never shows a token kept in a remote URL', async () => {
    const created = await emulator.app.inject({
      method: 'POST',
      url: '/api/projects/website/git_remotes',
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({
        data: { attributes: { name: 'mirror', url: 'https://ghp_s3cretT0ken@git.example.com/site.git' } },
      }),
    });
    expect(created.statusCode).toBe(201);
    credentialsStore.set({ username: 'viewer', password: 'viewer' });
    await renderPanel('website');

    const table = await screen.findByRole('table', { name: 'Git remotes' });
    expect(within(table).getByRole('row', { name: /mirror/ })).toHaveTextContent(
      'https://***@git.example.com/site.git',
    );
    expect(table).not.toHaveTextContent('s3cretT0ken');
  });

  it('puts a taken name on the name field when adding a remote', async () => {
    credentialsStore.set({ username: 'operator', password: 'operator' });
    const { user } = await renderPanel('retail');

    await user.click(await screen.findByRole('button', { name: 'Add Git remote' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'origin');
    await user.type(
      within(dialog).getByRole('textbox', { name: /^Repository URL/ }),
      'https://git.example.com/x.git',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Add Git remote' }));

    await waitFor(() => {
      expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription(
        expect.stringContaining('Name has already been taken'),
      );
    });
  });

  it('asks for both user and password when signing in with a password', async () => {
    credentialsStore.set({ username: 'operator', password: 'operator' });
    const { user } = await renderPanel('retail');

    await user.click(await screen.findByRole('button', { name: 'Add Git remote' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'private');
    await user.type(
      within(dialog).getByRole('textbox', { name: /^Repository URL/ }),
      'https://git.example.com/p.git',
    );
    await user.click(within(dialog).getByRole('radio', { name: 'User and password' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add Git remote' }));

    expect(within(dialog).getByRole('textbox', { name: /^User/ })).toHaveAccessibleDescription(
      expect.stringContaining('Enter the user OpsChain signs in as.'),
    );
  });
});
