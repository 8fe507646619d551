import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { credentialsStore } from '@/api/credentials';
import { emulatorFetch, startEmulator, type TestEmulator } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { NodeTree } from './node-tree';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
  credentialsStore.set({ username: 'viewer', password: 'viewer' });
});

afterAll(async () => {
  credentialsStore.clear();
  await emulator.close();
});

// happy-dom lays nothing out, so the virtualiser would see a 0-pixel viewport and render no rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
});

const tree = () => screen.getByRole('tree', { name: 'Projects, environments and assets' });
/** A row by its node's name; its accessible name goes on with "archived" and the child count when shown. */
const item = (name: string) =>
  within(tree()).findByRole('treeitem', {
    name: new RegExp(
      `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( archived)?( \\S+ children( shown)?)?$`,
    ),
  });
/** The rows' accessible names, which come from their text. */
const rowNames = () =>
  within(tree())
    .getAllByRole('treeitem')
    .map((row) => row.textContent);

describe('NodeTree against the emulator', () => {
  it('lists the projects with their count, then opens a level with the keyboard', async () => {
    const { user } = renderWithProviders(<NodeTree selectedPath={null} onOpen={vi.fn()} />);
    // Not "0 projects" while the first level is on its way.
    expect(screen.getByText('Loading projects…')).toBeInTheDocument();

    const bank = await item('Core Banking Platform');
    expect(screen.getByText('3 projects')).toBeInTheDocument();
    expect(bank).toHaveAttribute('aria-expanded', 'false');
    expect(bank).toHaveAttribute('tabindex', '0');

    bank.focus();
    await user.keyboard('{ArrowRight}');

    expect(await item('Development')).toHaveAttribute('aria-level', '2');
    expect(bank).toHaveAttribute('aria-expanded', 'true');
    // Named by what it shows (WCAG 2.5.3, label in name), the count of its children included.
    // (While the level still arrives the count reads "4…".)
    await waitFor(() => {
      expect(bank).toHaveAccessibleName('Core Banking Platform 4 children');
    });
    // Environments first, then the asset the project owns.
    const children = within(tree())
      .getAllByRole('treeitem')
      .filter((row) => row.getAttribute('aria-level') === '2')
      .map((row) => row.textContent);
    expect(children).toEqual(['Development', 'Test', 'Production', 'Shared reporting database']);
  });

  it("shows a project's assets while its environments are still on their way, then adds them above", async () => {
    // The environments' answer is held back until released.
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answer = emulatorFetch(emulator.app);
    const assetRequests: string[] = [];
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (input.includes('/projects/bank/environments')) await held;
      if (input.includes('/projects/bank/assets')) assetRequests.push(input);
      return answer(input, init);
    });
    try {
      const { user } = renderWithProviders(<NodeTree selectedPath={null} onOpen={vi.fn()} />);
      const bank = await item('Core Banking Platform');
      bank.focus();
      await user.keyboard('{ArrowRight}');

      expect(await item('Shared reporting database')).toHaveAttribute('aria-level', '2');
      expect(within(tree()).queryByRole('treeitem', { name: 'Development' })).toBeNull();
      expect(bank).toHaveAttribute('aria-busy', 'true');

      release?.();
      expect(await item('Development')).toHaveAttribute('aria-level', '2');
      const children = within(tree())
        .getAllByRole('treeitem')
        .filter((row) => row.getAttribute('aria-level') === '2')
        .map((row) => row.textContent);
      expect(children).toEqual(['Development', 'Test', 'Production', 'Shared reporting database']);
      await waitFor(() => {
        expect(bank).not.toHaveAttribute('aria-busy');
      });
      // Asked for as the key was pressed; the level's own query found that request under way.
      expect(assetRequests).toHaveLength(1);
    } finally {
      vi.stubGlobal('fetch', answer);
    }
  });

  it('opens the tree down to the selected node of a deep link and marks it selected', async () => {
    renderWithProviders(
      <NodeTree selectedPath="/projects/retail/environments/prod/assets/cart_prod" onOpen={vi.fn()} />,
    );

    const cart = await item('Cart Production');
    expect(cart).toHaveAttribute('aria-selected', 'true');
    expect(cart).toHaveAttribute('aria-level', '3');
    expect(await item('Retail Web Store')).toHaveAttribute('aria-expanded', 'true');
    expect(await item('Production')).toHaveAttribute('aria-expanded', 'true');
  });

  it('opens the node chosen with Enter', async () => {
    const onOpen = vi.fn();
    const { user } = renderWithProviders(<NodeTree selectedPath={null} onOpen={onOpen} />);

    (await item('Corporate Website')).focus();
    await user.keyboard('{Enter}');

    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ path: '/projects/website' }), false);
  });

  it('narrows the loaded levels as the filter is typed', async () => {
    const { user } = renderWithProviders(
      <NodeTree selectedPath="/projects/bank/environments/dev" onOpen={vi.fn()} />,
    );
    await item('Development');

    await user.type(screen.getByRole('textbox', { name: 'Filter the navigator by name or code' }), 'shared');

    await waitFor(() => {
      expect(rowNames()).toEqual(['Core Banking Platform 1/4 children shown', 'Shared reporting database']);
    });
    expect(screen.getByText('1 of 3 projects')).toBeInTheDocument();
  });

  it('with nothing opened, finds matches in levels not loaded yet through the server and opens the tree to them', async () => {
    const { user } = renderWithProviders(<NodeTree selectedPath={null} onOpen={vi.fn()} />);
    await item('Core Banking Platform');

    await user.type(screen.getByRole('textbox', { name: 'Filter the navigator by name or code' }), 'ledger');

    expect(await item('Ledger database Production')).toHaveAttribute('aria-level', '3');
    // By path: each match sits under the project and environment it was found in.
    await waitFor(() => {
      expect(
        within(tree())
          .getAllByRole('treeitem')
          .map((row) => row.getAttribute('data-path')),
      ).toEqual([
        '/projects/bank',
        '/projects/bank/environments/dev',
        '/projects/bank/environments/dev/assets/ledger_db_dev',
        '/projects/bank/environments/test',
        '/projects/bank/environments/test/assets/ledger_db_test',
        '/projects/bank/environments/prod',
        '/projects/bank/environments/prod/assets/ledger_db_prod',
      ]);
    });
    expect(await screen.findByText('Searched all 3 projects.')).toBeInTheDocument();
  });

  it('says what was searched when nothing matches anywhere', async () => {
    const { user } = renderWithProviders(<NodeTree selectedPath={null} onOpen={vi.fn()} />);
    await item('Core Banking Platform');

    await user.type(screen.getByRole('textbox', { name: 'Filter the navigator by name or code' }), 'zzz');

    expect(await screen.findByText('Searched all 3 projects. Nothing matches “zzz”.')).toBeInTheDocument();
    expect(within(tree()).queryAllByRole('treeitem')).toEqual([]);
  });
});
