import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { credentialsStore } from '@/api/credentials';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { TemplatesPanel } from './templates-panel';

setUpEmulator();

/** The bank project's templates with the versions of PostgreSQL cluster shown, read as `username`. */
async function renderPanel(username: string) {
  credentialsStore.set({ username, password: username });
  const project = await getProject('bank');
  const view = renderWithProviders(
    <TemplatesPanel
      projectCode="bank"
      authorisations={project.meta.authorisations}
      search={{}}
      selectedCode="postgres"
      onSearchChange={vi.fn()}
      onSelect={vi.fn()}
    />,
  );
  await screen.findByRole('table', { name: 'Template versions' });
  return view;
}

/** Every button that changes templates or their versions. */
function changeButtons() {
  const templates = screen.getByRole('table', { name: 'Templates' });
  const versions = screen.getByRole('table', { name: 'Template versions' });
  return [
    screen.getByRole('button', { name: 'New template' }),
    within(templates).getByRole('button', { name: 'Archive template PostgreSQL cluster' }),
    screen.getByRole('button', { name: 'New version' }),
    within(versions).getByRole('button', { name: 'Edit version 16_2' }),
    within(versions).getByRole('button', { name: 'Archive version 16_2' }),
  ];
}

describe('TemplatesPanel', () => {
  it('disables every change for the viewer, saying which permission is missing', async () => {
    await renderPanel('viewer');

    const [create, ...changes] = changeButtons();
    expect(create).toHaveAttribute('aria-disabled', 'true');
    expect(create).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/templates to create templates',
    );
    for (const button of changes) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(
        'You need update permission on /projects/bank/templates to change templates',
      );
    }
  });

  it('after the server refuses a new template with a 403, disables every change of templates with the server’s reason', async () => {
    const { user } = await renderPanel('operator');
    // The project was read with the operator's permissions; they are withdrawn before creating.
    signInAs('viewer');

    const create = screen.getByRole('button', { name: 'New template' });
    expect(create).not.toHaveAttribute('aria-disabled');
    await user.click(create);
    const dialog = await screen.findByRole('dialog', { name: 'New template' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Code/ }), 'redis');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Redis cache');
    await user.type(
      within(dialog).getByRole('textbox', { name: /^Repository URL/ }),
      'https://git.example.com/platform/redis-template.git',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create template' }));

    const reason = 'You are not permitted to manage the templates of /projects/bank';
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => {
      expect(create).toHaveFocus();
    });
    // One permission covers them all, so none is left to be refused again.
    for (const button of changeButtons()) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    }
  });

  it('after the server refuses to archive a version with a 403, disables the version actions with its reason', async () => {
    const { user } = await renderPanel('operator');
    signInAs('viewer');

    const versions = screen.getByRole('table', { name: 'Template versions' });
    const archive = within(versions).getByRole('button', { name: 'Archive version 15_6' });
    await user.click(archive);

    expect(await screen.findByText('Version 15_6 was not archived')).toBeInTheDocument();
    await waitFor(() => {
      expect(archive).toHaveAttribute('aria-disabled', 'true');
    });
    expect(archive).toHaveAccessibleDescription(
      'You are not permitted to manage the templates of /projects/bank',
    );
    expect(screen.getByRole('button', { name: 'New version' })).toHaveAttribute('aria-disabled', 'true');
  });
});
