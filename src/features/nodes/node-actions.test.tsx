import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { credentialsStore } from '@/api/credentials';
import { getEnvironment } from '@/api/environments';
import { getProject } from '@/api/projects';
import { startEmulator, type TestEmulator } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { NodeActions } from './node-actions';

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

describe('NodeActions', () => {
  it('shows the viewer edit and archive disabled, saying which permission is missing', async () => {
    credentialsStore.set({ username: 'viewer', password: 'viewer' });
    const project = await getProject('bank');
    const { user } = renderWithProviders(<NodeActions node={project} />);

    const edit = screen.getByRole('button', { name: 'Edit' });
    const archive = screen.getByRole('button', { name: 'Archive' });
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveAccessibleDescription('You need update permission on /projects/bank to rename it');
    expect(archive).toHaveAttribute('aria-disabled', 'true');
    expect(archive).toHaveAccessibleDescription('You need update permission on /projects/bank to archive it');

    await user.hover(edit);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You need update permission on /projects/bank to rename it',
    );
    await user.click(edit);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lets the operator edit, and shows the name the server refuses on the name field', async () => {
    credentialsStore.set({ username: 'operator', password: 'operator' });
    const environment = await getEnvironment('bank', 'dev');
    const { user } = renderWithProviders(<NodeActions node={environment} />);

    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(edit).not.toHaveAttribute('aria-disabled');
    await user.click(edit);
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Production');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(name).toHaveAccessibleDescription(expect.stringContaining('Name has already been taken'));
    });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('archives after confirmation', async () => {
    credentialsStore.set({ username: 'operator', password: 'operator' });
    const environment = await getEnvironment('retail', 'test');
    const { user } = renderWithProviders(<NodeActions node={environment} />);

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await user.click(await screen.findByRole('button', { name: 'Archive environment' }));

    await waitFor(async () => {
      expect((await getEnvironment('retail', 'test')).archived).toBe(true);
    });
    expect(await screen.findByText('Test is archived.')).toBeInTheDocument();
  });

  it('shows the API link of the node', async () => {
    credentialsStore.set({ username: 'viewer', password: 'viewer' });
    const environment = await getEnvironment('bank', 'prod');
    renderWithProviders(<NodeActions node={environment} />);

    expect(screen.getByLabelText('API link')).toHaveTextContent('/api/projects/bank/environments/prod');
    expect(screen.getByRole('button', { name: 'Copy API URL' })).toBeEnabled();
  });
});
