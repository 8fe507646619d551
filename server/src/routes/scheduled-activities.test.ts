import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attrs } from '@server/test/emulator.ts';
import { START_MS } from '../engine/testing.ts';
import { SOA_DEV, startWorkflowHarness, type WorkflowHarness } from '../workflows/testing.ts';

// Scheduled activities over HTTP (spec checklist rows 5 and 6): GET/POST /api/scheduled_activities,
// GET/DELETE /api/scheduled_activities/{id}, and the same under every node; firing on a fake clock that
// starts at 2025-04-25T06:00:00Z.

const LIST = '/api/scheduled_activities';
const ONE = '/api/scheduled_activities/{scheduled_change_id}';
const DEV = '/projects/bank/environments/dev';

function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function pointers(body: unknown): unknown[] {
  const errors = dig(body, 'errors');
  return Array.isArray(errors) ? errors.map((e) => dig(e, 'source', 'pointer')) : [];
}

const devChange = (extra: Record<string, unknown> = {}) =>
  attrs({
    parent_path: DEV,
    action: 'hello',
    git_remote_name: 'origin',
    git_rev: 'main',
    cron_schedule: '0 3 * * *',
    repeat: true,
    new_commits_only: false,
    metadata: { ticket: 'OPS-1' },
    ...extra,
  });

let h: WorkflowHarness;
beforeEach(async () => {
  h = await startWorkflowHarness();
});
afterEach(async () => {
  await h.close();
});

async function create(body: unknown, url = '/api/scheduled_activities'): Promise<string> {
  const res = await h.request('operator', 'POST', url, body);
  if (res.status !== 201) throw new Error(`schedule create answered ${String(res.status)}: ${res.text}`);
  return dig(res.body, 'data', 'id') as string;
}

/** The changes made on `path` since the test's clock started (the demo's history lies before it). */
async function changesOf(path: string): Promise<unknown[]> {
  const res = await h.request('opschain', 'GET', `/api${path}/changes`);
  return (dig(res.body, 'data') as unknown[]).filter(
    (c) => Date.parse(String(dig(c, 'attributes', 'created_at'))) >= START_MS,
  );
}

describe('creating scheduled activities', () => {
  it('creates a scheduled change by parent_path with its next run', async () => {
    const res = await h.contract('operator', 'POST', '/api/scheduled_activities', LIST, devChange());
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'type')).toBe('scheduled_change');
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      created_by: 'operator',
      cron_schedule: '0 3 * * *',
      repeat: true,
      enabled: true,
      next_run_at: '2025-04-26T03:00:00.000000Z',
      action: 'hello',
      new_commits_only: false,
      git_rev: 'main',
      git_remote_name: 'origin',
      metadata: { ticket: 'OPS-1' },
      project_code: 'bank',
      environment_code: 'dev',
      environment_name: 'Development',
      asset_code: null,
      asset_name: null,
    });
    expect(dig(res.body, 'data', 'links', 'parent')).toBe(`/api${DEV}`);
    expect(dig(res.body, 'data', 'links', 'git_remote')).toMatch(/^\/api\/projects\/bank\/git_remotes\//);
    expect(
      (dig(res.body, 'data', 'relationships', 'parents', 'data') as unknown[]).map((p) => dig(p, 'type')),
    ).toEqual(['project', 'environment']);
    const id = dig(res.body, 'data', 'id') as string;
    const events = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_eq]=api:scheduled_changes:create',
    );
    expect(JSON.stringify(events.body)).toContain(id);
  });

  it('creates an asset schedule by codes, without Git fields', async () => {
    const res = await h.contract(
      'operator',
      'POST',
      '/api/scheduled_activities',
      LIST,
      attrs({
        project_code: 'bank',
        environment_code: 'dev',
        asset_code: 'soa_dev',
        action: 'hello',
        cron_schedule: '30 4 * * 1',
        repeat: false,
      }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      asset_code: 'soa_dev',
      git_rev: null,
      git_remote_name: null,
      repeat: false,
    });
    expect(dig(res.body, 'data', 'attributes', 'next_run_at')).toBe('2025-04-28T04:30:00.000000Z');
    const withGit = await h.request(
      'operator',
      'POST',
      `/api${SOA_DEV}/scheduled_activities`,
      attrs({
        action: 'hello',
        cron_schedule: '* * * * *',
        repeat: true,
        git_rev: 'main',
      }),
    );
    expect(withGit.status).toBe(422);
    expect(pointers(withGit.body)).toEqual(['/data/attributes/git_rev']);
  });

  it('creates a scheduled workflow pinned to the latest published version', async () => {
    await h.workflow('nightly', [{ type: 'wait' }]);
    const res = await h.contract(
      'operator',
      'POST',
      '/api/scheduled_activities',
      LIST,
      attrs({
        project_code: 'bank',
        workflow_code: 'nightly',
        cron_schedule: '0 1 * * *',
        repeat: true,
        metadata: { driver: 'cron' },
      }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'type')).toBe('scheduled_workflow');
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      workflow_code: 'nightly',
      version: 1,
      project_code: 'bank',
    });
    expect(dig(res.body, 'data', 'links', 'workflow_version')).toBe(
      '/api/projects/bank/workflows/nightly/versions/1',
    );
    const missing = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      attrs({
        parent_path: '/projects/bank',
        workflow_code: 'ghost',
        cron_schedule: '* * * * *',
        repeat: true,
      }),
    );
    expect(pointers(missing.body)).toEqual(['/data/attributes/workflow_code']);
    const standard = await h.request(
      'opschain',
      'POST',
      '/api/scheduled_activities',
      attrs({
        parent_path: '/projects/website',
        workflow_code: 'x',
        cron_schedule: '* * * * *',
        repeat: true,
      }),
    );
    expect(dig(standard.body, 'errors', 0, 'title')).toBe('Unsupported project type');
  });

  it('answers 422 on cron_schedule for invalid cron expressions, and accepts 6 fields', async () => {
    for (const cron of ['61 * * * *', 'every day', '* * * *', '* * * * * * *', '0 0 30 2 *', '@daily', '']) {
      const res = await h.contract(
        'operator',
        'POST',
        '/api/scheduled_activities',
        LIST,
        devChange({ cron_schedule: cron }),
      );
      expect(res.status, cron).toBe(422);
      expect(pointers(res.body), cron).toEqual(['/data/attributes/cron_schedule']);
    }
    const seconds = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      devChange({ cron_schedule: '*/10 * * * * *' }),
    );
    expect(dig(seconds.body, 'data', 'attributes', 'next_run_at')).toBe('2025-04-25T06:00:10.000000Z');
  });

  it('answers 400 for unknown attributes and 422 for missing or contradictory ones', async () => {
    expect(
      (await h.contract('operator', 'POST', '/api/scheduled_activities', LIST, devChange({ invalid: 1 })))
        .status,
    ).toBe(400);
    const missing = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      attrs({ parent_path: DEV, cron_schedule: '* * * * *', repeat: true }),
    );
    const noRepeat = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      attrs({ parent_path: DEV, cron_schedule: '* * * * *' }),
    );
    expect(pointers(noRepeat.body)).toEqual(['/data/attributes/repeat']);
    expect(pointers(missing.body)).toEqual(
      expect.arrayContaining([
        '/data/attributes/action',
        '/data/attributes/git_remote_name',
        '/data/attributes/git_rev',
      ]),
    );
    const both = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      devChange({ project_code: 'bank' }),
    );
    expect(pointers(both.body)).toEqual(['/data/attributes/parent_path']);
    const nowhere = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      devChange({ parent_path: '/projects/bank/environments/nope' }),
    );
    expect(pointers(nowhere.body)).toEqual(['/data/attributes/parent_path']);
    const nested = await h.request('operator', 'POST', `/api${DEV}/scheduled_activities`, devChange());
    expect(pointers(nested.body)).toEqual(['/data/attributes/parent_path']);
    const remote = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      devChange({ git_remote_name: 'upstream', repeat: 'sometimes' }),
    );
    // A wrong type is refused by the contract before the model looks up the remote.
    expect(pointers(remote.body)).toEqual(['/data/attributes/repeat']);
    const unknownRemote = await h.request(
      'operator',
      'POST',
      '/api/scheduled_activities',
      devChange({ git_remote_name: 'upstream' }),
    );
    expect(pointers(unknownRemote.body)).toEqual(['/data/attributes/git_remote_name']);
  });

  it('refuses users without update on <node>/scheduled_activities, and unknown nodes', async () => {
    expect((await h.contract('viewer', 'POST', '/api/scheduled_activities', LIST, devChange())).status).toBe(
      403,
    );
    expect((await h.request('approver', 'POST', '/api/scheduled_activities', devChange())).status).toBe(403);
    expect(
      (
        await h.request(
          'operator',
          'POST',
          '/api/projects/bank/environments/nope/scheduled_activities',
          devChange({ parent_path: undefined }),
        )
      ).status,
    ).toBe(404);
  });

  it('refuses schedules in archived nodes', async () => {
    await h.request('opschain', 'DELETE', '/api/projects/bank/environments/test');
    const res = await h.request(
      'operator',
      'POST',
      '/api/projects/bank/environments/test/scheduled_activities',
      attrs({
        action: 'hello',
        git_remote_name: 'origin',
        git_rev: 'main',
        cron_schedule: '* * * * *',
        repeat: true,
      }),
    );
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/data/attributes/base']);
  });
});

describe('listing, showing and deleting', () => {
  it('lists with include=parents and has_any, filters, and lists per node', async () => {
    const envId = await create(devChange());
    const assetId = await create(
      attrs({ action: 'hello', cron_schedule: '0 * * * *', repeat: true }),
      `/api${SOA_DEV}/scheduled_activities`,
    );
    // The demo seed has schedules of its own (created by opschain): look at ours.
    const res = await h.contract(
      'viewer',
      'GET',
      '/api/scheduled_activities?include=parents&filter[created_by_eq]=operator',
      LIST,
    );
    expect(res.status).toBe(200);
    expect((dig(res.body, 'data') as unknown[]).map((s) => dig(s, 'id'))).toEqual([envId, assetId]);
    expect(dig(res.body, 'meta')).toEqual({ has_any: true });
    expect((dig(res.body, 'included') as unknown[]).map((n) => dig(n, 'type'))).toEqual([
      'project',
      'environment',
      'asset',
    ]);
    const plain = await h.request('viewer', 'GET', '/api/scheduled_activities');
    expect(dig(plain.body, 'included')).toBeUndefined();
    const filtered = await h.contract(
      'viewer',
      'GET',
      '/api/scheduled_activities?filter[asset_code_eq]=soa_dev',
      LIST,
    );
    expect((dig(filtered.body, 'data') as unknown[]).map((s) => dig(s, 'id'))).toEqual([assetId]);
    const byMetadata = await h.request(
      'viewer',
      'GET',
      '/api/scheduled_activities?filter[metadata_ticket_eq]=OPS-1',
    );
    expect((dig(byMetadata.body, 'data') as unknown[]).map((s) => dig(s, 'id'))).toEqual([envId]);
    const none = await h.request('viewer', 'GET', '/api/scheduled_activities?filter[action_eq]=nothing');
    expect(dig(none.body, 'data')).toEqual([]);
    expect(dig(none.body, 'meta')).toEqual({ has_any: true });
    const perNode = await h.contract('viewer', 'GET', `/api${SOA_DEV}/scheduled_activities`, LIST);
    expect((dig(perNode.body, 'data') as unknown[]).map((s) => dig(s, 'id'))).toEqual([assetId]);
    const empty = await h.request('viewer', 'GET', '/api/projects/retail/scheduled_activities');
    expect(dig(empty.body, 'meta')).toEqual({ has_any: false });
  });

  it('shows one (include=parents) and answers 404 for unknown ids and other nodes', async () => {
    const id = await create(devChange());
    const res = await h.contract('viewer', 'GET', `/api/scheduled_activities/${id}?include=parents`, ONE);
    expect(res.status).toBe(200);
    expect((dig(res.body, 'included') as unknown[]).length).toBe(2);
    expect((await h.contract('viewer', 'GET', '/api/scheduled_activities/nope', ONE)).status).toBe(404);
    expect((await h.request('viewer', 'GET', `/api${DEV}/scheduled_activities/${id}`)).status).toBe(200);
    expect(
      (await h.request('viewer', 'GET', `/api/projects/bank/environments/test/scheduled_activities/${id}`))
        .status,
    ).toBe(404);
  });

  it('deletes (204) with an event; 404 afterwards; 403 without update', async () => {
    const id = await create(devChange());
    expect((await h.request('viewer', 'DELETE', `/api/scheduled_activities/${id}`)).status).toBe(403);
    expect((await h.contract('operator', 'DELETE', `/api/scheduled_activities/${id}`, ONE)).status).toBe(204);
    expect((await h.contract('operator', 'DELETE', `/api/scheduled_activities/${id}`, ONE)).status).toBe(404);
    const events = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_eq]=api:scheduled_changes:destroy',
    );
    expect(JSON.stringify(events.body)).toContain(id);
    const nested = await create(devChange());
    expect((await h.request('operator', 'DELETE', `/api${DEV}/scheduled_activities/${nested}`)).status).toBe(
      204,
    );
  });

  it('hides schedules from users who may not read <node>/scheduled_activities', async () => {
    const { insertPolicy } = await import('../seeds/policies.ts');
    const id = await create(devChange());
    const core = h.app.emulator;
    core.tx(() => {
      insertPolicy(
        core,
        { name: 'viewer cannot read dev schedules', description: null },
        [
          {
            name: 'no dev schedules',
            path: '^/projects/bank/environments/dev/scheduled_activities',
            read: false,
            update: false,
            execute: false,
          },
        ],
        [{ username: 'viewer' }],
      );
    });
    core.authzChanged();
    expect((await h.request('viewer', 'GET', `/api/scheduled_activities/${id}`)).status).toBe(404);
    const list = await h.request(
      'viewer',
      'GET',
      '/api/scheduled_activities?filter[parent_path_eq]=/projects/bank/environments/dev',
    );
    expect(dig(list.body, 'data')).toEqual([]);
    const perNode = await h.request('viewer', 'GET', `/api${DEV}/scheduled_activities`);
    expect(dig(perNode.body, 'meta')).toEqual({ has_any: false });
    expect((await h.request('operator', 'GET', `/api/scheduled_activities/${id}`)).status).toBe(200);
  });
});

describe('firing on the clock', () => {
  it('a repeating schedule creates a scheduled change at each occurrence', async () => {
    const id = await create(devChange({ cron_schedule: '* * * * *' }));
    h.advance(30_000);
    expect(await changesOf(DEV)).toHaveLength(0);
    h.advance(30_000);
    const first = await changesOf(DEV);
    expect(first).toHaveLength(1);
    expect(dig(first[0], 'attributes')).toMatchObject({
      scheduled: true,
      action: 'hello',
      created_by: 'operator',
      metadata: { ticket: 'OPS-1' },
    });
    const shown = await h.request('viewer', 'GET', `/api/scheduled_activities/${id}`);
    expect(dig(shown.body, 'data', 'attributes', 'next_run_at')).toBe('2025-04-25T06:02:00.000000Z');
    h.advance(60_000);
    expect(await changesOf(DEV)).toHaveLength(2);
  });

  it('collapses missed occurrences into one', async () => {
    await create(devChange({ cron_schedule: '* * * * *' }));
    h.advance(10 * 60_000);
    expect(await changesOf(DEV)).toHaveLength(1);
  });

  it('repeat false fires once and deletes the schedule', async () => {
    const id = await create(devChange({ cron_schedule: '*/10 * * * * *', repeat: false }));
    h.advance(10_000);
    expect(await changesOf(DEV)).toHaveLength(1);
    expect((await h.request('viewer', 'GET', `/api/scheduled_activities/${id}`)).status).toBe(404);
    h.advance(60_000);
    expect(await changesOf(DEV)).toHaveLength(1);
  });

  it('is disabled, with no next run, while its node is archived', async () => {
    const id = await create(devChange({ cron_schedule: '* * * * *' }));
    expect((await h.request('opschain', 'DELETE', `/api${DEV}`)).status).toBe(204);
    const shown = await h.contract('viewer', 'GET', `/api/scheduled_activities/${id}`, ONE);
    expect(dig(shown.body, 'data', 'attributes', 'enabled')).toBe(false);
    expect(dig(shown.body, 'data', 'attributes', 'next_run_at')).toBeNull();
    const disabled = await h.request(
      'viewer',
      'GET',
      '/api/scheduled_activities?filter[enabled_eq]=false&filter[created_by_eq]=operator',
    );
    expect((dig(disabled.body, 'data') as unknown[]).map((s) => dig(s, 'id'))).toEqual([id]);
    h.advance(3 * 60_000);
    expect(await changesOf(DEV)).toHaveLength(0);
    await h.request('opschain', 'PATCH', `/api${DEV}`, attrs({ archived: false }));
    h.advance(60_000);
    expect(await changesOf(DEV)).toHaveLength(1);
  });

  it('new_commits_only creates a change only when the revision resolves to a new commit', async () => {
    await create(
      attrs({ action: 'hello', cron_schedule: '* * * * *', repeat: true, new_commits_only: true }),
      `/api${SOA_DEV}/scheduled_activities`,
    );
    h.advance(60_000);
    expect(await changesOf(SOA_DEV)).toHaveLength(1);
    h.advance(60_000);
    expect(await changesOf(SOA_DEV)).toHaveLength(1);
    // soa_dev runs template version 2025_Q2_1: a new git_rev on it is a new commit.
    const put = await h.request(
      'opschain',
      'PUT',
      '/api/projects/bank/templates/soa/versions/2025_Q2_1',
      attrs({ git_rev: 'v2025.2.2', description: 'patched' }),
    );
    expect(put.status).toBe(200);
    h.advance(60_000);
    expect(await changesOf(SOA_DEV)).toHaveLength(2);
  });

  it('records error:scheduled_changes:change_creation when the change is refused', async () => {
    const remotes = await h.request('opschain', 'GET', '/api/projects/bank/git_remotes');
    const remoteId = dig(remotes.body, 'data', 0, 'id') as string;
    const id = await create(devChange({ cron_schedule: '* * * * *' }));
    // Archiving through the API unschedules the schedule (see git-remotes.ts); a remote archived behind the
    // API's back (an older database, a manual fix) must still make the occurrence fail visibly.
    h.app.emulator.db.prepare('UPDATE git_remotes SET archived = 1 WHERE id = ?').run(remoteId);
    h.advance(60_000);
    expect(await changesOf(DEV)).toHaveLength(0);
    const events = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_eq]=error:scheduled_changes:change_creation',
    );
    expect(dig(events.body, 'data', 0, 'attributes', 'scheduled_activity_id')).toBe(id);
    expect(dig(events.body, 'data', 0, 'attributes', 'message')).toBe('Git remote "origin" is archived');
  });

  it('a scheduled workflow starts scheduled runs, and skips while one is still active', async () => {
    await h.workflow('nightly', [{ type: 'wait', name: 'QA' }]);
    await create(
      attrs({
        project_code: 'bank',
        workflow_code: 'nightly',
        cron_schedule: '* * * * *',
        repeat: true,
        metadata: { driver: 'cron' },
      }),
    );
    h.advance(60_000);
    const runs = await h.request('viewer', 'GET', '/api/projects/bank/workflows/nightly/runs');
    expect((dig(runs.body, 'data') as unknown[]).length).toBe(1);
    expect(dig(runs.body, 'data', 0, 'attributes')).toMatchObject({
      scheduled: true,
      created_by: 'operator',
      metadata: { driver: 'cron' },
    });
    h.advance(60_000);
    expect(
      (
        dig(
          (await h.request('viewer', 'GET', '/api/projects/bank/workflows/nightly/runs')).body,
          'data',
        ) as unknown[]
      ).length,
    ).toBe(1);
    const skipped = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_eq]=error:scheduled_workflows:skipped',
    );
    expect(dig(skipped.body, 'data', 0, 'attributes', 'message')).toBe(
      'A run of the workflow is still active',
    );
  });

  it('a scheduled workflow is disabled while its workflow is archived', async () => {
    await h.workflow('nightly', [{ type: 'wait' }]);
    const id = await create(
      attrs({ project_code: 'bank', workflow_code: 'nightly', cron_schedule: '* * * * *', repeat: true }),
    );
    await h.request(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/nightly',
      attrs({ name: 'nightly', steps: [{ type: 'wait' }], draft: false, archived: true }),
    );
    const shown = await h.request('viewer', 'GET', `/api/scheduled_activities/${id}`);
    expect(dig(shown.body, 'data', 'attributes', 'enabled')).toBe(false);
    h.advance(60_000);
    expect(
      (
        dig(
          (await h.request('viewer', 'GET', '/api/projects/bank/workflows/nightly/runs')).body,
          'data',
        ) as unknown[]
      ).length,
    ).toBe(0);
  });
});
