import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorFetch, setUpEmulator, signInAs } from '@/test/emulator';
import { ApiError } from './errors';
import { findUser, listGroups, verifyCredentials } from './users';

const emulator = setUpEmulator();

afterEach(() => {
  vi.stubGlobal('fetch', emulatorFetch(emulator().app));
});

describe('verifyCredentials', () => {
  it('resolves with the user’s record and groups when the password is right', async () => {
    const user = await verifyCredentials({ username: 'approver', password: 'approver' });

    expect(user).toMatchObject({ username: 'approver', groupnames: ['approvers', 'qa'] });
  });

  it('rejects with ApiError 401 when the password is wrong', async () => {
    const error = await verifyCredentials({ username: 'approver', password: 'nope' }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
  });

  it('accepts the password when the user may not list users (403 still proves authentication)', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(
          JSON.stringify({ errors: [{ status: 403, title: 'You are not permitted to list users' }] }),
          {
            status: 403,
          },
        ),
      ),
    );

    await expect(verifyCredentials({ username: 'someone', password: 'secret' })).resolves.toBeNull();
  });
});

describe('users and groups', () => {
  it('finds the signed-in user by exact username', async () => {
    signInAs('viewer');

    await expect(findUser('viewer')).resolves.toMatchObject({ username: 'viewer', groupnames: ['viewers'] });
    await expect(findUser('nobody')).resolves.toBeNull();
  });

  it('lists LDAP groups with their DNs as ids', async () => {
    signInAs('viewer');

    const { items: groups } = await listGroups({ filters: { cn_eq: 'qa' } });

    expect(groups).toEqual([
      expect.objectContaining({ id: 'cn=qa,ou=groups,dc=opschain,dc=io', cn: 'qa', alternative_cns: [] }),
    ]);
  });
});
