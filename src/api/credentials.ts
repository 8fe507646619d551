import { useSyncExternalStore } from 'react';
import { z } from 'zod';

// The signed-in user's HTTP Basic credentials (domain §4: OpsChain has no sessions, so every request
// carries them). Kept in memory and in sessionStorage so a reload of the tab stays signed in; never in
// localStorage, a URL or a log. Closing the tab forgets them.

export interface Credentials {
  username: string;
  password: string;
}

const STORAGE_KEY = 'opschain-console.credentials';
const storedSchema = z.object({ username: z.string().min(1), password: z.string() });

type Listener = () => void;

export interface CredentialsStore {
  get: () => Credentials | null;
  set: (credentials: Credentials) => void;
  clear: () => void;
  subscribe: (listener: Listener) => () => void;
}

function readStorage(storage: Storage | undefined): Credentials | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (raw === null || raw === undefined) return null;
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // Unreadable or disabled storage: start signed out.
    return null;
  }
}

function writeStorage(storage: Storage | undefined, credentials: Credentials | null): void {
  try {
    if (credentials === null) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, JSON.stringify(credentials));
  } catch {
    // Storage full or disabled (private mode): the credentials still live in memory for this page.
  }
}

/** A store over the given storage (sessionStorage in the browser); tests pass their own. */
export function createCredentialsStore(storage: Storage | undefined): CredentialsStore {
  let current = readStorage(storage);
  const listeners = new Set<Listener>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => current,
    set: (credentials) => {
      current = { username: credentials.username, password: credentials.password };
      writeStorage(storage, current);
      emit();
    },
    clear: () => {
      if (current === null) return;
      current = null;
      writeStorage(storage, null);
      emit();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function browserSessionStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The console's one credentials store. */
export const credentialsStore: CredentialsStore = createCredentialsStore(browserSessionStorage());

/** The signed-in username, or null; re-renders when it changes. The password is never exposed here. */
export function useSignedInUsername(): string | null {
  return useSyncExternalStore(credentialsStore.subscribe, () => credentialsStore.get()?.username ?? null);
}

/** `Basic <base64(user:password)>`, UTF-8 encoded as RFC 7617 recommends. */
export function basicAuthorization({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
