import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLeaderPoller,
  type LeaderPoller,
  type PollerChannel,
  type PollerLocks,
  type PollOutcome,
} from './leader-poller';

// Each "tab" is a poller on its own endpoint of one fake BroadcastChannel, sharing one fake lock manager,
// as the documents of one browser would. Time is fake, so intervals pass at once.

const INTERVAL = 1000;

/** A BroadcastChannel: a message reaches every other open endpoint, asynchronously. */
function channelHub() {
  const endpoints = new Set<{ deliver: (data: unknown) => void }>();
  return {
    open(): PollerChannel {
      const listeners: ((event: MessageEvent) => void)[] = [];
      const endpoint = {
        deliver: (data: unknown) => {
          for (const listener of listeners) listener(new MessageEvent('message', { data }));
        },
      };
      endpoints.add(endpoint);
      return {
        postMessage(message) {
          const copy = structuredClone(message);
          for (const other of endpoints) {
            if (other !== endpoint)
              queueMicrotask(() => {
                other.deliver(copy);
              });
          }
        },
        addEventListener: (_type, listener) => {
          listeners.push(listener);
        },
        close: () => endpoints.delete(endpoint),
      };
    },
  };
}

/** Web Locks: one holder per name, the others queued in order; `crash` releases a holder that never ends. */
function fakeLocks() {
  interface Waiter {
    callback: () => Promise<void>;
    resolve: () => void;
    reject: (error: unknown) => void;
    crashed: boolean;
  }
  const queue: Waiter[] = [];
  let holder: Waiter | null = null;
  const grantNext = () => {
    const next = queue.shift();
    holder = next ?? null;
    if (next === undefined) return;
    void next.callback().finally(() => {
      if (holder === next && !next.crashed) {
        next.resolve();
        grantNext();
      }
    });
  };
  const locks: PollerLocks = {
    request: (_name, { signal }, callback) =>
      new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { callback, resolve, reject, crashed: false };
        signal.addEventListener('abort', () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) {
            queue.splice(index, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
        queue.push(waiter);
        if (holder === null) grantNext();
      }),
  };
  return {
    locks,
    /** The holding tab's process died: the browser frees its lock without its callback ending. */
    crashHolder() {
      if (holder === null) return;
      holder.crashed = true;
      grantNext();
    },
  };
}

interface Tab {
  poller: LeaderPoller;
  outcomes: PollOutcome<number>[];
  polls: () => number;
}

let hub = channelHub();
let lockManager = fakeLocks();
let serverCount = 0;
let tabs: Tab[] = [];

function openTab({ withLocks = true, failing = false } = {}): Tab {
  const outcomes: PollOutcome<number>[] = [];
  let polls = 0;
  const poller = createLeaderPoller<number>({
    name: 'inbox',
    intervalMs: INTERVAL,
    poll: () => {
      polls += 1;
      serverCount += 1;
      return failing ? Promise.reject(new Error('Server unavailable')) : Promise.resolve(serverCount);
    },
    parse: (payload) => (typeof payload === 'number' ? payload : null),
    onOutcome: (outcome) => outcomes.push(outcome),
    channel: hub.open(),
    locks: withLocks ? lockManager.locks : undefined,
  });
  const tab = { poller, outcomes, polls: () => polls };
  tabs.push(tab);
  return tab;
}

const totalPolls = () => tabs.reduce((sum, tab) => sum + tab.polls(), 0);
const lastPayload = (tab: Tab) => {
  const outcome = tab.outcomes.at(-1);
  return outcome?.ok === true ? outcome.payload : undefined;
};

beforeEach(() => {
  vi.useFakeTimers();
  hub = channelHub();
  lockManager = fakeLocks();
  serverCount = 0;
  tabs = [];
});

afterEach(() => {
  for (const tab of tabs) tab.poller.stop();
  vi.useRealTimers();
});

describe('one poll for all tabs', () => {
  it('only the leader polls; three tabs cost one tab’s requests and all see every result', async () => {
    const [a, b, c] = [openTab(), openTab(), openTab()];
    await vi.advanceTimersByTimeAsync(INTERVAL * 10 - 1);

    expect(a.polls()).toBe(10);
    expect(b.polls() + c.polls()).toBe(0);
    expect(lastPayload(a)).toBe(10);
    expect(lastPayload(b)).toBe(10);
    expect(lastPayload(c)).toBe(10);
    expect(a.poller.isPolling()).toBe(true);
    expect(b.poller.isPolling()).toBe(false);
  });

  it('a tab opened later gets the last result at once, without waiting an interval or polling', async () => {
    openTab();
    await vi.advanceTimersByTimeAsync(INTERVAL * 2 + 10);
    const late = openTab();
    await vi.advanceTimersByTimeAsync(1);

    expect(lastPayload(late)).toBe(3);
    expect(late.polls()).toBe(0);
  });

  it('when the leader closes, the next tab takes over at once and polling goes on', async () => {
    const [a, b, c] = [openTab(), openTab(), openTab()];
    await vi.advanceTimersByTimeAsync(INTERVAL * 2 + 10);
    a.poller.stop();
    await vi.advanceTimersByTimeAsync(1);

    expect(b.poller.isPolling()).toBe(true);
    expect(b.polls()).toBe(1);
    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(b.polls()).toBe(4);
    expect(c.polls()).toBe(0);
    expect(lastPayload(c)).toBe(serverCount);
  });

  it('when the leader crashes (its lock freed by the browser), another tab polls within one interval', async () => {
    const [a, b] = [openTab(), openTab()];
    await vi.advanceTimersByTimeAsync(10);
    const before = totalPolls();
    lockManager.crashHolder();
    // The crashed tab runs no more code.
    a.poller.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL);

    expect(b.poller.isPolling()).toBe(true);
    expect(totalPolls()).toBeGreaterThan(before);
  });

  it('a refresh from a listening tab makes the leader poll now, and every tab sees the result', async () => {
    const [a, b, c] = [openTab(), openTab(), openTab()];
    await vi.advanceTimersByTimeAsync(10);
    expect(a.polls()).toBe(1);

    b.poller.refresh();
    await vi.advanceTimersByTimeAsync(1);

    expect(a.polls()).toBe(2);
    expect(b.polls()).toBe(0);
    expect(lastPayload(b)).toBe(2);
    expect(lastPayload(c)).toBe(2);
  });

  it('a refresh during a running poll polls once more right after it', async () => {
    const pending: { release?: () => void } = {};
    let polls = 0;
    const outcomes: PollOutcome<number>[] = [];
    const poller = createLeaderPoller<number>({
      name: 'slow',
      intervalMs: INTERVAL,
      poll: () => {
        polls += 1;
        const n = polls;
        return new Promise<number>((resolve) => {
          pending.release = () => {
            resolve(n);
          };
        });
      },
      parse: () => null,
      onOutcome: (outcome) => outcomes.push(outcome),
      channel: null,
      locks: undefined,
    });
    tabs.push({ poller, outcomes, polls: () => polls });
    await vi.advanceTimersByTimeAsync(1);
    poller.refresh();
    pending.release?.();
    await vi.advanceTimersByTimeAsync(1);

    expect(polls).toBe(2);
  });

  it('without Web Locks every tab polls on its own', async () => {
    const [a, b] = [openTab({ withLocks: false }), openTab({ withLocks: false })];
    await vi.advanceTimersByTimeAsync(INTERVAL * 3 - 1);

    expect(a.polls()).toBe(3);
    expect(b.polls()).toBe(3);
    expect(a.poller.isPolling()).toBe(true);
    expect(b.poller.isPolling()).toBe(true);
  });

  it('a failed poll reaches every tab as an error, and polling goes on', async () => {
    const a = openTab({ failing: true });
    const b = openTab();
    await vi.advanceTimersByTimeAsync(INTERVAL + 10);

    expect(b.outcomes.at(-1)).toMatchObject({ ok: false, error: 'Server unavailable' });
    expect(a.polls()).toBe(2);
  });

  it('ignores messages it cannot read and payloads that do not parse', async () => {
    const a = openTab();
    const b = openTab();
    await vi.advanceTimersByTimeAsync(10);
    const seen = b.outcomes.length;
    const stranger = hub.open();
    stranger.postMessage({ type: 'outcome', at: Date.now() + 5, ok: true, payload: 'not a number' });
    stranger.postMessage({ type: 'something-else' });
    stranger.postMessage('hello');
    await vi.advanceTimersByTimeAsync(1);

    expect(b.outcomes.length).toBe(seen);
    expect(a.polls()).toBe(1);
  });

  it('an older result (a former leader’s slow poll) never replaces a newer one', async () => {
    openTab();
    const b = openTab();
    await vi.advanceTimersByTimeAsync(INTERVAL + 10);
    const stranger = hub.open();
    stranger.postMessage({ type: 'outcome', at: 0, ok: true, payload: 999 });
    await vi.advanceTimersByTimeAsync(1);

    expect(lastPayload(b)).toBe(2);
  });

  it('a stopped tab neither polls nor reports', async () => {
    const a = openTab();
    await vi.advanceTimersByTimeAsync(10);
    a.poller.stop();
    const polls = a.polls();
    const seen = a.outcomes.length;
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);

    expect(a.polls()).toBe(polls);
    expect(a.outcomes.length).toBe(seen);
    expect(a.poller.isPolling()).toBe(false);
  });
});
