import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createLeaderPoller, type LeaderPoller, type PollOutcome } from '@/lib/leader-poller';
import { approvalKeys, parseInboxSnapshot, type InboxSnapshot, type InboxState } from './approvals';

// Keeps the approvals inbox of the query cache up to date for the whole console: one leader tab polls
// (src/lib/leader-poller.ts), every tab writes the outcome with setQueryData, so components just read
// `inboxQuery(username)`. Deciding an item removes it at once here and asks the leader to poll, so the
// other tabs follow within one request.

/** How often the leader polls. */
export const INBOX_POLL_MS = 5000;
/** How long an item decided here stays hidden from snapshots fetched before the decision. */
const DECIDED_MEMORY_MS = 60_000;

export interface InboxSync {
  /** Removes decided items from this tab at once and has every tab poll again. */
  markDecided: (keys: readonly string[]) => void;
  /** Asks for a fresh poll (the leader's) for every tab. */
  refresh: () => void;
}

const noSync: InboxSync = {
  markDecided: () => undefined,
  refresh: () => undefined,
};
const InboxSyncContext = createContext<InboxSync>(noSync);

export function useInboxSync(): InboxSync {
  return useContext(InboxSyncContext);
}

function withoutDecided(
  snapshot: InboxSnapshot,
  decided: Map<string, number>,
  polledAt: number,
): InboxSnapshot {
  if (decided.size === 0) return snapshot;
  const items = snapshot.items.filter((item) => {
    const at = decided.get(item.key);
    return at === undefined || polledAt > at;
  });
  return items.length === snapshot.items.length ? snapshot : { ...snapshot, items };
}

/**
 * The browser's Web Locks: missing outside secure contexts (and null in some test DOMs), although the DOM types
 * say `navigator.locks` is always there.
 */
function browserLocks(): LockManager | undefined {
  const candidate: unknown = Reflect.get(navigator, 'locks');
  return typeof LockManager !== 'undefined' && candidate instanceof LockManager ? candidate : undefined;
}

export interface InboxSyncProviderProps {
  /** The signed-in user; nothing is polled while null. */
  username: string | null;
  children: ReactNode;
}

export function InboxSyncProvider({ username, children }: InboxSyncProviderProps) {
  const queryClient = useQueryClient();
  const pollerRef = useRef<LeaderPoller | null>(null);
  const decidedRef = useRef(new Map<string, number>());

  useEffect(() => {
    if (username === null) return;
    const key = approvalKeys.inbox(username);
    const decided = decidedRef.current;
    const write = (outcome: PollOutcome<InboxSnapshot>) => {
      const now = Date.now();
      for (const [item, at] of decided) if (now - at > DECIDED_MEMORY_MS) decided.delete(item);
      queryClient.setQueryData<InboxState>(key, (previous) =>
        outcome.ok
          ? { snapshot: withoutDecided(outcome.payload, decided, outcome.at), error: null }
          : { snapshot: previous?.snapshot ?? null, error: outcome.error },
      );
    };
    // The fetching code (list schemas, joins) loads when this tab first polls: most tabs never do.
    let fetchInbox: ((signal: AbortSignal) => Promise<InboxSnapshot>) | null = null;
    const poll = async (signal: AbortSignal) => {
      fetchInbox ??= (await import('./approvals-fetch')).createInboxFetcher();
      return fetchInbox(signal);
    };
    const poller = createLeaderPoller<InboxSnapshot>({
      // Per user: tabs share one session, but a tab signed in as someone else must not mix inboxes. The
      // version changes when the snapshot's shape does.
      name: `opschain-console.approvals-inbox.v1.${username}`,
      intervalMs: INBOX_POLL_MS,
      poll,
      parse: parseInboxSnapshot,
      onOutcome: write,
      channel:
        typeof BroadcastChannel === 'undefined'
          ? null
          : new BroadcastChannel(`opschain-console.approvals-inbox.v1.${username}`),
      locks: browserLocks(),
    });
    pollerRef.current = poller;
    return () => {
      poller.stop();
      pollerRef.current = null;
    };
  }, [username, queryClient]);

  const sync = useMemo<InboxSync>(
    () => ({
      markDecided(keys) {
        if (username === null || keys.length === 0) return;
        const now = Date.now();
        for (const item of keys) decidedRef.current.set(item, now);
        const gone = new Set(keys);
        queryClient.setQueryData<InboxState>(approvalKeys.inbox(username), (previous) =>
          previous?.snapshot == null
            ? previous
            : {
                ...previous,
                snapshot: {
                  ...previous.snapshot,
                  items: previous.snapshot.items.filter((item) => !gone.has(item.key)),
                },
              },
        );
        pollerRef.current?.refresh();
      },
      refresh() {
        pollerRef.current?.refresh();
      },
    }),
    [username, queryClient],
  );

  return <InboxSyncContext.Provider value={sync}>{children}</InboxSyncContext.Provider>;
}
