import { isRetryable, MAX_RETRIES, retryWait } from './query-client';

// Retrying a safe read outside React Query (which retries queries itself, see query-client.ts): signing
// in checks the credentials with a GET before there is a session to keep a query for. The same rule
// applies: only failures that asking again can cure (no answer, a 5xx), at most MAX_RETRIES times.

/** Told before each retry, so the user can be told what is happening. */
export interface RetryNotice {
  /** 1 for the first retry. */
  retry: number;
  /** How many retries there will be at most. */
  retries: number;
  /** How long until this retry, in ms. */
  waitMs: number;
  /** The failure being retried. */
  error: unknown;
}

export interface RetryOptions {
  signal?: AbortSignal | undefined;
  onRetry?: ((notice: RetryNotice) => void) | undefined;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `read`, and again after a wait when it fails in a way that may pass; rejects with the last failure. */
export async function retryRead<T>(
  read: () => Promise<T>,
  { signal, onRetry }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (signal?.aborted === true || attempt >= MAX_RETRIES || !isRetryable(error)) throw error;
      const waitMs = retryWait(attempt, error);
      onRetry?.({ retry: attempt + 1, retries: MAX_RETRIES, waitMs, error });
      await wait(waitMs, signal);
    }
  }
}
