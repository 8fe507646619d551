import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createAuth } from '@/app/auth';
import { createAppRouter } from '@/app/router';
import { theme } from '@/app/theme';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { NodeTabPending } from './node-tab-pending';

// Node pages' tabs as routes, in the whole console (router, shell, pages) against the emulator.

setUpEmulator();

afterEach(() => {
  vi.restoreAllMocks();
});

// The whole console renders at each step; on a busy machine that can take longer than the default second.
const SLOW = { timeout: 5000 };

function renderConsole(initialPath: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createAppRouter(
    { queryClient, auth: createAuth(queryClient) },
    { history: createMemoryHistory({ initialEntries: [initialPath] }) },
  );
  render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { router, user: userEvent.setup() };
}

function tabNames(): (string | null)[] {
  return screen.getAllByRole('tab').map((tab) => tab.textContent);
}

async function expectSelectedTab(name: string) {
  await waitFor(() => {
    expect(screen.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }, SLOW);
}

describe('node page tabs', () => {
  it('offers a Standard project only the tabs its meta flags allow, as links to their routes', async () => {
    signInAs('viewer');
    const { router, user } = renderConsole('/projects/website');
    expect(await screen.findByRole('heading', { name: 'Bookmarks' }, SLOW)).toBeInTheDocument();

    expect(tabNames()).toEqual([
      'Overview',
      'Environments',
      'Properties',
      'Settings',
      'Git remotes',
      'Workflows',
      'Activity',
    ]);
    await expectSelectedTab('Overview');
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute(
      'href',
      '/projects/website/settings',
    );
    const heading = screen.getByRole('heading', { level: 1 });

    await user.click(screen.getByRole('tab', { name: 'Settings' }));

    await expectSelectedTab('Settings');
    expect(router.state.location.pathname).toBe('/projects/website/settings');
    expect(await screen.findByRole('region', { name: /^Settings version/ }, SLOW)).toBeInTheDocument();
    // Only the tab's content changed: the page around it stayed mounted.
    expect(heading).toBeInTheDocument();
  });

  it('sends a tab the node does not have to its overview', async () => {
    signInAs('viewer');
    const { router } = renderConsole('/projects/website/templates');

    await expectSelectedTab('Overview');
    expect(router.state.location.pathname).toBe('/projects/website');
    expect(screen.queryByRole('tab', { name: 'Templates' })).toBeNull();
  });

  it("shows the tab the address names, here an Enterprise project's settings", async () => {
    signInAs('viewer');
    renderConsole('/projects/bank/settings');

    await expectSelectedTab('Settings');
    expect(screen.getByRole('tab', { name: 'Templates' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Settings version 1' }, SLOW)).toHaveTextContent(
      '"allow_parallel_changes": false',
    );
  });

  it('styles the open tab, and the overview the other tabs sit below, as tabs (not as plain links)', async () => {
    signInAs('viewer');
    renderConsole('/projects/bank/environments');

    await expectSelectedTab('Environments');
    // The router marks active links with a class of its own; it must join Mantine's tab class, not replace it.
    for (const tab of screen.getAllByRole('tab')) expect(tab).toHaveClass('mantine-Tabs-tab');
  });

  it('redirects an old ?tab= link to the tab’s route, keeping that tab’s search parameters and dropping others', async () => {
    signInAs('viewer');
    const { router } = renderConsole('/projects/bank?tab=environments&q=dev&sort=code&version=3');

    await expectSelectedTab('Environments');
    expect(router.state.location.pathname).toBe('/projects/bank/environments');
    expect(router.state.location.search).toEqual({ q: 'dev', sort: 'code' });
    expect(await screen.findByRole('textbox', { name: 'Filter environments' }, SLOW)).toHaveValue('dev');
  });

  it('redirects an old ?tab= link of an asset below an environment', async () => {
    signInAs('viewer');
    const { router } = renderConsole('/projects/bank/environments/prod/assets/soa_prod?tab=template');

    await expectSelectedTab('Template & versions');
    expect(router.state.location.pathname).toBe('/projects/bank/environments/prod/assets/soa_prod/template');
    expect(router.state.location.search).toEqual({});
  });

  it('gives each tab its own search: another tab opens without the filters of the last one', async () => {
    signInAs('viewer');
    const { router, user } = renderConsole('/projects/bank/environments?q=dev');
    await expectSelectedTab('Environments');

    await user.click(screen.getByRole('tab', { name: 'Git remotes' }));
    await expectSelectedTab('Git remotes');
    expect(router.state.location.search).toEqual({});

    // Coming back through the tab starts the list afresh too.
    await user.click(screen.getByRole('tab', { name: 'Environments' }));
    await expectSelectedTab('Environments');
    expect(router.state.location.search).toEqual({});
  });

  it('moves between tabs with the arrow keys', async () => {
    signInAs('viewer');
    const { router, user } = renderConsole('/projects/bank/environments/dev');
    await expectSelectedTab('Overview');

    screen.getByRole('tab', { name: 'Overview' }).focus();
    await user.keyboard('{ArrowRight}');

    await expectSelectedTab('Assets');
    expect(router.state.location.pathname).toBe('/projects/bank/environments/dev/assets');
    expect(screen.getByRole('tab', { name: 'Assets' })).toHaveFocus();
  });

  it("keeps the node selected in the navigator on any of its page's tabs", async () => {
    // happy-dom lays nothing out: give the navigator's virtualiser a viewport, or it renders no rows.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    signInAs('viewer');
    renderConsole('/projects/bank/environments/dev/assets');
    await expectSelectedTab('Assets');

    expect(await screen.findByRole('treeitem', { name: 'Development', selected: true }, SLOW)).toBeVisible();
  });
});

const routeShape = z.object({
  id: z.string(),
  parentRoute: z.object({ id: z.string() }).optional(),
  options: z.object({ pendingComponent: z.unknown().optional() }),
});

describe('node page tab routes', () => {
  it('show rows inside the tab panel while pending; the node page layouts show the whole page’s shape', () => {
    const { router } = renderConsole('/sign-in');
    // The router types its routes by id loosely (any); read the few fields this test needs.
    const routes = Object.values(router.routesById).map((route) => routeShape.parse(route));
    const isLayout = (id: string) => id.endsWith('/_tabs') || id.endsWith('/$assetCode');
    const layouts = routes.filter((route) => isLayout(route.id));
    const tabs = routes.filter((route) => isLayout(route.parentRoute?.id ?? ''));

    expect(layouts).toHaveLength(4);
    // Project 10, environment 6, asset 8 below a project and 8 below an environment.
    expect(tabs).toHaveLength(32);
    for (const tab of tabs) expect(tab.options.pendingComponent).toBe(NodeTabPending);
    for (const layout of layouts) expect(layout.options.pendingComponent).toBeUndefined();
  });
});
