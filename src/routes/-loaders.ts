import { notFound } from '@tanstack/react-router';
import type { QueryClient, QueryKey, UseSuspenseQueryOptions } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';

// Helpers for route loaders (the `-` keeps the router's generator from taking this file for a route).

/**
 * Makes sure a query has data before the route renders (cached data counts, even if stale: the page's
 * useSuspenseQuery refreshes it in the background).
 */
export function ensureLoaded<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: UseSuspenseQueryOptions<TData, Error, TData, TKey>,
): Promise<TData> {
  return queryClient.query({ ...options, staleTime: 'static' });
}

/** Like ensureLoaded, but a 404 from the API renders the route's "not found" page instead of an error. */
export async function ensureNode<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: UseSuspenseQueryOptions<TData, Error, TData, TKey>,
): Promise<TData> {
  try {
    return await ensureLoaded(queryClient, options);
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router shows the not-found page when notFound() is thrown
    if (isApiError(error, 404)) throw notFound();
    throw error;
  }
}

/**
 * Starts a request (on hover too, with intent preloading) without holding the route back: the page shows
 * its own loading state and, should the request fail, its own error with a Retry.
 */
export function prefetch<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: UseSuspenseQueryOptions<TData, Error, TData, TKey>,
): void {
  void queryClient.query(options).catch(() => undefined);
}
