import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { apiRequest } from '@/api/client';
import { credentialsStore } from '@/api/credentials';
import { userKeys } from '@/api/users';
import { recordServerDenial, serverDenial } from '@/lib/server-denials';
import { setUpEmulator } from '@/test/emulator';
import { createAuth, watchSessionExpiry, watchSignOutElsewhere } from './auth';

setUpEmulator();

describe('auth', () => {
  it('signing in keeps the credentials and the user, after forgetting what was cached before', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['projects', 'list', {}], 'left over from someone else');
    const auth = createAuth(queryClient);

    auth.signIn({ username: 'viewer', password: 'viewer' }, null);

    expect(auth.isSignedIn()).toBe(true);
    expect(queryClient.getQueryData(['projects', 'list', {}])).toBeUndefined();
    expect(queryClient.getQueryState(userKeys.byName('viewer'))?.status).toBe('success');
  });

  it('signing out forgets the credentials at once and the cache after leaving the page', async () => {
    const queryClient = new QueryClient();
    const auth = createAuth(queryClient);
    auth.signIn({ username: 'viewer', password: 'viewer' }, null);
    queryClient.setQueryData(['projects', 'list', {}], 'data');
    const cacheWhileLeaving: unknown[] = [];

    await auth.signOut(() => {
      cacheWhileLeaving.push(queryClient.getQueryData(['projects', 'list', {}]));
      return Promise.resolve();
    });

    expect(credentialsStore.get()).toBeNull();
    expect(cacheWhileLeaving).toEqual(['data']);
    expect(queryClient.getQueryData(['projects', 'list', {}])).toBeUndefined();
  });

  it('signing out forgets the actions the server refused to the user who signed out', async () => {
    const queryClient = new QueryClient();
    const auth = createAuth(queryClient);
    auth.signIn({ username: 'viewer', password: 'viewer' }, null);
    const edit = { resource: '/projects/bank', action: 'edit' };
    recordServerDenial(queryClient, edit, 'You are not permitted to update /projects/bank');

    await auth.signOut(() => Promise.resolve());

    expect(serverDenial(queryClient, edit)).toBeNull();
  });

  it('a 401 to the stored credentials signs out and sends the user to sign in, once', async () => {
    const onExpired = vi.fn();
    const stop = watchSessionExpiry(new QueryClient(), onExpired);
    credentialsStore.set({ username: 'operator', password: 'changed-elsewhere' });

    await Promise.allSettled([apiRequest('/info'), apiRequest('/projects')]);
    stop();

    expect(credentialsStore.get()).toBeNull();
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('signing out tells the other tabs, but not when another tab told this one', async () => {
    const announceSignOut = vi.fn();
    const auth = createAuth(new QueryClient(), { announceSignOut });

    auth.signIn({ username: 'viewer', password: 'viewer' }, null);
    await auth.signOut(() => Promise.resolve());
    expect(announceSignOut).toHaveBeenCalledTimes(1);

    auth.signIn({ username: 'viewer', password: 'viewer' }, null);
    let heard: (() => void) | undefined;
    const leave = vi.fn(() => Promise.resolve());
    watchSignOutElsewhere(
      {
        onSignedOutElsewhere: (listener) => {
          heard = listener;
          return () => undefined;
        },
      },
      auth,
      leave,
    );
    heard?.();

    await vi.waitFor(() => {
      expect(leave).toHaveBeenCalledTimes(1);
    });
    expect(credentialsStore.get()).toBeNull();
    expect(announceSignOut).toHaveBeenCalledTimes(1);
  });
});
