import { describe, expect, it } from 'vitest';
import { activitySearchSchema, isFiltered, toActivityFilters } from './activity-search';

const parse = (input: Record<string, unknown>) => activitySearchSchema.parse(input);

describe('activitySearchSchema', () => {
  it('keeps known statuses, once each, and drops the rest', () => {
    expect(parse({ status: ['running', 'bogus', 'running', 'error'] }).status).toEqual(['running', 'error']);
    expect(parse({ status: 'success' }).status).toEqual(['success']);
    expect(parse({ status: ['bogus'] }).status).toBeUndefined();
    expect(parse({ status: 42 }).status).toBeUndefined();
  });

  it('drops bad times, kinds and metadata keys instead of failing', () => {
    const search = parse({ from: 'yesterday', kind: 'deploys', meta_key: 'a b', action: 'deploy' });
    expect(search).toEqual({ action: 'deploy' });
  });

  it('accepts nested metadata keys joined by commas', () => {
    expect(parse({ meta_key: 'notifications,events' }).meta_key).toBe('notifications,events');
  });

  it('drops over-long text', () => {
    expect(parse({ user: 'x'.repeat(201) }).user).toBeUndefined();
  });
});

describe('toActivityFilters', () => {
  it('turns the time boxes into whole seconds, both ends included', () => {
    const filters = toActivityFilters(
      parse({ from: '2026-01-02T10:00:05.900Z', to: '2026-01-02T10:00:07.100Z' }),
    );
    expect(filters.from).toBe('2026-01-02T10:00:05.000Z');
    expect(filters.before).toBe('2026-01-02T10:00:08.000Z');
  });

  it('filters by a metadata value only with its key', () => {
    expect(toActivityFilters(parse({ meta_value: 'CR1' })).metadataValue).toBeUndefined();
    expect(toActivityFilters(parse({ meta_key: 'change_request', meta_value: 'CR1' }))).toEqual({
      metadataKey: 'change_request',
      metadataValue: 'CR1',
    });
  });

  it('gives equal filters for equal searches, whatever was left undefined', () => {
    expect(toActivityFilters(parse({ action: 'deploy', user: undefined }))).toEqual({ action: 'deploy' });
  });
});

describe('isFiltered', () => {
  it('is false for an empty search and true for any filter', () => {
    expect(isFiltered(parse({}))).toBe(false);
    expect(isFiltered(parse({ kind: 'change' }))).toBe(true);
  });
});
