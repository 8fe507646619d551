import { describe, expect, it } from 'vitest';
import { eventsSearchSchema, isReversedRange, toEventFilters } from './events-search';

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

describe('toEventFilters time range', () => {
  it('starts at the chosen second, so an event stamped exactly on it is included', () => {
    expect(toEventFilters({ from: '2025-04-25T10:00:05.000Z' }).from).toBe('2025-04-25T10:00:05.000Z');
  });

  it('ends after the whole chosen second, so every event stamped within it is included', () => {
    expect(toEventFilters({ to: '2025-04-25T10:00:07.000Z' }).before).toBe('2025-04-25T10:00:08.000Z');
  });

  it('filters the seconds the boxes show when a shared link carries fractions or an offset', () => {
    expect(
      toEventFilters({ from: '2025-04-25T06:21:23.984222Z', to: '2025-04-25T12:00:59.5+05:30' }),
    ).toMatchObject({ from: '2025-04-25T06:21:23.000Z', before: '2025-04-25T06:31:00.000Z' });
  });

  it('leaves out the ends that are not chosen', () => {
    expect(toEventFilters({})).toMatchObject({ from: undefined, before: undefined });
  });

  it('covers one second when From and Until name the same one', () => {
    const filters = toEventFilters({ from: '2025-04-25T10:00:00Z', to: '2025-04-25T10:00:00Z' });

    expect(filters).toMatchObject({ from: '2025-04-25T10:00:00.000Z', before: '2025-04-25T10:00:01.000Z' });
    expect(isReversedRange({ from: '2025-04-25T10:00:00Z', to: '2025-04-25T10:00:00Z' })).toBe(false);
  });

  it('knows a range whose Until names an earlier second than its From', () => {
    expect(isReversedRange({ from: '2025-04-25T10:00:01Z', to: '2025-04-25T10:00:00.900Z' })).toBe(true);
    expect(isReversedRange({ from: '2025-04-25T10:00:01Z' })).toBe(false);
    expect(isReversedRange({ to: '2025-04-25T10:00:00Z' })).toBe(false);
  });
});
