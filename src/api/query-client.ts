import { QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from './errors';

// Query defaults (issue 4): reads retry with backoff when retrying can help (no answer, or a 5xx), waiting
// what the server's `Retry-After` asks when it says; a 4xx will not change by asking again. Mutations never retry on their own: repeating a POST could act twice.

export const MAX_RETRIES = 3;

export function isRetryable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
}

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error);
}

/** The longest wait before one retry, even when the server's `Retry-After` asks for more. */
const MAX_RETRY_WAIT_MS = 10_000;

/** 1 s, 2 s, 4 s, ... capped at 10 s. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, MAX_RETRY_WAIT_MS);
}

/** The wait before retry `attempt` (0 for the first): what the server asked for, else back-off; ≤ 10 s. */
export function retryWait(attempt: number, error: unknown): number {
  const asked = error instanceof ApiError ? error.retryAfterMs : null;
  return Math.min(asked ?? retryDelay(attempt), MAX_RETRY_WAIT_MS);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: retryWait,
        // Navigation revisits the same nodes constantly; 30 s of freshness saves refetching on every click.
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
