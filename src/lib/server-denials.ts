import { useSyncExternalStore } from 'react';

// Actions the server refused with a 403 although the node's `meta.authorisations` allowed them (the
// permissions changed after the page was read, or the server checks more than meta says). Such an action
// is then disabled with the server's reason instead of letting the user try again and fail again.
//
// A denial belongs to the node's data as it was read: it is kept in a WeakMap keyed by that object. The
// query cache hands out the same object until a refetch brings different data (TanStack Query's
// structural sharing), so the denial lasts until the node is read again with changed data, the page
// reloads, or another sign-in clears the cache; it never outlives the data it contradicts.

/** An action on a node that the server may refuse: `{ on: node, action: 'edit' }`. */
export interface DeniableAction {
  /** The node (or other resource) as the page read it: the same object the page renders from. */
  on: object;
  /** Which of its actions: `edit`, `archive`, `bookmarks`, `create-environment`. */
  action: string;
}

const denials = new WeakMap<object, Map<string, string>>();
const listeners = new Set<() => void>();
let version = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Remembers that the server refused the action, with its reason (`You are not permitted to update …`). */
export function recordServerDenial({ on, action }: DeniableAction, reason: string): void {
  const forNode = denials.get(on) ?? new Map<string, string>();
  forNode.set(action, reason);
  denials.set(on, forNode);
  version += 1;
  for (const listener of listeners) listener();
}

/** The server's reason for refusing the action, or null when it has not refused it. */
export function serverDenial({ on, action }: DeniableAction): string | null {
  return denials.get(on)?.get(action) ?? null;
}

/** Like `serverDenial`, and re-renders when a denial is recorded. Null for no action. */
export function useServerDenial(target: DeniableAction | undefined): string | null {
  // The version makes the snapshot change when anything is recorded; the reason is then read afresh.
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  return target === undefined ? null : serverDenial(target);
}
