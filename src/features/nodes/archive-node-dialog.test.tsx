import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getEnvironment } from '@/api/environments';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { ArchiveNodeDialog } from './archive-node-dialog';

const emulator = setUpEmulator();

describe('ArchiveNodeDialog', () => {
  it('warns that archiving a project archives its environments too', async () => {
    signInAs('opschain');
    const project = await getProject('website');
    renderWithProviders(<ArchiveNodeDialog node={project} opened onClose={vi.fn()} />);

    expect(await screen.findByRole('dialog', { name: 'Archive project website?' })).toHaveTextContent(
      'Its environments and assets are archived too.',
    );
  });

  it('says that restoring a project leaves its environments archived, as the API does', async () => {
    signInAs('opschain');
    const archived = await emulator().app.inject({
      method: 'PATCH',
      url: '/api/projects/website',
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({ data: { attributes: { archived: true } } }),
    });
    expect(archived.statusCode).toBe(200);
    const project = await getProject('website');
    const onClose = vi.fn();
    const { user } = renderWithProviders(<ArchiveNodeDialog node={project} opened onClose={onClose} />);

    const dialog = await screen.findByRole('dialog', { name: 'Restore project website?' });
    expect(dialog).toHaveTextContent(
      'Corporate Website becomes active again. Its environments and assets are not restored with it; ' +
        'archived ones stay archived until you restore them one by one.',
    );
    await user.click(screen.getByRole('button', { name: 'Restore project' }));

    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect((await getProject('website')).archived).toBe(false);
    expect((await getEnvironment('website', 'dev')).archived).toBe(true);
  });
});
