import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { GitRemotesPanel } from './git-remotes-panel';

const emulator = setUpEmulator();

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
    signInAs('viewer');
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
    const created = await emulator().app.inject({
      method: 'POST',
      url: '/api/projects/website/git_remotes',
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({
        data: {
          attributes: {
            name: 'mirror',
            url: 'https://ghp_s3cretT0ken@git.example.com/site.git',
            user: null,
            password: null,
            ssh_key_data: null,
          },
        },
      }),
    });
    expect(created.statusCode).toBe(201);
    signInAs('viewer');
    await renderPanel('website');

    const table = await screen.findByRole('table', { name: 'Git remotes' });
    expect(within(table).getByRole('row', { name: /mirror/ })).toHaveTextContent(
      'https://***@git.example.com/site.git',
    );
    expect(table).not.toHaveTextContent('s3cretT0ken');
  });

  it('puts a taken name on the name field when adding a remote', async () => {
    signInAs('operator');
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
    signInAs('operator');
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

  it('after the server refuses to archive a remote with a 403, disables every change of remotes with the server’s reason', async () => {
    signInAs('operator');
    const { user } = await renderPanel('bank');
    const row = within(await screen.findByRole('table', { name: 'Git remotes' })).getByRole('row', {
      name: /origin/,
    });
    // The project was read with the operator's permissions; they are withdrawn before archiving.
    signInAs('viewer');

    const archive = within(row).getByRole('button', { name: 'Archive origin' });
    await user.click(archive);

    const reason = 'You are not permitted to manage the Git remotes of /projects/bank';
    expect(await screen.findByText('origin was not archived')).toBeInTheDocument();
    await waitFor(() => {
      expect(archive).toHaveAttribute('aria-disabled', 'true');
    });
    // One permission covers them all, so none is left to be refused again.
    for (const button of [
      archive,
      within(row).getByRole('button', { name: 'Replace credentials of origin' }),
      within(row).getByRole('button', { name: 'Delete origin' }),
      screen.getByRole('button', { name: 'Add Git remote' }),
    ]) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    }
    await user.click(screen.getByRole('button', { name: 'Add Git remote' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('after the server refuses to replace credentials with a 403, says so in the dialog and disables the button', async () => {
    signInAs('operator');
    const { user } = await renderPanel('retail');
    const row = within(await screen.findByRole('table', { name: 'Git remotes' })).getByRole('row', {
      name: /origin/,
    });
    signInAs('viewer');

    const credentials = within(row).getByRole('button', { name: 'Replace credentials of origin' });
    await user.click(credentials);
    const dialog = await screen.findByRole('dialog', { name: 'Replace credentials' });
    await user.type(within(dialog).getByRole('textbox', { name: /^User/ }), 'deploy');
    await user.type(within(dialog).getByLabelText(/^Password/), 'n3w-secret');
    await user.click(within(dialog).getByRole('button', { name: 'Replace credentials' }));

    const reason = 'You are not permitted to manage the Git remotes of /projects/retail';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(credentials).toHaveAttribute('aria-disabled', 'true');
    expect(credentials).toHaveAccessibleDescription(reason);
  });
});
