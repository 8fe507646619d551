import { act, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpsChainEvent } from '@/api/events';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { EventsPage, newestFirst } from './events-page';

function event(id: string, created_at: string): OpsChainEvent {
  return {
    id,
    created_at,
    type: 'custom',
    username: 'operator',
    system: false,
    relationships: {},
    links: {},
    meta: null,
    source_link: null,
  };
}

describe('newestFirst', () => {
  it('turns oldest-first pages, newest page first, into one newest-first list without repeats', () => {
    const pages = [
      { events: [event('c', '2025-01-03T00:00:00Z'), event('d', '2025-01-04T00:00:00Z')] },
      {
        events: [
          event('a', '2025-01-01T00:00:00Z'),
          event('b', '2025-01-02T00:00:00Z'),
          event('c', '2025-01-03T00:00:00Z'),
        ],
      },
    ];

    expect(newestFirst(pages).map((entry) => entry.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('EventsPage', () => {
  setUpEmulator();

  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops rendering once the list is shown (no render loop through the filter boxes or the query)', async () => {
    // Only the timers the filter boxes' debounce uses are fake; the emulator and Testing Library keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    signInAs('opschain');
    let renders = 0;
    renderWithProviders(
      <Profiler
        id="events-page"
        onRender={() => {
          renders += 1;
        }}
      >
        <EventsPage search={{ type: 'no event has this type' }} onSearchChange={vi.fn()} />
      </Profiler>,
    );
    await screen.findByText('No events match');
    const shown = renders;

    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });

    expect(renders).toBe(shown);
  });
});

describe('EventsPage with an event the console cannot read', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the other events and marks the unreadable one (a step event with username null)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const resource = (id: string, username: string | null, type: string) => ({
      type: 'event',
      id,
      attributes: { username, system: true, type, created_at: `2026-12-01T10:00:0${id}Z` },
    });
    const body = {
      data: [
        resource('1', 'operator', 'api:changes:create'),
        resource('2', null, 'engine:step:started'),
        resource('3', 'approver', 'api:steps:approve'),
      ],
      meta: { partial_response: false },
    };
    // The emulator's events are being fixed elsewhere; this answer is what a real OpsChain sends.
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(JSON.stringify(body), { headers: { 'content-type': 'application/vnd.api+json' } }),
        ),
      ),
    );

    renderWithProviders(<EventsPage search={{}} onSearchChange={vi.fn()} />);

    const notice = await screen.findByRole('status', { name: 'Unreadable events' });
    expect(notice).toHaveTextContent(
      /1 event could not be read \(id 2; attributes\.username: .*expected string/,
    );
    expect(screen.getByText('api:changes:create')).toBeInTheDocument();
    expect(screen.getByText('api:steps:approve')).toBeInTheDocument();
    expect(screen.queryByText('engine:step:started')).not.toBeInTheDocument();
    expect(screen.queryByText(/did not have the expected format/)).not.toBeInTheDocument();
  });
});
