import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorFetch, setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { GlobalSearch } from './global-search';
import { searchSpotlight } from './search-store';

const emulator = setUpEmulator();

afterEach(() => {
  vi.stubGlobal('fetch', emulatorFetch(emulator().app));
  act(() => {
    searchSpotlight.close();
  });
});

/** The emulator, except that the plain project list (no filter) answers 503. */
function failingProjectList(): typeof fetch {
  const passThrough = emulatorFetch(emulator().app);
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://console.test');
    if (
      url.pathname === '/api/projects' &&
      ![...url.searchParams.keys()].some((key) => key.startsWith('filter'))
    ) {
      return Promise.resolve(
        new Response(JSON.stringify({ errors: [{ status: '503', title: 'Service Unavailable' }] }), {
          status: 503,
          headers: { 'content-type': 'application/vnd.api+json' },
        }),
      );
    }
    return passThrough(input, init);
  };
}

describe('GlobalSearch', () => {
  it('says the project list failed instead of "Searched 0 projects", and still shows matching projects', async () => {
    signInAs('viewer');
    vi.stubGlobal('fetch', failingProjectList());
    const { user } = renderWithProviders(<GlobalSearch onOpen={vi.fn()} />);
    act(() => {
      searchSpotlight.open();
    });

    await user.type(
      await screen.findByRole('textbox', { name: 'Search projects, environments, assets and workflows' }),
      'bank',
    );

    expect(
      await screen.findByText(
        'The project list could not be loaded, so no environments, assets or workflows were searched. Try again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Core Banking Platform/ })).toBeInTheDocument();
    expect(screen.queryByText(/Searched 0 projects/)).toBeNull();
  });

  it('highlights the first result once results arrive, so Enter opens it without an arrow key', async () => {
    signInAs('viewer');
    const onOpen = vi.fn();
    const { user } = renderWithProviders(<GlobalSearch onOpen={onOpen} />);
    act(() => {
      searchSpotlight.open();
    });

    await user.type(
      await screen.findByRole('textbox', { name: 'Search projects, environments, assets and workflows' }),
      'checkout',
    );
    const first = await screen.findByRole('button', { name: /^Checkout Development/ });
    await waitFor(() => {
      expect(screen.getByText(/^Searched \d+ projects\.$/)).toBeInTheDocument();
    });
    expect(first).toHaveAttribute('data-selected', 'true');
    await user.keyboard('{Enter}');

    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ code: 'checkout_dev', kind: 'asset' }));
  });

  it('keeps the result the user moved to with the arrows while more results arrive', async () => {
    signInAs('viewer');
    const onOpen = vi.fn();
    const { user } = renderWithProviders(<GlobalSearch onOpen={onOpen} />);
    act(() => {
      searchSpotlight.open();
    });

    await user.type(
      await screen.findByRole('textbox', { name: 'Search projects, environments, assets and workflows' }),
      'checkout',
    );
    await waitFor(() => {
      expect(screen.getByText(/^Searched \d+ projects\.$/)).toBeInTheDocument();
    });
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');

    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ code: 'checkout_prod' }));
  });
});
