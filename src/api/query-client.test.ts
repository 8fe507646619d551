import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('queries made through createQueryClient()', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Observes a query as useQuery does; the query function fails with `status` every time. */
  function failingQuery(client: QueryClient, status: number) {
    const queryFn = vi.fn(() => Promise.reject(apiError(status)));
    const observer = new QueryObserver(client, { queryKey: ['retry-test', status], queryFn });
    const unsubscribe = observer.subscribe(() => undefined);
    return { queryFn, observer, unsubscribe };
  }

  it('retry a 503 three times, 1 s, 2 s and 4 s apart, then report the error', async () => {
    vi.useFakeTimers();
    const { queryFn, observer, unsubscribe } = failingQuery(createQueryClient(), 503);

    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(queryFn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(queryFn).toHaveBeenCalledTimes(3);
    expect(observer.getCurrentResult().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(4000);
    expect(queryFn).toHaveBeenCalledTimes(4);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(queryFn).toHaveBeenCalledTimes(4);
    expect(observer.getCurrentResult().status).toBe('error');
    expect(observer.getCurrentResult().error).toMatchObject({ status: 503 });
    unsubscribe();
  });

  it('do not retry a 404: the error is reported after one request', async () => {
    vi.useFakeTimers();
    const { queryFn, observer, unsubscribe } = failingQuery(createQueryClient(), 404);

    await vi.advanceTimersByTimeAsync(0);
    expect(observer.getCurrentResult().status).toBe('error');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queryFn).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('wait what Retry-After asks before retrying a 503', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const queryFn = vi.fn(() => Promise.reject(new ApiError(503, [], '', { retryAfterMs: 3000 })));
    const observer = new QueryObserver(client, { queryKey: ['retry-after-test'], queryFn });
    const unsubscribe = observer.subscribe(() => undefined);

    await vi.advanceTimersByTimeAsync(2999);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(queryFn).toHaveBeenCalledTimes(2);
    unsubscribe();
  });
});
