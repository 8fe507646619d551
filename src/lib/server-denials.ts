import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

// Actions the server refused with a 403 although the node's `meta.authorisations` allowed them (the
// permissions changed after the page was read, or the server checks more than meta says). Such an action
// is then disabled with the server's reason instead of letting the user try again and fail again.
//
// The denials live in the query cache, beside the data they contradict, under `serverDenialKeys`: signing
// out clears the cache and so forgets them with everything else the old user was shown, and any component
// reading one re-renders when it is recorded. They are never fetched (no query function) and last until
// the cache is cleared (sign-out, another sign-in) or the page reloads. This module lives in lib, not api,
// because src/ui (GuardedButton) reads it and may import only lib.

/** An action on a resource that the server may refuse: `{ resource: '/projects/bank', action: 'edit' }`. */
export interface DeniableAction {
  /** What the action is on, as a path: a node's path (`/projects/bank`), or `/projects` for the list. */
  resource: string;
  /** Which of its actions: `edit`, `archive`, `bookmarks`, `create-environment`. */
  action: string;
}

export const serverDenialKeys = {
  all: ['server-denials'] as const,
  action: ({ resource, action }: DeniableAction) => [...serverDenialKeys.all, resource, action] as const,
};

/** Remembers that the server refused the action, with its reason (`You are not permitted to update …`). */
export function recordServerDenial(queryClient: QueryClient, target: DeniableAction, reason: string): void {
  // Never stale and never collected while the session lasts: there is nothing to refetch, and a denial
  // must not quietly lapse while its button is off screen.
  queryClient.setQueryDefaults(serverDenialKeys.all, { staleTime: Infinity, gcTime: Infinity });
  queryClient.setQueryData<string>(serverDenialKeys.action(target), reason);
}

/** The server's reason for refusing the action, or null when it has not refused it. */
export function serverDenial(queryClient: QueryClient, target: DeniableAction): string | null {
  return queryClient.getQueryData<string>(serverDenialKeys.action(target)) ?? null;
}

/** Like `serverDenial`, and re-renders when a denial is recorded or the cache is cleared. Null for no action. */
export function useServerDenial(target: DeniableAction | undefined): string | null {
  const queryClient = useQueryClient();
  const resource = target?.resource;
  const action = target?.action;
  // The cache's own listeners run as soon as data is set (an observer's are batched to a later tick), so
  // a button is denied in the same act() that records its denial.
  const subscribe = useCallback(
    (listener: () => void) => queryClient.getQueryCache().subscribe(listener),
    [queryClient],
  );
  const getSnapshot = () =>
    resource === undefined || action === undefined ? null : serverDenial(queryClient, { resource, action });
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
