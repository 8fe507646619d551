import { describe, expect, it } from 'vitest';
import type { OpsChainEvent } from '@/api/events';
import { newestFirst } from './events-page';
import { eventsSearchSchema, toEventFilters } from './events-search';

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

describe('events search', () => {
  it('keeps valid filters and drops malformed ones', () => {
    expect(
      eventsSearchSchema.parse({
        type: 'api:',
        user: 'viewer',
        kind: 'system',
        from: '2025-04-25T06:21:23.984222Z',
        to: 'yesterday',
      }),
    ).toEqual({ type: 'api:', user: 'viewer', kind: 'system', from: '2025-04-25T06:21:23.984222Z' });
  });

  it('maps the kind onto the system flag', () => {
    expect(toEventFilters({ kind: 'custom' }).system).toBe(false);
    expect(toEventFilters({ kind: 'system' }).system).toBe(true);
    expect(toEventFilters({}).system).toBeUndefined();
  });
});
