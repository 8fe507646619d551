import { z } from 'zod';
import type { Credentials, CredentialsStore } from '@/api/credentials';

// Sharing the session with new tabs of the same browser (issue 9, defect 7). Credentials never go to rest:
// a tab without any asks the open tabs of the console over a BroadcastChannel, and one that is signed in
// answers with its own, which the new tab keeps in memory and sessionStorage like any sign-in. When the last
// tab closes, nobody is left to answer and the session ends, as before. Signing out in one tab tells the
// others to sign out too.
//
// Trust boundary: a BroadcastChannel reaches only documents of the same origin, and any script of that
// origin could read sessionStorage anyway, so this exposes the credentials to no one new. Nothing here logs.
//
// So that a new tab does not wait for answers that cannot come (the first tab of a browser), signed-in tabs
// hold a shared Web Lock while signed in: no holder means no tab to ask. Where Web Locks are missing (an
// insecure origin), the new tab waits a short moment instead.

export const SESSION_CHANNEL = 'opschain-console.session';
export const SIGNED_IN_LOCK = 'opschain-console.signed-in';

/** How long a new tab waits for an answer when a signed-in tab is known to be open (it may be busy). */
const SIGNED_IN_TAB_WAIT_MS = 3000;
/** How long it waits when it cannot tell whether any tab is signed in. */
const UNKNOWN_WAIT_MS = 400;

const credentialsSchema = z.object({ username: z.string().min(1), password: z.string() });

// Another tab's messages are parsed like any input: a different version of the console may be open.
const messageSchema = z.discriminatedUnion('type', [
  /** A tab without a session asks for one; `from` identifies it for the answer. */
  z.object({ type: z.literal('request'), from: z.string().min(1) }),
  /** A signed-in tab answers one asking tab. */
  z.object({ type: z.literal('offer'), to: z.string().min(1), credentials: credentialsSchema }),
  /** The user signed out in one tab: all sign out. */
  z.object({ type: z.literal('signed-out') }),
]);
type Message = z.infer<typeof messageSchema>;

/** The part of BroadcastChannel used here (tests pass their own channels). */
export interface SessionChannel {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
  close: () => void;
}

/** The part of Web Locks used here. */
export interface SessionLocks {
  request: (name: string, options: { mode: 'shared' }, callback: () => Promise<void>) => Promise<unknown>;
  query: () => Promise<{ held?: { name?: string }[] }>;
}

export interface SessionShareOptions {
  store: CredentialsStore;
  /** Null when the browser has no BroadcastChannel: then nothing is shared. */
  channel: SessionChannel | null;
  /** Undefined when the browser offers no Web Locks (insecure origins). */
  locks: SessionLocks | undefined;
  /** Waits in ms, shortened by tests. */
  waits?: { signedInTab: number; unknown: number };
}

export interface SessionShare {
  /**
   * For a tab without credentials: asks the open tabs for theirs and keeps the first offered. Resolves
   * whether the tab is signed in (at once when it already was, or when no tab is signed in).
   */
  restore: () => Promise<boolean>;
  /** Tells the other tabs that the user signed out. */
  announceSignOut: () => void;
  /** Calls `listener` when another tab signed out while this one is signed in. */
  onSignedOutElsewhere: (listener: () => void) => () => void;
  close: () => void;
}

function randomId(): string {
  // crypto.randomUUID exists only in secure contexts; getRandomValues everywhere.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** Whether any tab of this browser is signed in: true, false, or null when it cannot be told. */
async function isAnyTabSignedIn(locks: SessionLocks | undefined): Promise<boolean | null> {
  if (locks === undefined) return null;
  try {
    const { held = [] } = await locks.query();
    return held.some((lock) => lock.name === SIGNED_IN_LOCK);
  } catch {
    return null;
  }
}

/** Holds the shared lock while the store has credentials, so new tabs know there is someone to ask. */
function holdLockWhileSignedIn(store: CredentialsStore, locks: SessionLocks | undefined): () => void {
  if (locks === undefined) return () => undefined;
  let release: (() => void) | null = null;
  const update = () => {
    const isSignedIn = store.get() !== null;
    if (isSignedIn && release === null) {
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      locks.request(SIGNED_IN_LOCK, { mode: 'shared' }, () => held).catch(() => undefined);
    } else if (!isSignedIn && release !== null) {
      release();
      release = null;
    }
  };
  update();
  const unsubscribe = store.subscribe(update);
  return () => {
    unsubscribe();
    release?.();
    release = null;
  };
}

export function createSessionShare({
  store,
  channel,
  locks,
  waits = { signedInTab: SIGNED_IN_TAB_WAIT_MS, unknown: UNKNOWN_WAIT_MS },
}: SessionShareOptions): SessionShare {
  const tabId = randomId();
  const signOutListeners = new Set<() => void>();
  let acceptOffer: ((credentials: Credentials) => void) | null = null;
  const post = (message: Message) => {
    channel?.postMessage(message);
  };

  channel?.addEventListener('message', (event) => {
    const parsed = messageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'request') {
      const credentials = store.get();
      if (credentials !== null) post({ type: 'offer', to: message.from, credentials });
    } else if (message.type === 'offer') {
      if (message.to === tabId) acceptOffer?.(message.credentials);
    } else if (store.get() !== null) {
      for (const listener of signOutListeners) listener();
    }
  });
  const releaseLock = holdLockWhileSignedIn(store, locks);

  const ask = (waitMs: number) =>
    new Promise<Credentials | null>((resolve) => {
      const timer = setTimeout(() => {
        acceptOffer = null;
        resolve(null);
      }, waitMs);
      acceptOffer = (credentials) => {
        clearTimeout(timer);
        acceptOffer = null;
        resolve(credentials);
      };
      post({ type: 'request', from: tabId });
    });

  return {
    async restore() {
      if (store.get() !== null) return true;
      if (channel === null) return false;
      const anyone = await isAnyTabSignedIn(locks);
      if (anyone === false) return false;
      const credentials = await ask(anyone === true ? waits.signedInTab : waits.unknown);
      // Signed in some other way meanwhile: that wins.
      if (credentials !== null && store.get() === null) store.set(credentials);
      return store.get() !== null;
    },
    announceSignOut() {
      post({ type: 'signed-out' });
    },
    onSignedOutElsewhere(listener) {
      signOutListeners.add(listener);
      return () => {
        signOutListeners.delete(listener);
      };
    },
    close() {
      releaseLock();
      channel?.close();
    },
  };
}

/** The console's session sharing over the browser's BroadcastChannel and Web Locks, where they exist. */
export function browserSessionShare(store: CredentialsStore): SessionShare {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL);
  // `navigator.locks` is missing outside secure contexts, although the DOM types say it is always there.
  const locks: SessionLocks | undefined = 'locks' in navigator ? navigator.locks : undefined;
  return createSessionShare({ store, channel, locks });
}
