import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, parseRetryAfter } from './errors';
import { retryWait } from './query-client';
import { retryRead } from './retry';

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-1', now)).toBeNull();
  });
});

describe('retryRead', () => {
  it('waits what Retry-After asks (at most 10 s), else backs off', () => {
    expect(retryWait(0, new ApiError(503, [], '', { retryAfterMs: 1000 }))).toBe(1000);
    expect(retryWait(2, new ApiError(503, [], '', { retryAfterMs: 1000 }))).toBe(1000);
    expect(retryWait(0, new ApiError(503, [], '', { retryAfterMs: 120_000 }))).toBe(10_000);
    expect(retryWait(1, new NetworkError(new TypeError('Failed to fetch')))).toBe(2000);
  });

  it('retries a 503 and tells each retry; never retries a 401', async () => {
    vi.useFakeTimers();
    try {
      const busy = new ApiError(503, [], '', { retryAfterMs: 1000 });
      const read = vi.fn().mockRejectedValueOnce(busy).mockResolvedValueOnce('ok');
      const onRetry = vi.fn();
      const result = retryRead(read, { onRetry });
      await vi.advanceTimersByTimeAsync(999);
      expect(read).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe('ok');
      expect(onRetry).toHaveBeenCalledWith({ retry: 1, retries: 3, waitMs: 1000, error: busy });

      const wrong = vi.fn().mockRejectedValue(new ApiError(401, []));
      await expect(retryRead(wrong)).rejects.toMatchObject({ status: 401 });
      expect(wrong).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const read = vi.fn().mockRejectedValue(new NetworkError(new TypeError('Failed to fetch')));
    const result = retryRead(read, { signal: controller.signal });
    await vi.waitFor(() => {
      expect(read).toHaveBeenCalledTimes(1);
    });
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(read).toHaveBeenCalledTimes(1);
  });
});
