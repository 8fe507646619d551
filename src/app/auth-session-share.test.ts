import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCredentialsStore, type CredentialsStore } from '@/api/credentials';
import {
  createSessionShare,
  SIGNED_IN_LOCK,
  type SessionLocks,
  type SessionShare,
} from './auth-session-share';

// Each "tab" is a credentials store (without storage) and a share on its own BroadcastChannel instance of
// one channel name, as two documents of the same origin would have.

const WAITS = { signedInTab: 2000, unknown: 200 };
let closers: (() => void)[] = [];
let channelName = '';

afterEach(() => {
  vi.useRealTimers();
  for (const close of closers) close();
  closers = [];
});

function newChannelName(): string {
  channelName = `session-share-test-${String(Math.random())}`;
  return channelName;
}

function openTab(locks?: SessionLocks): { store: CredentialsStore; share: SessionShare } {
  const store = createCredentialsStore(undefined);
  const channel = new BroadcastChannel(channelName);
  const share = createSessionShare({ store, channel, locks, waits: WAITS });
  closers.push(share.close);
  return { store, share };
}

/** Every message on the channel, as a third party of the same origin would see it. */
function listen(): unknown[] {
  const seen: unknown[] = [];
  const channel = new BroadcastChannel(channelName);
  channel.addEventListener('message', (event) => {
    seen.push(event.data);
  });
  closers.push(() => {
    channel.close();
  });
  return seen;
}

/** Web Locks as one browser shares them between its tabs. */
function browserLocks(): SessionLocks {
  const held: { name: string }[] = [];
  return {
    request: async (name, _options, callback) => {
      const lock = { name };
      held.push(lock);
      await callback();
      held.splice(held.indexOf(lock), 1);
    },
    query: () => Promise.resolve({ held: [...held] }),
  };
}

describe('sharing the session between tabs', () => {
  it('a new tab takes the session of a signed-in tab, without the password being typed again', async () => {
    newChannelName();
    const first = openTab();
    first.store.set({ username: 'operator', password: 'operator' });
    const second = openTab();

    await expect(second.share.restore()).resolves.toBe(true);

    expect(second.store.get()).toEqual({ username: 'operator', password: 'operator' });
  });

  it('a new tab stays signed out when no tab is signed in, after a short wait', async () => {
    newChannelName();
    const signedOut = openTab();
    const second = openTab();
    // Only the wait's timer is fake: the channel still delivers messages on its own.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const restored = second.share.restore().finally(() => {
      settled = true;
    });

    await vi.advanceTimersByTimeAsync(WAITS.unknown - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    await expect(restored).resolves.toBe(false);
    expect(second.store.get()).toBeNull();
    expect(signedOut.store.get()).toBeNull();
  });

  it('with Web Locks, a new tab does not wait when no tab holds the signed-in lock', async () => {
    newChannelName();
    const locks = browserLocks();
    const seen = listen();
    const first = openTab(locks);
    const second = openTab(locks);
    // With the clock stopped, a tab that waited would never answer.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await expect(second.share.restore()).resolves.toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    expect(seen).toEqual([]);
    vi.useRealTimers();

    // Once a tab is signed in it holds the lock, and a new tab asks it.
    first.store.set({ username: 'viewer', password: 'viewer' });
    expect((await locks.query()).held).toEqual([{ name: SIGNED_IN_LOCK }]);
    const third = openTab(locks);
    await expect(third.share.restore()).resolves.toBe(true);
    // Signing out lets the lock go; the lock is gone once no tab is signed in.
    first.store.clear();
    third.store.clear();
    await vi.waitFor(async () => {
      expect((await locks.query()).held).toEqual([]);
    });
  });

  it('only the asking tab takes the offer; the password travels only in answer to a request', async () => {
    newChannelName();
    const seen = listen();
    const first = openTab();
    first.store.set({ username: 'approver', password: 'approver' });
    const bystander = openTab();
    const asking = openTab();

    await asking.share.restore();

    expect(bystander.store.get()).toBeNull();
    await vi.waitFor(() => {
      expect(seen).toHaveLength(2);
    });
    expect(seen[0]).toMatchObject({ type: 'request' });
    expect(seen[1]).toMatchObject({
      type: 'offer',
      credentials: { username: 'approver', password: 'approver' },
    });
  });

  it('signing out in one tab is announced, and heard by the signed-in tabs only', async () => {
    newChannelName();
    const first = openTab();
    const second = openTab();
    const third = openTab();
    first.store.set({ username: 'operator', password: 'operator' });
    second.store.set({ username: 'operator', password: 'operator' });
    const secondHeard = vi.fn();
    const thirdHeard = vi.fn();
    second.share.onSignedOutElsewhere(secondHeard);
    third.share.onSignedOutElsewhere(thirdHeard);

    first.store.clear();
    first.share.announceSignOut();

    await vi.waitFor(() => {
      expect(secondHeard).toHaveBeenCalledTimes(1);
    });
    expect(thirdHeard).not.toHaveBeenCalled();
  });

  it('ignores messages it does not understand', async () => {
    newChannelName();
    const tab = openTab();
    tab.store.set({ username: 'operator', password: 'operator' });
    const heard = vi.fn();
    tab.share.onSignedOutElsewhere(heard);
    const stranger = new BroadcastChannel(channelName);

    stranger.postMessage({ type: 'signed-out-please' });
    stranger.postMessage('signed-out');
    stranger.postMessage({ type: 'offer', to: 'x', credentials: { username: '' } });
    // A channel delivers one sender's messages in order: once the tab answers a request sent after them,
    // it has handled the three above.
    const answers: unknown[] = [];
    stranger.addEventListener('message', (event) => {
      answers.push(event.data);
    });
    stranger.postMessage({ type: 'request', from: 'stranger' });
    await vi.waitFor(() => {
      expect(answers).toContainEqual(expect.objectContaining({ type: 'offer', to: 'stranger' }));
    });
    stranger.close();

    expect(heard).not.toHaveBeenCalled();
    expect(tab.store.get()).toEqual({ username: 'operator', password: 'operator' });
  });
});
