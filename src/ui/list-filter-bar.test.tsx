import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
  useNavigate,
} from '@tanstack/react-router';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listSearchSchema, type ListSearch } from '@/lib/list-search';
import { renderWithProviders } from '@/test/render-with-providers';
import { ListFilterBar } from './list-filter-bar';

// The filter box bound to a real router's search, as on the list pages: changes reach the URL through an
// asynchronous navigate, and the URL can also change from elsewhere (back button, "Clear the filter").
function renderBoundToUrl(initialUrl: string) {
  const rootRoute = createRootRoute();
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/list',
    validateSearch: listSearchSchema,
    component: function ListRoute() {
      const search = listRoute.useSearch();
      const navigate = useNavigate();
      // Relative to the current location: the app's registered route tree has no /list.
      const changeSearch = (patch: ListSearch, replace: boolean) =>
        void navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }), replace });
      return (
        <>
          <ListFilterBar
            search={search}
            onSearchChange={(patch) => {
              changeSearch(patch, true);
            }}
            what="environments"
            matches="name or code"
          />
          <button
            type="button"
            onClick={() => {
              changeSearch({ q: undefined }, false);
            }}
          >
            Clear the filter
          </button>
        </>
      );
    },
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([listRoute]),
    history: createMemoryHistory({ initialEntries: [initialUrl] }),
  });
  const rendered = renderWithProviders(<RouterProvider router={router} />);
  return { ...rendered, router };
}

describe('ListFilterBar', () => {
  it('keeps the caret where the user types in the middle of a filter that came from the URL', async () => {
    const { user, router } = renderBoundToUrl('/list?q=prd');
    const input = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Filter environments' });
    expect(input).toHaveValue('prd');

    await user.click(input);
    await user.keyboard('{Home}{ArrowRight}xy');

    expect(input).toHaveValue('pxyrd');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ q: 'pxyrd' });
    });
    expect(input).toHaveValue('pxyrd');
  });

  it('sends what was typed to the URL once typing pauses, not on every keystroke', async () => {
    const { user, router } = renderBoundToUrl('/list');
    const input = await screen.findByRole('textbox', { name: 'Filter environments' });
    const seen: unknown[] = [];
    const unsubscribe = router.subscribe('onResolved', () => {
      seen.push(router.state.location.search);
    });

    await user.type(input, 'eu_w');

    await waitFor(() => {
      expect(router.state.location.search).toEqual({ q: 'eu_w' });
    });
    // Four keystrokes, one navigation (two if the machine pauses longer than the debounce mid-word).
    expect(seen.at(-1)).toEqual({ q: 'eu_w' });
    expect(seen.length).toBeLessThan(4);
    unsubscribe();
  });

  it('shows the URL again when it changes from elsewhere, and an emptied box removes the filter', async () => {
    const { user, router } = renderBoundToUrl('/list?q=prd');
    const input = await screen.findByRole('textbox', { name: 'Filter environments' });

    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    await waitFor(() => {
      expect(input).toHaveValue('');
    });

    await user.type(input, 'web');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ q: 'web' });
    });
    router.history.back();
    await waitFor(() => {
      expect(input).toHaveValue('prd');
    });

    await user.clear(input);
    await waitFor(() => {
      expect(router.state.location.search).toEqual({});
    });
  });
});
