import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, ResponseFormatError } from './errors';
import { createQueryClient, retryDelay, shouldRetryQuery } from './query-client';

const apiError = (status: number) => new ApiError(status, []);

describe('query retries', () => {
  it('retries network failures and 5xx answers up to three times', () => {
    for (const error of [new NetworkError(new TypeError('Failed to fetch')), apiError(500), apiError(503)]) {
      expect(shouldRetryQuery(0, error)).toBe(true);
      expect(shouldRetryQuery(2, error)).toBe(true);
      expect(shouldRetryQuery(3, error)).toBe(false);
    }
  });

  it('never retries 4xx answers or malformed documents, which asking again will not change', () => {
    for (const error of [apiError(400), apiError(401), apiError(403), apiError(404), apiError(422)]) {
      expect(shouldRetryQuery(0, error)).toBe(false);
    }
    expect(shouldRetryQuery(0, new ResponseFormatError('GET /api/info', []))).toBe(false);
  });

  it('backs off exponentially up to ten seconds', () => {
    expect([0, 1, 2, 3, 4, 5].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('never retries mutations', () => {
    expect(createQueryClient().getDefaultOptions().mutations?.retry).toBe(false);
  });
});
