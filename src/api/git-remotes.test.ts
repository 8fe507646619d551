import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { ApiError } from './errors';
import {
  archiveGitRemote,
  createGitRemote,
  deleteGitRemote,
  listGitRemotes,
  updateGitRemoteCredentials,
} from './git-remotes';

const emulator = setUpEmulator();

describe('Git remotes', () => {
  it('never hands out credentials: stored ones read as the placeholder', async () => {
    signInAs('opschain');
    const remote = await createGitRemote({
      projectCode: 'retail',
      attributes: { name: 'mirror', url: 'https://git.example.com/m.git', user: 'bot', password: 's3cret' },
    });

    expect(remote).toMatchObject({ user: '{{hidden}}', password: '{{hidden}}', ssh_key_data: null });
    expect(JSON.stringify(await listGitRemotes('retail'))).not.toContain('s3cret');
  });

  it('refuses to delete an active remote with a 422 on the record', async () => {
    signInAs('opschain');
    const remote = await createGitRemote({
      projectCode: 'retail',
      attributes: { name: 'active', url: 'https://git.example.com/a.git' },
    });

    const failure = await deleteGitRemote({ projectCode: 'retail', id: remote.id }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 422 });
    expect((failure as ApiError).byPointer()).toEqual({
      base: 'Git remote must be archived first before its credentials can be removed.',
    });
  });

  it('deletes an archived remote no change has used (204)', async () => {
    signInAs('opschain');
    const remote = await createGitRemote({
      projectCode: 'retail',
      attributes: { name: 'unused', url: 'https://git.example.com/u.git' },
    });
    await archiveGitRemote({ projectCode: 'retail', id: remote.id, archived: true });

    await expect(deleteGitRemote({ projectCode: 'retail', id: remote.id })).resolves.toEqual({
      outcome: 'deleted',
    });
    expect((await listGitRemotes('retail')).items.map((r) => r.name)).not.toContain('unused');
  });

  it('keeps a remote a change has used and reports that its credentials were removed (200)', async () => {
    signInAs('opschain');
    const [origin] = (await listGitRemotes('bank', { filters: { name_eq: 'origin' } })).items;
    if (origin === undefined) throw new Error('the demo seed has an origin remote on bank');
    const change = await emulator().app.inject({
      method: 'POST',
      url: '/api/projects/bank/environments/dev/changes',
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({
        data: { attributes: { action: 'hello', git_remote_name: 'origin', git_rev: 'main' } },
      }),
    });
    expect(change.statusCode).toBe(201);
    await archiveGitRemote({ projectCode: 'bank', id: origin.id, archived: true });

    const result = await deleteGitRemote({ projectCode: 'bank', id: origin.id });

    expect(result.outcome).toBe('credentials_removed');
    if (result.outcome !== 'credentials_removed') return;
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.remote).toMatchObject({ name: 'origin', user: null, password: null });
  });

  it('replaces an SSH key with a password by sending all three keys, clearing the key', async () => {
    signInAs('opschain');
    const remote = await createGitRemote({
      projectCode: 'retail',
      attributes: { name: 'switched', url: 'ssh://git@git.example.com/s.git', ssh_key_data: 'OLD KEY' },
    });
    expect(remote).toMatchObject({ user: null, password: null, ssh_key_data: '{{hidden}}' });

    const updated = await updateGitRemoteCredentials({
      projectCode: 'retail',
      id: remote.id,
      credentials: { user: 'bot', password: 's3cret' },
    });

    expect(updated).toMatchObject({ user: '{{hidden}}', password: '{{hidden}}', ssh_key_data: null });
    const stored = emulator()
      .app.emulator.db.prepare('SELECT user, password, ssh_key_data FROM git_remotes WHERE id = ?')
      .get(remote.id);
    expect(stored).toEqual({ user: 'bot', password: 's3cret', ssh_key_data: null });
  });
});
