import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorFetch, setUpEmulator, signInAs } from '@/test/emulator';
import { createAuth } from './auth';
import { createAppRouter } from './router';
import { theme } from './theme';

// The whole console (routes, shell, pages) against the emulator, with one API path answered only when the
// test says so: a slow server, without waiting for one.

const emulator = setUpEmulator();

afterEach(() => {
  vi.stubGlobal('fetch', emulatorFetch(emulator().app));
});

/** Holds GETs of `path` (exactly, any query) until `release`; everything else is answered at once. */
function holdRequestsTo(path: string) {
  const answer = emulatorFetch(emulator().app);
  let open: (() => void) | undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  vi.stubGlobal('fetch', async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, 'http://console.test').pathname === path) await gate;
    return answer(input, init);
  });
  return {
    release: () => {
      open?.();
    },
  };
}

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

describe('while a page loads slowly', () => {
  it('after sign-in, shows the progress bar and the shape of the page being opened until its data arrives', async () => {
    const server = holdRequestsTo('/api/projects/bank');
    const { user, router } = renderConsole('/sign-in?redirect=%2Fprojects%2Fbank');
    await user.type(await screen.findByRole('textbox', { name: 'Username' }, SLOW), 'operator');
    await user.type(screen.getByLabelText(/^Password/), 'operator');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('progressbar', { name: 'Loading the page' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByText('Loading project bank', {}, SLOW)).toBeInTheDocument();
    // The shell is up; only the page waits, busy.
    expect(screen.getByRole('navigation', { name: 'Navigator' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    expect(router.state.location.pathname).toBe('/projects/bank');

    server.release();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Core Banking Platform' }, SLOW),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByRole('progressbar')).toBeNull();
    }, SLOW);
    expect(screen.queryByText('Loading project bank')).toBeNull();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  });

  it('going to an environment whose data is not cached shows a node page’s shape, then the environment', async () => {
    signInAs('operator');
    const { router } = renderConsole('/projects/bank');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Core Banking Platform' }, SLOW),
    ).toBeInTheDocument();
    const server = holdRequestsTo('/api/projects/bank/environments/dev');

    const navigation = router.navigate({
      to: '/projects/$projectCode/environments/$environmentCode',
      params: { projectCode: 'bank', environmentCode: 'dev' },
    });

    expect(await screen.findByRole('progressbar', { name: 'Loading the page' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByText('Loading environment dev', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Core Banking Platform' })).toBeNull();

    server.release();
    await navigation;

    expect(await screen.findByRole('heading', { level: 1, name: 'Development' }, SLOW)).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByRole('progressbar')).toBeNull();
    }, SLOW);
  });
});
