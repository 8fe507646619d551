import type { QueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '@/api/client';
import { credentialsStore, type Credentials } from '@/api/credentials';
import { userKeys, type User } from '@/api/users';
import type { SessionShare } from './auth-session-share';

/** What routes need to know about the session (router context). */
export interface Auth {
  isSignedIn: () => boolean;
  /** Keeps credentials the server has accepted, with the user's record when it was readable. */
  signIn: (credentials: Credentials, user: User | null) => void;
  /**
   * Forgets the credentials and everything fetched with them. The cache is cleared only after
   * `leave` has taken the user off the signed-in pages, so that no page refetches without credentials.
   * Other tabs sign out too, unless `announce` is false (they already know).
   */
  signOut: (leave: () => Promise<unknown>, options?: { announce?: boolean }) => Promise<void>;
}

/** `share` tells the other tabs of a sign-out (see auth-session-share.ts); tests may leave it out. */
export function createAuth(queryClient: QueryClient, share?: Pick<SessionShare, 'announceSignOut'>): Auth {
  return {
    isSignedIn: () => credentialsStore.get() !== null,
    signIn(credentials, user) {
      // Whatever another user (or an expired session) left in the cache must not show.
      queryClient.clear();
      credentialsStore.set(credentials);
      queryClient.setQueryData(userKeys.byName(credentials.username), user);
    },
    async signOut(leave, { announce = true } = {}) {
      credentialsStore.clear();
      if (announce) share?.announceSignOut();
      await queryClient.cancelQueries();
      await leave();
      queryClient.clear();
    },
  };
}

/**
 * When the server stops accepting the stored credentials (password changed, account removed), forget
 * them and let `onExpired` send the user to sign-in, to come back to the page they were on.
 */
export function watchSessionExpiry(queryClient: QueryClient, onExpired: () => void): () => void {
  return onUnauthorized(() => {
    if (credentialsStore.get() === null) return;
    credentialsStore.clear();
    void queryClient.cancelQueries();
    onExpired();
  });
}

/**
 * When the user signs out in another tab, sign out here too: `leave` takes the user off the signed-in
 * pages (to sign-in) before the cache is cleared, as for a sign-out in this tab.
 */
export function watchSignOutElsewhere(
  share: Pick<SessionShare, 'onSignedOutElsewhere'>,
  auth: Auth,
  leave: () => Promise<unknown>,
): () => void {
  return share.onSignedOutElsewhere(() => {
    void auth.signOut(leave, { announce: false });
  });
}
