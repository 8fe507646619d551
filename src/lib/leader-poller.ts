import { z } from 'zod';

// One poll for all open tabs of the console (issue 14). Every tab asks for the same exclusive Web Lock; the
// tab holding it is the leader: it polls every `intervalMs` and broadcasts each outcome over a
// BroadcastChannel, and the other tabs only listen. The browser releases a lock when its tab closes or
// crashes, so the next tab in the lock's queue becomes leader at once and polls straight away: polling never
// pauses for more than one interval. A tab that changed something calls `refresh()`: the leader polls at
// once and every tab gets the new outcome. Where Web Locks are missing (insecure origins), every tab polls
// on its own, as if each were the leader; it still listens to the others' outcomes.
//
// Payloads cross the channel as structured clones; receivers parse them like any input (`parse`), since a
// tab running another version of the console may be open.

/** The part of BroadcastChannel used here (tests pass fakes). */
export interface PollerChannel {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
  close: () => void;
}

/** The part of Web Locks used here. */
export interface PollerLocks {
  request: (
    name: string,
    options: { mode: 'exclusive'; signal: AbortSignal },
    callback: () => Promise<void>,
  ) => Promise<unknown>;
}

/** One poll's result as every tab sees it: the payload, or why the poll failed. `at`: when it started. */
export type PollOutcome<T> = { ok: true; payload: T; at: number } | { ok: false; error: string; at: number };

export interface LeaderPollerOptions<T> {
  /** Names the lock and the channel; tabs with the same name share one poll. */
  name: string;
  intervalMs: number;
  /** Fetches the payload (only the leader calls it). The result must survive structured cloning. */
  poll: (signal: AbortSignal) => Promise<T>;
  /** Checks a payload that came from another tab; null when it cannot be read. */
  parse: (payload: unknown) => T | null;
  /** Called with every outcome, the tab's own and those broadcast by the leader. */
  onOutcome: (outcome: PollOutcome<T>) => void;
  /** Called when this tab becomes or stops being the one that polls. */
  onRoleChange?: (isPolling: boolean) => void;
  /** Null without BroadcastChannel: then each tab polls for itself only. */
  channel: PollerChannel | null;
  /** Undefined without Web Locks: then each tab polls. */
  locks: PollerLocks | undefined;
  /** Turns a failed poll into the sentence the tabs show. */
  describeError?: (error: unknown) => string;
  now?: () => number;
}

export interface LeaderPoller {
  /** Polls now (through the leader when this tab is not it), so every tab sees a change at once. */
  refresh: () => void;
  /** Whether this tab polls (the leader, or every tab without Web Locks). */
  isPolling: () => boolean;
  /** Stops polling and listening, and lets another tab lead. */
  stop: () => void;
}

const messageSchema = z.discriminatedUnion('type', [
  /** The leader's outcome of one poll. */
  z.object({
    type: z.literal('outcome'),
    at: z.number(),
    ok: z.boolean(),
    payload: z.unknown(),
    error: z.string().optional(),
  }),
  /** A tab asks the leader to poll now (it changed something, or it just opened and has nothing yet). */
  z.object({ type: z.literal('refresh') }),
  /** A tab just opened: the leader repeats its last outcome. */
  z.object({ type: z.literal('hello') }),
]);
type Message = z.infer<typeof messageSchema>;

function defaultDescribe(error: unknown): string {
  return error instanceof Error ? error.message : 'The poll failed.';
}

export function createLeaderPoller<T>(options: LeaderPollerOptions<T>): LeaderPoller {
  const { intervalMs, poll, parse, onOutcome, channel, locks } = options;
  const describeError = options.describeError ?? defaultDescribe;
  const now = options.now ?? Date.now;
  const stopController = new AbortController();
  let isStopped = false;
  let isPollingTab = false;
  let last: PollOutcome<T> | null = null;
  /** Wakes the leader's wait between polls; set while it waits. */
  let wake: (() => void) | null = null;
  /** A refresh asked for while a poll was running: poll again once it ends. */
  let isRefreshPending = false;

  const post = (message: Message) => {
    channel?.postMessage(message);
  };

  /** Takes an outcome unless a newer one was already taken (a slow poll of a former leader). */
  const accept = (outcome: PollOutcome<T>) => {
    if (last !== null && outcome.at < last.at) return;
    last = outcome;
    onOutcome(outcome);
  };

  const broadcast = (outcome: PollOutcome<T>) => {
    post(
      outcome.ok
        ? { type: 'outcome', at: outcome.at, ok: true, payload: outcome.payload }
        : { type: 'outcome', at: outcome.at, ok: false, payload: null, error: outcome.error },
    );
  };

  const pollOnce = async () => {
    const at = now();
    let outcome: PollOutcome<T>;
    try {
      outcome = { ok: true, payload: await poll(stopController.signal), at };
    } catch (error) {
      if (isStopped) return;
      outcome = { ok: false, error: describeError(error), at };
    }
    if (isStopped) return;
    accept(outcome);
    broadcast(outcome);
  };

  const waitInterval = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, intervalMs);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const setRole = (isPolling: boolean) => {
    if (isPollingTab === isPolling) return;
    isPollingTab = isPolling;
    options.onRoleChange?.(isPolling);
  };

  const hasPendingWork = () => isStopped || isRefreshPending;

  /** The leader's loop: poll, wait an interval (or until a refresh), repeat until stopped. */
  const lead = async () => {
    setRole(true);
    try {
      while (!isStopped) {
        isRefreshPending = false;
        await pollOnce();
        // Both may have changed while the poll ran (stop, a refresh from another tab).
        if (!hasPendingWork()) await waitInterval();
      }
    } finally {
      setRole(false);
    }
  };

  const refreshHere = () => {
    if (wake !== null) wake();
    else isRefreshPending = true;
  };

  channel?.addEventListener('message', (event) => {
    if (isStopped) return;
    const parsed = messageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'refresh') {
      if (isPollingTab) refreshHere();
    } else if (message.type === 'hello') {
      if (isPollingTab && last !== null) broadcast(last);
    } else if (message.ok) {
      const payload = parse(message.payload);
      if (payload !== null) accept({ ok: true, payload, at: message.at });
    } else {
      accept({ ok: false, error: message.error ?? 'The poll failed.', at: message.at });
    }
  });

  if (locks === undefined) {
    void lead();
  } else {
    locks
      .request(options.name, { mode: 'exclusive', signal: stopController.signal }, lead)
      // Aborted while queued (the tab stopped), or the lock manager refused: poll alone rather than never.
      .catch(() => (isStopped ? undefined : lead()));
    // A tab that opens while another leads asks for the last outcome instead of waiting an interval.
    post({ type: 'hello' });
  }

  return {
    refresh() {
      if (isStopped) return;
      if (isPollingTab) refreshHere();
      post({ type: 'refresh' });
    },
    isPolling: () => isPollingTab,
    stop() {
      if (isStopped) return;
      isStopped = true;
      stopController.abort();
      wake?.();
      channel?.close();
    },
  };
}
