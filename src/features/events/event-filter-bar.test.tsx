import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
  useNavigate,
} from '@tanstack/react-router';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { EventFilterBar } from './event-filter-bar';
import { eventsSearchSchema, type EventsSearch } from './events-search';

// The filter bar bound to a real router's search, as on the events page: changes reach the URL through an
// asynchronous navigate, and the URL can also change from elsewhere (back button, "Clear filters").
function renderBoundToUrl(initialUrl: string) {
  const rootRoute = createRootRoute();
  const eventsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/events',
    validateSearch: eventsSearchSchema,
    component: function EventsRoute() {
      const search = eventsRoute.useSearch();
      const navigate = useNavigate();
      return (
        <EventFilterBar
          search={search}
          onSearchChange={(patch: Partial<EventsSearch>) =>
            // Relative to the current location: the app's registered route tree is not used here.
            void navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }), replace: true })
          }
        />
      );
    },
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([eventsRoute]),
    history: createMemoryHistory({ initialEntries: [initialUrl] }),
  });
  const rendered = renderWithProviders(<RouterProvider router={router} />);
  return { ...rendered, router };
}

describe('EventFilterBar', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the caret where the user types in the middle of a user filter that came from the URL', async () => {
    const { user, router } = renderBoundToUrl('/events?user=opr');
    const input = await screen.findByRole<HTMLInputElement>('textbox', { name: 'User contains' });
    expect(input).toHaveValue('opr');

    await user.click(input);
    await user.keyboard('{Home}{ArrowRight}x');
    expect(input).toHaveValue('oxpr');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ user: 'oxpr' });
    });
    // Typing on after the URL caught up still goes where the caret is.
    await user.keyboard('y');

    expect(input).toHaveValue('oxypr');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ user: 'oxypr' });
    });
    expect(input).toHaveValue('oxypr');
  });

  it('keeps the caret in the type filter too, and an emptied box removes the filter', async () => {
    const { user, router } = renderBoundToUrl('/events?type=api%3Achanges');
    const input = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Type contains' });

    await user.click(input);
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}xy');
    expect(input).toHaveValue('api:xychanges');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ type: 'api:xychanges' });
    });

    await user.clear(input);
    await waitFor(() => {
      expect(router.state.location.search).toEqual({});
    });
  });

  it('shows the URL again when the filters are cleared', async () => {
    const { user } = renderBoundToUrl('/events?type=deploy&user=opr');
    const type = await screen.findByRole('textbox', { name: 'Type contains' });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => {
      expect(type).toHaveValue('');
    });
    expect(screen.getByRole('textbox', { name: 'User contains' })).toHaveValue('');
  });

  it('offers Clear filters as soon as something is typed, and clearing drops text not yet in the URL', async () => {
    // Only the debounce's timers are fake, and they still follow real time, so user-event and the router
    // run as usual while the test can jump past the debounce pause instead of sleeping through it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const { user, router } = renderBoundToUrl('/events');
    const type = await screen.findByRole('textbox', { name: 'Type contains' });
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();

    await user.type(type, 'deploy');
    // At once, without waiting for the text to reach the URL.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    expect(type).toHaveValue('');
    // Far past the pause after which typed text is sent: nothing arrives after the clearing.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(router.state.location.search).toEqual({});
    expect(type).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('says in the labels that both ends of the time range are included', async () => {
    renderBoundToUrl('/events');

    expect(await screen.findByLabelText('From (inclusive)')).toHaveAttribute('type', 'datetime-local');
    expect(screen.getByLabelText('Until (inclusive)')).toHaveAttribute('type', 'datetime-local');
  });

  it('puts a chosen time into the URL as UTC, and shows one from the URL as local time', async () => {
    const { router } = renderBoundToUrl('/events?to=2025-04-25T06%3A21%3A23.984222Z');
    const until = await screen.findByLabelText<HTMLInputElement>('Until (inclusive)');
    const local = new Date('2025-04-25T06:21:23.984Z');
    expect(until.value).toMatch(
      new RegExp(
        `T${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:23$`,
      ),
    );

    fireEvent.change(screen.getByLabelText('From (inclusive)'), { target: { value: '2025-04-25T08:30:05' } });

    await waitFor(() => {
      expect(router.state.location.search).toEqual({
        from: new Date('2025-04-25T08:30:05').toISOString(),
        to: '2025-04-25T06:21:23.984222Z',
      });
    });
  });

  it('says so when Until is before From', async () => {
    renderBoundToUrl('/events?from=2025-04-25T10%3A00%3A01Z&to=2025-04-25T10%3A00%3A00.5Z');

    const until = await screen.findByLabelText('Until (inclusive)');

    expect(until).toHaveAttribute('aria-invalid', 'true');
    expect(until).toHaveAccessibleErrorMessage('Until is before From: no event can match.');
    expect(screen.getByRole('alert')).toHaveTextContent('Until is before From: no event can match.');
  });

  it('accepts a range of one second', async () => {
    renderBoundToUrl('/events?from=2025-04-25T10%3A00%3A00Z&to=2025-04-25T10%3A00%3A00Z');

    const until = await screen.findByLabelText('Until (inclusive)');

    expect(until).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
