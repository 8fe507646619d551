import type { QueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '@/api/client';
import { credentialsStore, type Credentials } from '@/api/credentials';
import { userKeys, type User } from '@/api/users';

/** What routes need to know about the session (router context). */
export interface Auth {
  isSignedIn: () => boolean;
  /** Keeps credentials the server has accepted, with the user's record when it was readable. */
  signIn: (credentials: Credentials, user: User | null) => void;
  /** Forgets the credentials and everything fetched with them. */
  signOut: () => void;
}

export function createAuth(queryClient: QueryClient): Auth {
  return {
    isSignedIn: () => credentialsStore.get() !== null,
    signIn(credentials, user) {
      // Whatever another user (or an expired session) left in the cache must not show.
      queryClient.clear();
      credentialsStore.set(credentials);
      queryClient.setQueryData(userKeys.byName(credentials.username), user);
    },
    signOut() {
      credentialsStore.clear();
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
