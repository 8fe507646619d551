import { eventListDocumentSchema } from '@contract/event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseFormatError } from './errors';
import { parseList } from './json-api';

const event = (id: string, username: string | null) => ({
  type: 'event',
  id,
  attributes: { username, system: true, type: 'api:steps:update', created_at: '2026-12-01T10:00:00Z' },
});

const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

afterEach(() => {
  warn.mockClear();
});

describe('parseList', () => {
  it('shows the rows that match, flags the one that does not, and keeps the envelope', () => {
    const body = {
      data: [event('1', 'ana'), event('2', null), event('3', 'bo')],
      meta: { partial_response: true },
    };

    const list = parseList(eventListDocumentSchema, body, 'GET /api/events?a=1');

    expect(list.data.map((resource) => resource.id)).toEqual(['1', '3']);
    expect(list.meta?.partial_response).toBe(true);
    expect(list.unreadable).toEqual([
      { index: 1, id: '2', problems: [expect.stringMatching(/^attributes\.username: .*expected string/)] },
    ]);
  });

  it('reports the mismatch once per request, however often the list is read', () => {
    const body = { data: [event('1', null)], meta: { partial_response: false } };

    parseList(eventListDocumentSchema, body, 'GET /api/events?a=2');
    parseList(eventListDocumentSchema, body, 'GET /api/events?a=2');

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.join(' '))).toMatch(/GET \/api\/events\?a=2.*attributes\.username/);
  });

  it('reports the same mismatch again for another query of the list, without naming the query', () => {
    const body = { data: [event('1', null)], meta: { partial_response: false } };

    parseList(eventListDocumentSchema, body, 'GET /api/events', 'GET /api/events?filter[type_cont]=a');
    parseList(eventListDocumentSchema, body, 'GET /api/events', 'GET /api/events?filter[type_cont]=a');
    parseList(eventListDocumentSchema, body, 'GET /api/events', 'GET /api/events?filter[type_cont]=b');

    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('filter[');
  });

  it('still fails the list when the envelope itself does not match', () => {
    expect(() => parseList(eventListDocumentSchema, { data: 'nope' }, 'GET /api/events')).toThrow(
      ResponseFormatError,
    );
    expect(() =>
      parseList(eventListDocumentSchema, { data: [], meta: { partial_response: 'yes' } }, 'GET /api/events'),
    ).toThrow(ResponseFormatError);
  });
});
