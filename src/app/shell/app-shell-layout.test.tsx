import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { createAuth } from '@/app/auth';
import { createAppRouter } from '@/app/router';
import { theme } from '@/app/theme';

// The shell around the pages, rendered as the console (routes, pages) against the emulator.

setUpEmulator();

// The whole console renders at each step; on a busy machine that can take longer than the default second.
const SLOW = { timeout: 5000 };

/** happy-dom's window size, which its matchMedia answers from (the default is 1024 × 768). */
function setWindowSize(width: number, height: number) {
  const happyDom: unknown = Reflect.get(window, 'happyDOM');
  const setViewport: unknown =
    typeof happyDom === 'object' && happyDom !== null ? Reflect.get(happyDom, 'setViewport') : undefined;
  if (typeof setViewport !== 'function') throw new Error('happy-dom cannot resize this window');
  Reflect.apply(setViewport, happyDom, [{ width, height }]);
}

afterEach(() => {
  setWindowSize(1024, 768);
});

// happy-dom lays nothing out, so the navigator's virtualiser would see a 0-pixel viewport and render no rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
});

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

const navigator = () => screen.getByRole('navigation', { name: 'Navigator', hidden: true });

describe('the shell in a narrow window (800 px)', () => {
  it('keeps the navigator behind the burger, and picking a node goes there and closes it', async () => {
    setWindowSize(800, 900);
    signInAs('operator');
    const { router, user } = renderConsole('/projects');
    const burger = await screen.findByRole('button', { name: 'Navigator' }, SLOW);

    // Off-screen while closed: inert keeps it out of the Tab order and the accessibility tree.
    expect(burger).toHaveAttribute('aria-expanded', 'false');
    expect(burger).toHaveAttribute('aria-controls', navigator().id);
    expect(navigator()).toHaveAttribute('inert');

    await user.click(burger);
    expect(burger).toHaveAttribute('aria-expanded', 'true');
    expect(navigator()).not.toHaveAttribute('inert');

    await user.click(await within(navigator()).findByRole('treeitem', { name: 'Corporate Website' }, SLOW));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/projects/website');
    }, SLOW);
    expect(burger).toHaveAttribute('aria-expanded', 'false');
    expect(navigator()).toHaveAttribute('inert');
  });

  it('closes the navigator when the node picked is the page already open', async () => {
    setWindowSize(800, 900);
    signInAs('operator');
    const { user } = renderConsole('/projects/website');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Corporate Website' }, SLOW),
    ).toBeInTheDocument();
    const burger = screen.getByRole('button', { name: 'Navigator' });

    await user.click(burger);
    await user.click(await within(navigator()).findByRole('treeitem', { name: 'Corporate Website' }, SLOW));

    expect(burger).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('the shell in a wide window', () => {
  it('shows the navigator without a burger, and names the user menu by the user name it shows', async () => {
    signInAs('approver');
    renderConsole('/projects');

    // Label in name (WCAG 2.5.3): the visible user name comes first.
    expect(await screen.findByRole('button', { name: 'approver, user menu' }, SLOW)).toHaveTextContent(
      /^approver$/,
    );
    expect(navigator()).not.toHaveAttribute('inert');
  });
});
