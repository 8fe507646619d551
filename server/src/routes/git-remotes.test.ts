import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { insertPolicy } from '../seeds/policies.ts';

interface RemoteResource {
  id: string;
  type: string;
  attributes: {
    name: string;
    url: string;
    archived: boolean;
    user: string | null;
    password: string | null;
    ssh_key_data: string | null;
  };
  links: Record<string, string>;
  meta: { credentials_removed: boolean; messages: string[] } | null;
}
interface RemoteDoc {
  data: RemoteResource;
}
interface RemoteList {
  data: RemoteResource[];
}
interface ErrorDoc {
  errors: { status: number; title: string; source?: { pointer: string }; meta?: { message: string } }[];
}

// The contract requires all three credential keys on create and on a credentials update, null where unset.
const NO_CREDENTIALS = { user: null, password: null, ssh_key_data: null };
const LIST = '/api/projects/{project_code}/git_remotes';
const SHOW = '/api/projects/{project_code}/git_remotes/{remote_id}';
const ARCHIVE = '/api/projects/{project_code}/git_remotes/{id_to_archive}';
const UPDATE = '/api/projects/{project_code}/git_remotes/{id_to_update}';
const DELETE = '/api/projects/{project_code}/git_remotes/{id_to_delete}';

const SECRET_PASSWORD = 'pa55-Zx9-never-shown';
const SECRET_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-key-material-Q7\n-----END OPENSSH PRIVATE KEY-----\n';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function db() {
  return emu.app.emulator.db;
}

function titles(body: unknown): string[] {
  return (body as ErrorDoc).errors.map((e) => e.title);
}

async function createRemote(name: string, extra: Record<string, unknown> = {}): Promise<RemoteResource> {
  const res = await emu.request(
    'operator',
    'POST',
    '/api/projects/bank/git_remotes',
    attrs({
      name,
      url: `https://git.example.com/bank/${name}.git`,
      user: null,
      password: null,
      ssh_key_data: null,
      ...extra,
    }),
  );
  expect(res.status).toBe(201);
  return (res.body as RemoteDoc).data;
}

async function archive(id: string): Promise<void> {
  const res = await emu.request(
    'operator',
    'PATCH',
    `/api/projects/bank/git_remotes/${id}`,
    attrs({ archived: true }),
  );
  expect(res.status).toBe(200);
}

describe('listing and showing Git remotes', () => {
  it("lists a project's remotes with stored credentials hidden and unset ones null", async () => {
    const bank = await emu.contract('viewer', 'GET', '/api/projects/bank/git_remotes', LIST);
    expect(bank.status).toBe(200);
    const [origin] = (bank.body as RemoteList).data;
    expect(origin?.attributes).toMatchObject({
      name: 'origin',
      url: 'https://git.example.com/bank/opschain-actions.git',
      user: '{{hidden}}',
      password: '{{hidden}}',
      ssh_key_data: null,
    });
    expect(origin?.links).toEqual({
      project: '/api/projects/bank',
      self: `/api/projects/bank/git_remotes/${origin?.id ?? ''}`,
    });
    expect(origin?.meta).toBeNull();
    expect(bank.text).not.toContain('demo-token');

    const retail = await emu.request('viewer', 'GET', '/api/projects/retail/git_remotes');
    expect((retail.body as RemoteList).data[0]?.attributes).toMatchObject({
      user: null,
      password: null,
      ssh_key_data: null,
    });
  });

  it('lists remotes of Standard projects too', async () => {
    const res = await emu.request('operator', 'GET', '/api/projects/website/git_remotes');
    expect((res.body as RemoteList).data.map((r) => r.attributes.name)).toEqual(['origin']);
  });

  it('shows one remote, url included, and answers 404 for unknown projects and ids', async () => {
    const list = await emu.request('operator', 'GET', '/api/projects/bank/git_remotes');
    const id = (list.body as RemoteList).data[0]?.id ?? '';
    const one = await emu.contract('operator', 'GET', `/api/projects/bank/git_remotes/${id}`, SHOW);
    expect((one.body as RemoteDoc).data.attributes.url).toBe(
      'https://git.example.com/bank/opschain-actions.git',
    );

    expect((await emu.contract('operator', 'GET', '/api/projects/nope/git_remotes', LIST)).status).toBe(404);
    expect(
      (await emu.contract('operator', 'GET', '/api/projects/bank/git_remotes/not-a-uuid', SHOW)).status,
    ).toBe(404);
    // A remote is found only under its own project.
    expect((await emu.request('operator', 'GET', `/api/projects/retail/git_remotes/${id}`)).status).toBe(404);
  });

  it('filters and sorts remotes', async () => {
    await createRemote('zeta');
    await createRemote('alpha');
    const sorted = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/git_remotes?filter[sorts]=name%20desc',
    );
    const names = (sorted.body as RemoteList).data.map((r) => r.attributes.name);
    expect(names).toEqual([...names].sort().reverse());
    const one = await emu.request('operator', 'GET', '/api/projects/bank/git_remotes?filter[name_eq]=alpha');
    expect((one.body as RemoteList).data.map((r) => r.attributes.name)).toEqual(['alpha']);
    const cont = await emu.request('operator', 'GET', '/api/projects/bank/git_remotes?filter[url_cont]=zeta');
    expect((cont.body as RemoteList).data.map((r) => r.attributes.name)).toEqual(['zeta']);
  });

  it('does not let a filter probe the stored credentials', async () => {
    const res = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/git_remotes?filter[password_eq]=wrong-guess',
    );
    // Unknown filter attributes are ignored (ransack's default), so the answer reveals nothing.
    expect((res.body as RemoteList).data.length).toBeGreaterThan(0);
    const right = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/git_remotes?filter[password_eq]=demo-token',
    );
    expect((right.body as RemoteList).data.length).toBe((res.body as RemoteList).data.length);
  });

  it('hides the remotes of a project whose git_remotes path the caller may not read', async () => {
    const own = await startEmulator();
    try {
      insertPolicy(
        own.app.emulator,
        { name: 'No bank remotes for viewers', description: null },
        [
          {
            name: 'Hide bank remotes',
            path: '^/projects/bank/git_remotes',
            read: false,
            update: false,
            execute: false,
          },
        ],
        [{ groupname: 'viewers' }],
      );
      own.app.emulator.authzChanged();
      expect((await own.request('viewer', 'GET', '/api/projects/bank/git_remotes')).status).toBe(404);
      expect((await own.request('viewer', 'GET', '/api/projects/retail/git_remotes')).status).toBe(200);
      expect((await own.request('operator', 'GET', '/api/projects/bank/git_remotes')).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('creating Git remotes', () => {
  it('creates a remote, stores its credentials and never answers them', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      LIST,
      attrs({
        name: 'mirror',
        url: 'git@github.com:bank/actions.git',
        user: 'bot',
        password: SECRET_PASSWORD,
        ssh_key_data: SECRET_KEY,
      }),
    );
    expect(res.status).toBe(201);
    const remote = (res.body as RemoteDoc).data;
    expect(remote.type).toBe('git_remote');
    expect(remote.attributes).toMatchObject({
      name: 'mirror',
      archived: false,
      user: '{{hidden}}',
      password: '{{hidden}}',
      ssh_key_data: '{{hidden}}',
    });
    expect(res.text).not.toContain(SECRET_PASSWORD);
    expect(res.text).not.toContain('secret-key-material');
    const stored = db()
      .prepare('SELECT user, password, ssh_key_data FROM git_remotes WHERE id = ?')
      .get(remote.id);
    expect(stored).toEqual({ user: 'bot', password: SECRET_PASSWORD, ssh_key_data: SECRET_KEY });
  });

  it('records a system event without the credentials', async () => {
    await createRemote('evented', { password: SECRET_PASSWORD });
    const event = db()
      .prepare(
        "SELECT username, payload, source_type FROM events WHERE type = 'api:git_remotes:create' ORDER BY created_at DESC",
      )
      .get() as { username: string; payload: string; source_type: string };
    expect(event.username).toBe('operator');
    expect(event.source_type).toBe('git_remote');
    expect(event.payload).toContain('evented');
    expect(event.payload).not.toContain(SECRET_PASSWORD);
  });

  it('answers 422 with pointers for a blank name and url', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      LIST,
      attrs({ ...NO_CREDENTIALS, name: ' ', url: '' }),
    );
    expect(res.status).toBe(422);
    expect((res.body as ErrorDoc).errors.map((e) => [e.source?.pointer, e.title])).toEqual([
      ['/data/attributes/name', "Name can't be blank"],
      ['/data/attributes/url', "Url can't be blank"],
    ]);
  });

  it('refuses duplicate names, non-Git URLs, URLs carrying a password and non-string credentials', async () => {
    const dup = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      attrs({ ...NO_CREDENTIALS, name: 'origin', url: 'https://x.example/r.git' }),
    );
    expect(titles(dup.body)).toEqual(['Name has already been taken']);
    const bad = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      attrs({ ...NO_CREDENTIALS, name: 'bad', url: 'not a url' }),
    );
    expect(titles(bad.body)).toEqual(['Url is not a valid Git URL']);
    const leaky = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      attrs({
        ...NO_CREDENTIALS,
        name: 'leaky',
        url: `https://bot:${SECRET_PASSWORD}@git.example.com/r.git`,
      }),
    );
    expect(leaky.status).toBe(422);
    expect(leaky.text).not.toContain(SECRET_PASSWORD);
    const typed = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      attrs({ ...NO_CREDENTIALS, name: 'typed', url: 'https://x.example/r.git', password: 42 }),
    );
    expect(typed.status).toBe(422);
    expect((typed.body as ErrorDoc).errors[0]?.source?.pointer).toBe('/data/attributes/password');
  });

  it('answers 400 for unpermitted parameters and a missing body, 404 for an unknown project', async () => {
    const extra = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/git_remotes',
      LIST,
      attrs({ ...NO_CREDENTIALS, name: 'x', url: 'https://x.example/r.git', invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    expect((extra.body as ErrorDoc).errors[0]?.meta?.message).toBe('found unpermitted parameter: :invalid');
    const missing = await emu.contract('operator', 'POST', '/api/projects/bank/git_remotes', LIST, {
      nothing: true,
    });
    expect(missing.status).toBe(400);
    const unknown = await emu.contract(
      'operator',
      'POST',
      '/api/projects/nope/git_remotes',
      LIST,
      attrs({ ...NO_CREDENTIALS, name: 'x', url: 'https://x.example/r.git' }),
    );
    expect(unknown.status).toBe(404);
  });

  it('refuses remote management to the viewer with 403', async () => {
    const res = await emu.request(
      'viewer',
      'POST',
      '/api/projects/retail/git_remotes',
      attrs({ ...NO_CREDENTIALS, name: 'v', url: 'https://x.example/r.git' }),
    );
    expect(res.status).toBe(403);
    expect(titles(res.body)[0]).toMatch(/not permitted/);
    expect(db().prepare("SELECT 1 FROM git_remotes WHERE name = 'v'").get()).toBeUndefined();
  });
});

describe('updating Git remotes', () => {
  it('archives and unarchives a remote', async () => {
    const remote = await createRemote('to_archive');
    const url = `/api/projects/bank/git_remotes/${remote.id}`;
    const archived = await emu.contract('operator', 'PATCH', url, ARCHIVE, attrs({ archived: true }));
    expect((archived.body as RemoteDoc).data.attributes.archived).toBe(true);
    const restored = await emu.contract('operator', 'PATCH', url, ARCHIVE, attrs({ archived: false }));
    expect((restored.body as RemoteDoc).data.attributes.archived).toBe(false);
    const listed = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/git_remotes?filter[archived_eq]=true',
    );
    expect((listed.body as RemoteList).data.map((r) => r.id)).not.toContain(remote.id);
  });

  it('unschedules the scheduled changes that use a remote when it is archived', async () => {
    const remote = await createRemote('scheduled_remote');
    const schedule = await emu.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      attrs({
        parent_path: '/projects/bank/environments/dev',
        action: 'hello',
        git_remote_name: 'scheduled_remote',
        git_rev: 'main',
        cron_schedule: '0 3 * * *',
        repeat: true,
        new_commits_only: false,
      }),
    );
    expect(schedule.status).toBe(201);
    const scheduleId = (schedule.body as { data: { id: string } }).data.id;
    await archive(remote.id);
    expect((await emu.request('operator', 'GET', `/api/scheduled_activities/${scheduleId}`)).status).toBe(
      404,
    );
    const deleted = await emu.request('operator', 'DELETE', `/api/projects/bank/git_remotes/${remote.id}`);
    expect(deleted.status).toBe(204);
  });

  it('replaces all three credentials, clearing the ones sent as null', async () => {
    const remote = await createRemote('creds', {
      user: 'old-user',
      password: 'old-pass',
      ssh_key_data: 'old-key',
    });
    const url = `/api/projects/bank/git_remotes/${remote.id}`;
    const res = await emu.contract(
      'operator',
      'PATCH',
      url,
      UPDATE,
      attrs({ user: 'new-user', password: SECRET_PASSWORD, ssh_key_data: null }),
    );
    expect(res.status).toBe(200);
    expect((res.body as RemoteDoc).data.attributes).toMatchObject({
      user: '{{hidden}}',
      password: '{{hidden}}',
      ssh_key_data: null,
    });
    expect(res.text).not.toContain(SECRET_PASSWORD);
    expect(
      db().prepare('SELECT user, password, ssh_key_data FROM git_remotes WHERE id = ?').get(remote.id),
    ).toEqual({
      user: 'new-user',
      password: SECRET_PASSWORD,
      ssh_key_data: null,
    });
    const event = db()
      .prepare("SELECT payload FROM events WHERE type = 'api:git_remotes:update' ORDER BY created_at DESC")
      .get() as {
      payload: string;
    };
    expect(event.payload).not.toContain(SECRET_PASSWORD);
  });

  it('refuses a credentials update that leaves a key out (422 on it), keeping the stored ones', async () => {
    const remote = await createRemote('partial', { ssh_key_data: 'old-key' });
    const url = `/api/projects/bank/git_remotes/${remote.id}`;
    const res = await emu.contract(
      'operator',
      'PATCH',
      url,
      UPDATE,
      attrs({ user: 'new-user', password: SECRET_PASSWORD }),
    );
    expect(res.status).toBe(422);
    expect((res.body as ErrorDoc).errors.map((e) => [e.source?.pointer, e.title])).toEqual([
      ['/data/attributes/ssh_key_data', 'Ssh key data must be sent (as null when it has no value)'],
    ]);
    expect(
      db().prepare('SELECT user, password, ssh_key_data FROM git_remotes WHERE id = ?').get(remote.id),
    ).toEqual({ user: null, password: null, ssh_key_data: 'old-key' });
  });

  it('answers 400 when archive and credential changes are mixed, 422 for a non-boolean archived', async () => {
    const remote = await createRemote('mixed');
    const url = `/api/projects/bank/git_remotes/${remote.id}`;
    const mixed = await emu.contract(
      'operator',
      'PATCH',
      url,
      UPDATE,
      attrs({ archived: true, password: 'x' }),
    );
    expect(mixed.status).toBe(400);
    expect((mixed.body as ErrorDoc).errors[0]?.meta?.message).toBe('found unpermitted parameter: :password');
    const odd = await emu.request('operator', 'PATCH', url, attrs({ archived: 'maybe' }));
    expect(odd.status).toBe(422);
    const unknown = await emu.contract('operator', 'PATCH', url, UPDATE, attrs({ invalid: true }));
    expect(unknown.status).toBe(400);
  });

  it('answers 404 for an unknown remote and 403 to the viewer', async () => {
    const missing = await emu.contract(
      'operator',
      'PATCH',
      '/api/projects/bank/git_remotes/nope',
      ARCHIVE,
      attrs({ archived: true }),
    );
    expect(missing.status).toBe(404);
    const remote = await createRemote('viewer_target');
    const res = await emu.request(
      'viewer',
      'PATCH',
      `/api/projects/bank/git_remotes/${remote.id}`,
      attrs({ archived: true }),
    );
    expect(res.status).toBe(403);
    const approver = await emu.request(
      'approver',
      'PATCH',
      `/api/projects/bank/git_remotes/${remote.id}`,
      attrs({ ...NO_CREDENTIALS, user: 'x' }),
    );
    expect(approver.status).toBe(403);
  });
});

describe('deleting Git remotes', () => {
  it('refuses to delete an unarchived remote with 422 on base', async () => {
    const remote = await createRemote('live');
    const res = await emu.contract(
      'operator',
      'DELETE',
      `/api/projects/bank/git_remotes/${remote.id}`,
      DELETE,
    );
    expect(res.status).toBe(422);
    expect((res.body as ErrorDoc).errors).toEqual([
      {
        status: 422,
        code: 'model error',
        title: 'Git remote must be archived first before its credentials can be removed.',
        source: { pointer: '/data/attributes/base' },
      },
    ]);
    expect(db().prepare('SELECT 1 AS present FROM git_remotes WHERE id = ?').get(remote.id)).toEqual({
      present: 1,
    });
  });

  it('deletes an archived remote never used by a change (204)', async () => {
    const remote = await createRemote('unused', { password: 'p' });
    await archive(remote.id);
    const res = await emu.contract(
      'operator',
      'DELETE',
      `/api/projects/bank/git_remotes/${remote.id}`,
      DELETE,
    );
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await emu.request('operator', 'GET', `/api/projects/bank/git_remotes/${remote.id}`)).status).toBe(
      404,
    );
    expect(db().prepare("SELECT 1 FROM events WHERE type = 'api:git_remotes:destroy'").get()).toBeDefined();
  });

  it('keeps an archived remote used by a change and wipes its credentials (200 with meta)', async () => {
    const remote = await createRemote('used', { user: 'u', password: SECRET_PASSWORD });
    await archive(remote.id);
    db().prepare('UPDATE git_remotes SET used_by_change = 1 WHERE id = ?').run(remote.id);
    const res = await emu.contract(
      'operator',
      'DELETE',
      `/api/projects/bank/git_remotes/${remote.id}`,
      DELETE,
    );
    expect(res.status).toBe(200);
    const doc = res.body as RemoteDoc;
    expect(doc.data.attributes).toMatchObject({
      archived: true,
      user: null,
      password: null,
      ssh_key_data: null,
    });
    expect(doc.data.meta).toEqual({
      credentials_removed: true,
      messages: [
        'This Git remote cannot be deleted as it is used by a change. Its credentials have been removed.',
      ],
    });
    expect(
      db().prepare('SELECT user, password, ssh_key_data FROM git_remotes WHERE id = ?').get(remote.id),
    ).toEqual({
      user: null,
      password: null,
      ssh_key_data: null,
    });
    const shown = await emu.request('operator', 'GET', `/api/projects/bank/git_remotes/${remote.id}`);
    expect((shown.body as RemoteDoc).data.meta).toBeNull();
  });

  it('answers 404 for an unknown remote and 403 to the viewer', async () => {
    expect(
      (await emu.contract('operator', 'DELETE', '/api/projects/bank/git_remotes/nope', DELETE)).status,
    ).toBe(404);
    const remote = await createRemote('kept_from_viewer');
    await archive(remote.id);
    expect(
      (await emu.request('viewer', 'DELETE', `/api/projects/bank/git_remotes/${remote.id}`)).status,
    ).toBe(403);
    expect(db().prepare('SELECT 1 AS present FROM git_remotes WHERE id = ?').get(remote.id)).toEqual({
      present: 1,
    });
  });
});

describe('credential secrecy', () => {
  it('never answers a stored secret on any Git remote endpoint', async () => {
    const remote = await createRemote('vault', {
      user: 'vault-user-Z3',
      password: SECRET_PASSWORD,
      ssh_key_data: SECRET_KEY,
    });
    const url = `/api/projects/bank/git_remotes/${remote.id}`;
    const texts = [
      (await emu.request('operator', 'GET', '/api/projects/bank/git_remotes')).text,
      (await emu.request('viewer', 'GET', url)).text,
      (await emu.request('operator', 'PATCH', url, attrs({ archived: true }))).text,
      (await emu.request('operator', 'GET', '/api/projects/bank/git_remotes?filter[sorts]=updated_at%20desc'))
        .text,
    ];
    for (const text of texts) {
      expect(text).not.toContain(SECRET_PASSWORD);
      expect(text).not.toContain('secret-key-material');
      expect(text).not.toContain('vault-user-Z3');
    }
  });
});
