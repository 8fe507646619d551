import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, basicAuth } from '@server/test/emulator.ts';
import { DEV, ORIGIN, startEngine, type EngineHarness } from '../engine/testing.ts';
import { insertPolicy, insertUser } from '../seeds/policies.ts';

// Contract tests here cover: GET /api/changes (200), POST /api/changes (201, 400), GET /api/changes/{change_id}
// (200, 404), DELETE /api/changes/{change_id} (204, 404). The nested <node>/changes paths answer the same
// documents and are validated against the same operations.

interface ChangeDoc {
  data: {
    id: string;
    attributes: Record<string, unknown>;
    relationships: Record<string, { data: unknown; links?: Record<string, string> }>;
    links: Record<string, string>;
    meta: Record<string, unknown>;
  };
  included?: { id: string; type: string; attributes: Record<string, unknown> }[];
}

interface ChangeList {
  data: ChangeDoc['data'][];
  included?: { id: string; type: string }[];
  meta: { partial_response: boolean; has_any: boolean };
}

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngine();
  const emu = h.app.emulator;
  emu.tx(() => {
    // outsider may read nothing of bank; auditor may not read hello's logs on bank/dev (redaction tests live
    // in log-lines.test.ts).
    insertUser(emu, 'outsider', 'outsider');
    insertPolicy(
      emu,
      { name: 'No bank', description: null },
      [{ name: 'no bank', path: '^/projects/bank', read: false, update: false, execute: false }],
      [{ username: 'outsider' }],
    );
  });
  emu.authzChanged();
});
afterAll(async () => {
  await h.close();
});

async function as(user: string, method: string, url: string, body?: unknown) {
  const res = await h.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: basicAuth(user), 'content-type': 'application/vnd.api+json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: res.statusCode, body: res.body === '' ? null : res.json<unknown>() };
}

function errorsOf(
  body: unknown,
): { status: number; title: string; source?: { pointer?: string }; meta?: { message?: string } }[] {
  return (body as { errors: { status: number; title: string }[] }).errors;
}

describe('POST /api/changes', () => {
  it('creates a change in initializing with its root step included (contract 201)', async () => {
    const res = await h.contract(
      'operator',
      'POST',
      '/api/changes',
      '/api/changes',
      attrs({
        action: 'hello',
        parent_path: '/projects/bank/environments/dev',
        ...ORIGIN,
        metadata: { change_request: 'CR921' },
        property_overrides: { x: 1 },
      }),
    );
    expect(res.status).toBe(201);
    const doc = res.body as ChangeDoc;
    expect(doc.data.attributes).toMatchObject({
      created_by: 'operator',
      name: null,
      action: 'hello',
      status_code: 'initializing',
      metadata: { change_request: 'CR921' },
      property_overrides: { x: 1 },
      scheduled: false,
      approved_by: [],
      rejected_by: [],
      environment_name: 'Development',
      project_name: 'Core Banking Platform',
      asset_name: null,
      git_remote_name: 'origin',
      git_rev: 'main',
      commit_sha: null,
      started_at: null,
      finished_at: null,
      requires_approval_from: null,
    });
    expect(doc.data.meta).toEqual({});
    expect(doc.data.links.self).toBe(`/api/projects/bank/environments/dev/changes/${doc.data.id}`);
    expect(doc.data.links.parent).toBe('/api/projects/bank/environments/dev');
    expect(doc.data.links.project).toBe('/api/projects/bank');
    expect(doc.data.links.log_lines).toBe(`/api/changes/${doc.data.id}/log_lines`);
    expect(doc.data.links.git_remote).toMatch(/^\/api\/projects\/bank\/git_remotes\//);
    const root = doc.included?.[0];
    expect(root?.type).toBe('step');
    expect(root?.attributes).toMatchObject({
      status_code: 'initializing',
      action: 'hello',
      name: null,
      change_id: doc.data.id,
    });
    expect(doc.data.relationships.root_step?.data).toEqual({ type: 'step', id: root?.id });
    expect(doc.data.relationships.workflow_run?.data).toBeNull();
  });

  it('answers 400 for unpermitted attributes and a missing body (contract 400)', async () => {
    const res = await h.contract(
      'operator',
      'POST',
      '/api/changes',
      '/api/changes',
      attrs({ action: 'hello', invalid: 1 }),
    );
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[0]?.meta?.message).toBe('found unpermitted parameter: :invalid');
    const missing = await h.contract('operator', 'POST', '/api/changes', '/api/changes', { data: {} });
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.body)[0]?.title).toBe('Action Controller - Parameter Missing');
  });

  it('answers 422 with pointers for missing or unknown targets, remotes and revisions', async () => {
    const blank = await h.request('operator', 'POST', '/api/changes', attrs({ action: 'hello', ...ORIGIN }));
    expect(blank.status).toBe(422);
    expect(errorsOf(blank.body)[0]?.source?.pointer).toBe('/data/attributes/parent_path');
    const unknown = await h.request(
      'operator',
      'POST',
      '/api/changes',
      attrs({ action: 'hello', parent_path: '/projects/nope', ...ORIGIN }),
    );
    expect(errorsOf(unknown.body)[0]?.source?.pointer).toBe('/data/attributes/parent_path');
    const noRemote = await h.request('operator', 'POST', DEV, attrs({ action: 'hello' }));
    expect(noRemote.status).toBe(422);
    expect(errorsOf(noRemote.body).map((e) => e.source?.pointer)).toEqual([
      '/data/attributes/git_remote_name',
      '/data/attributes/git_rev',
    ]);
    const badRemote = await h.request(
      'operator',
      'POST',
      DEV,
      attrs({ action: 'hello', git_remote_name: 'upstream', git_rev: 'main' }),
    );
    expect(errorsOf(badRemote.body)[0]?.title).toBe('Git remote "upstream" does not exist in this project');
    const noAction = await h.request('operator', 'POST', DEV, attrs({ ...ORIGIN }));
    expect(errorsOf(noAction.body)[0]).toMatchObject({
      status: 422,
      title: "Action can't be blank",
      source: { pointer: '/data/attributes/action' },
    });
  });

  it('answers 4xx, never 5xx, for malformed values', async () => {
    for (const body of [
      attrs({ action: 42, ...ORIGIN }),
      attrs({ action: 'hello', ...ORIGIN, metadata: 'x' }),
      attrs({ action: 'hello', ...ORIGIN, metadata: [1] }),
      attrs({ action: 'hello', ...ORIGIN, property_overrides: 5 }),
      attrs({ action: 'hello', git_remote_name: ['origin'], git_rev: 'main' }),
      attrs({ action: 'hello', git_remote_name: 'origin', git_rev: { a: 1 } }),
      { data: { attributes: 'x' } },
      'not json',
    ]) {
      const res = await h.request('operator', 'POST', DEV, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('refuses parent_path on a nested path (400) and Git fields on an asset (422)', async () => {
    const nested = await h.request(
      'operator',
      'POST',
      DEV,
      attrs({ action: 'hello', ...ORIGIN, parent_path: '/projects/bank' }),
    );
    expect(nested.status).toBe(400);
    expect(errorsOf(nested.body)[0]?.meta?.message).toBe('found unpermitted parameter: :parent_path');
    const asset = await h.request(
      'operator',
      'POST',
      '/api/projects/bank/environments/dev/assets/soa_dev/changes',
      attrs({ action: 'hello', ...ORIGIN }),
    );
    expect(asset.status).toBe(422);
    expect(errorsOf(asset.body).map((e) => e.source?.pointer)).toEqual([
      '/data/attributes/git_remote_name',
      '/data/attributes/git_rev',
    ]);
    const tvOnEnv = await h.request(
      'operator',
      'POST',
      DEV,
      attrs({ action: 'hello', ...ORIGIN, template_version: '2025_Q2_1' }),
    );
    expect(errorsOf(tvOnEnv.body)[0]?.source?.pointer).toBe('/data/attributes/template_version');
  });

  it('runs asset changes from the asset template version, or the one named by template_version', async () => {
    const url = '/api/projects/bank/environments/dev/assets/soa_dev/changes';
    const plain = (await h.request('operator', 'POST', url, attrs({ action: 'hello' }))).body as ChangeDoc;
    expect(plain.data.attributes).toMatchObject({
      asset_name: 'SOA Development',
      environment_name: 'Development',
      git_remote_name: null,
      git_rev: 'v2025.2.1',
    });
    expect(plain.data.relationships.parents?.data).toHaveLength(3);
    expect(plain.data.relationships.template_version?.links?.related).toBe(
      '/api/projects/bank/templates/soa/versions/2025_Q2_1',
    );
    expect(plain.data.links.git_remote).toBeUndefined();
    const pinned = (
      await h.request('operator', 'POST', url, attrs({ action: 'hello', template_version: '2024_Q4_1' }))
    ).body as ChangeDoc;
    expect(pinned.data.attributes.git_rev).toBe('v2024.4.1');
    const unknown = await h.request(
      'operator',
      'POST',
      url,
      attrs({ action: 'hello', template_version: '1999' }),
    );
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown.body)[0]?.source?.pointer).toBe('/data/attributes/template_version');
    // A project-owned asset has no environment.
    const shared = (
      await h.request(
        'operator',
        'POST',
        '/api/projects/bank/assets/shared_db/changes',
        attrs({ action: 'hello' }),
      )
    ).body as ChangeDoc;
    expect(shared.data.attributes.environment_name).toBeNull();
    expect(shared.data.relationships.parents?.data).toEqual([
      { type: 'project', id: expect.any(String) as unknown },
      { type: 'asset', id: expect.any(String) as unknown },
    ]);
  });

  it('runs project changes on Enterprise projects only', async () => {
    const bank = await h.request(
      'operator',
      'POST',
      '/api/projects/bank/changes',
      attrs({ action: 'hello', ...ORIGIN }),
    );
    expect(bank.status).toBe(201);
    expect((bank.body as ChangeDoc).data.attributes.environment_name).toBeNull();
    const website = await h.request(
      'operator',
      'POST',
      '/api/projects/website/changes',
      attrs({ action: 'hello', ...ORIGIN }),
    );
    expect(website.status).toBe(422);
    expect(errorsOf(website.body)[0]?.source?.pointer).toBe('/data/attributes/base');
    const websiteEnv = await h.request(
      'operator',
      'POST',
      '/api/projects/website/environments/dev/changes',
      attrs({ action: 'hello', ...ORIGIN }),
    );
    expect(websiteEnv.status).toBe(201);
  });

  it('refuses archived targets and archived remotes', async () => {
    const emu = h.app.emulator;
    emu.db.prepare("UPDATE nodes SET archived = 1 WHERE path = '/projects/retail/environments/test'").run();
    const archived = await h.request(
      'operator',
      'POST',
      '/api/projects/retail/environments/test/changes',
      attrs({ action: 'hello', ...ORIGIN }),
    );
    expect(archived.status).toBe(422);
    expect(errorsOf(archived.body)[0]?.title).toBe('Cannot create a change in an archived environment');
    emu.db.prepare("UPDATE nodes SET archived = 0 WHERE path = '/projects/retail/environments/test'").run();
    emu.db
      .prepare(
        "UPDATE git_remotes SET archived = 1 WHERE name = 'origin' AND project_id = (SELECT id FROM nodes WHERE path = '/projects/website')",
      )
      .run();
    const remote = await h.request(
      'operator',
      'POST',
      '/api/projects/website/environments/dev/changes',
      attrs({ action: 'hello', ...ORIGIN }),
    );
    expect(errorsOf(remote.body)[0]?.title).toBe('Git remote "origin" is archived');
    emu.db.prepare("UPDATE git_remotes SET archived = 0 WHERE name = 'origin'").run();
  });

  it('marks the Git remote as used by a change', () => {
    const used = h.app.emulator.db
      .prepare(
        "SELECT used_by_change FROM git_remotes WHERE project_id = (SELECT id FROM nodes WHERE path = '/projects/bank')",
      )
      .get() as { used_by_change: number };
    expect(used.used_by_change).toBe(1);
  });

  it('needs execute on the target: the viewer gets 403, an outsider 404/422', async () => {
    const viewer = await h.request('viewer', 'POST', DEV, attrs({ action: 'hello', ...ORIGIN }));
    expect(viewer.status).toBe(403);
    const outsiderNested = await as('outsider', 'POST', DEV, attrs({ action: 'hello', ...ORIGIN }));
    expect(outsiderNested.status).toBe(404);
    const outsiderPath = await as(
      'outsider',
      'POST',
      '/api/changes',
      attrs({ action: 'hello', parent_path: '/projects/bank/environments/dev', ...ORIGIN }),
    );
    expect(outsiderPath.status).toBe(422);
  });
});

describe('GET /api/changes and <node>/changes', () => {
  let deployId = '';
  // The demo's own history (seeds/demo-history.ts) has changes on Retail too; these tests add two.
  let demoRetail: string[] = [];
  const idsAt = async (url: string): Promise<string[]> =>
    ((await h.request('viewer', 'GET', url)).body as ChangeList).data.map((c) => c.id);
  beforeAll(async () => {
    demoRetail = await idsAt('/api/projects/retail/changes');
    deployId = await h.create('operator', '/api/projects/retail/environments/prod/changes', {
      action: 'deploy',
      ...ORIGIN,
      metadata: { change_request: 'CR-77', nested: { key: 'deep' } },
    });
    await h.create('approver', '/api/projects/retail/environments/dev/changes', {
      action: 'hello',
      ...ORIGIN,
      metadata: { change_request: 'CR-78' },
    });
    h.advance(5000);
  });

  it('lists newest first with steps and parents included on request (contract 200)', async () => {
    // Environment changes only: project and asset changes carry nulls the spec's schema does not allow (see
    // routes/changes.ts); the other tests check those.
    const res = await h.contract(
      'viewer',
      'GET',
      '/api/changes?include=steps,parents&filter[environment_code_present]=1&filter[asset_code_null]=1',
      '/api/changes',
    );
    const doc = res.body as ChangeList;
    expect(doc.meta).toEqual({ partial_response: false, has_any: true });
    const created = doc.data.map((c) => String(c.attributes.created_at));
    expect([...created].sort().reverse()).toEqual(created);
    expect(doc.included?.some((r) => r.type === 'step')).toBe(true);
    expect(doc.included?.some((r) => r.type === 'project')).toBe(true);
    expect(doc.data.every((c) => JSON.stringify(c.meta) === '{}')).toBe(true);
  });

  it('includes nothing without include', async () => {
    const doc = (await h.request('viewer', 'GET', '/api/changes')).body as ChangeList;
    expect(doc.included).toBeUndefined();
  });

  it('filters by environment code, status, action, creator and metadata keys, and sorts', async () => {
    const ids = async (query: string) =>
      ((await h.request('viewer', 'GET', `/api/changes?${query}`)).body as ChangeList).data.map((c) => c.id);
    expect(await ids('filter[metadata_change_request_eq]=CR-77')).toEqual([deployId]);
    expect(await ids('filter[metadata_nested,key_eq]=deep')).toEqual([deployId]);
    const retailProd = await ids('filter[environment_code_eq]=prod&filter[project_code_eq]=retail');
    expect(retailProd).toContain(deployId);
    expect(retailProd.filter((id) => !demoRetail.includes(id))).toEqual([deployId]);
    expect(await ids('filter[environment_code_eq]=prod&filter[project_code_eq]=bank')).not.toContain(
      deployId,
    );
    expect(await ids('filter[action_eq]=deploy&filter[created_by_eq]=operator')).toContain(deployId);
    expect(await ids('filter[created_by_eq]=approver')).toHaveLength(1);
    expect(await ids('filter[status_code_eq]=no_such_status')).toEqual([]);
    const running = (
      (
        await h.request(
          'viewer',
          'GET',
          '/api/changes?filter[status_code_in][]=running&filter[status_code_in][]=success',
        )
      ).body as ChangeList
    ).data;
    expect(running.every((c) => ['running', 'success'].includes(String(c.attributes.status_code)))).toBe(
      true,
    );
    const sorted = (
      (await h.request('viewer', 'GET', '/api/changes?filter[sorts]=action%20asc')).body as ChangeList
    ).data.map((c) => String(c.attributes.action));
    expect([...sorted].sort()).toEqual(sorted);
    const empty = (await h.request('viewer', 'GET', '/api/changes?filter[action_eq]=nothing'))
      .body as ChangeList;
    expect(empty.meta).toEqual({ partial_response: false, has_any: true });
  });

  it('scopes node lists to the node and what is below it (contract 200 on nested paths)', async () => {
    const env =
      // Environment changes only: asset changes carry nulls the spec's schema does not allow (see above).
      (
        await h.contract(
          'viewer',
          'GET',
          '/api/projects/retail/environments/prod/changes?filter[asset_code_null]=1',
          '/api/changes',
        )
      ).body as ChangeList;
    expect(env.data.map((c) => c.id)).toContain(deployId);
    expect(
      env.data.every((c) => String(c.links.self).startsWith('/api/projects/retail/environments/prod/')),
    ).toBe(true);
    const project = (await h.request('viewer', 'GET', '/api/projects/retail/changes')).body as ChangeList;
    expect(project.data.length).toBe(demoRetail.length + 2);
    const asset = (
      await h.request('viewer', 'GET', '/api/projects/retail/environments/prod/assets/cart_prod/changes')
    ).body as ChangeList;
    expect(asset).toMatchObject({ data: [], meta: { has_any: false, partial_response: false } });
    expect((await h.request('viewer', 'GET', '/api/projects/nope/changes')).status).toBe(404);
  });

  it('downloads CSV oldest first whatever the sort', async () => {
    const res = await h.request(
      'viewer',
      'GET',
      '/api/projects/retail/changes?download=changes.csv&filter[sorts]=created_at%20desc',
    );
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="changes.csv"');
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines[0]?.startsWith('id,action,status_code,created_by')).toBe(true);
    expect(lines).toHaveLength(demoRetail.length + 3);
    // Oldest first: the demo's changes, then the deploy and the hello made above.
    expect(lines.at(-2)?.startsWith(`${deployId},deploy,`)).toBe(true);
  });

  it('hides changes on nodes the caller cannot read', async () => {
    const doc = (await as('outsider', 'GET', '/api/changes')).body as ChangeList;
    expect(doc.data.every((c) => !String(c.links.self).startsWith('/api/projects/bank'))).toBe(true);
    expect(doc.data.length).toBeGreaterThan(0);
  });
});

describe('GET and DELETE /api/changes/{id}', () => {
  it('shows a change with meta and includes (contract 200) and answers 404 for unknown ids (contract 404)', async () => {
    const id = await h.create('operator', '/api/projects/retail/environments/test/changes', {
      action: 'deploy',
      ...ORIGIN,
    });
    h.advance(10_000);
    const res = await h.contract(
      'viewer',
      'GET',
      `/api/changes/${id}?include=steps,parents`,
      '/api/changes/{change_id}',
    );
    const doc = res.body as ChangeDoc;
    expect(doc.data.attributes.status_code).toBe('running');
    expect(doc.data.attributes.commit_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(doc.data.attributes.name).toBe('deploy');
    expect(doc.data.meta).toEqual({
      parallel_changes_allowed: true,
      blocked_by_change_in_same_parent: false,
      blocked_by_queue: [],
    });
    const stepIds = (doc.data.relationships.steps?.data as { id: string }[]).map((s) => s.id);
    expect(stepIds.length).toBeGreaterThan(1);
    expect(doc.included?.filter((r) => r.type === 'step').map((r) => r.id)).toEqual(stepIds);
    expect(doc.included?.filter((r) => r.type !== 'step').map((r) => r.type)).toEqual([
      'project',
      'environment',
    ]);
    const nested = await h.request('viewer', 'GET', `/api/projects/retail/environments/test/changes/${id}`);
    expect(nested.status).toBe(200);
    expect(
      (await h.request('viewer', 'GET', `/api/projects/retail/environments/dev/changes/${id}`)).status,
    ).toBe(404);

    const missing = await h.contract(
      'viewer',
      'GET',
      '/api/changes/00000000-0000-0000-0000-000000000000',
      '/api/changes/{change_id}',
    );
    expect(missing.status).toBe(404);
    expect(errorsOf(missing.body)[0]?.title).toBe('Active Record - Record Not Found');
  });

  it('answers 404 for a change the caller cannot see', async () => {
    const id = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    expect((await as('outsider', 'GET', `/api/changes/${id}`)).status).toBe(404);
    expect((await as('outsider', 'DELETE', `/api/changes/${id}`)).status).toBe(404);
  });

  it('cancels (contract 204), refuses the viewer (403) and unknown ids (contract 404)', async () => {
    const id = await h.create('operator', '/api/projects/retail/environments/test/changes', {
      action: 'slow',
      ...ORIGIN,
    });
    h.advance(3000);
    expect((await h.request('viewer', 'DELETE', `/api/changes/${id}`)).status).toBe(403);
    const res = await h.contract('approver', 'DELETE', `/api/changes/${id}`, '/api/changes/{change_id}');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const shown = (await h.request('viewer', 'GET', `/api/changes/${id}`)).body as ChangeDoc;
    expect(shown.data.attributes.status_code).toBe('cancelled');
    const missing = await h.contract('operator', 'DELETE', '/api/changes/nope', '/api/changes/{change_id}');
    expect(missing.status).toBe(404);
  });
});
