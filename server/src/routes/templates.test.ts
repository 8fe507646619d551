import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { CATALOG_ACTIONS } from '../catalog.ts';
import type { Clock } from '../clock.ts';

interface TemplateResource {
  id: string;
  type: string;
  attributes: {
    code: string;
    name: string;
    archived: boolean;
    user: string | null;
    password: string | null;
    ssh_key_data: string | null;
  };
  relationships: { template_versions: { data: { type: string; id: string }[]; links: { related: string } } };
  links: Record<string, string>;
  meta: null;
}
interface VersionResource {
  id: string;
  type: string;
  attributes: {
    version: string;
    description: string;
    state: string;
    created_by: string;
    archived: boolean;
    has_mintmodel: boolean;
    git_rev: string;
    commit_sha: string | null;
    actions?: { name: string; description: string }[];
  };
  links: Record<string, string>;
}
interface HistoryResource {
  id: string;
  attributes: { active_from: string; active_to: string | null };
  relationships: { template_version: { data: { id: string } } };
}
interface AssetDoc {
  data: {
    id: string;
    attributes: { actions: { name: string }[]; mintmodel_valid: boolean };
    relationships: { template_version: { data: { id: string } | null } };
  };
  included: { type: string; id: string; attributes: Record<string, unknown> }[];
}
interface ErrorDoc {
  errors: {
    status: number;
    title: string;
    detail?: string;
    code?: string;
    source?: { pointer: string };
    meta?: { message: string };
  }[];
}

// The create and credentials bodies carry all three credential keys, null where unset (the contract requires them).
const NO_CREDENTIALS = { user: null, password: null, ssh_key_data: null };
const LIST = '/api/projects/{project_code}/templates';
const SHOW = '/api/projects/{project_code}/templates/{template_code}';
const ARCHIVE = '/api/projects/{project_code}/templates/{code_to_archive}';
const UPDATE = '/api/projects/{project_code}/templates/{code_to_update}';
const VERSIONS = '/api/projects/{project_code}/templates/{template_code}/versions';
const VERSION = '/api/projects/{project_code}/templates/{template_code}/versions/{version}';
const ASSIGN = '/api/projects/{project_code}/templates/{template_code}/versions/{version}/assign_to_assets';

const SECRET = 'tpl-secret-9f8e7d';

/** A clock the tests move by hand; it starts at the real time so emulator timestamps stay in order. */
const clock = {
  ms: Date.now(),
  now(): number {
    return this.ms;
  },
} satisfies Clock & { ms: number };

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator({ clock });
});
afterAll(async () => {
  await emu.close();
});

function titles(body: unknown): string[] {
  return (body as ErrorDoc).errors.map((e) => e.title);
}

function template(body: unknown): TemplateResource {
  return (body as { data: TemplateResource }).data;
}

function version(body: unknown): VersionResource {
  return (body as { data: VersionResource }).data;
}

/** PUT of a version; the contract requires `description`, null unless the test sends one. */
async function putVersion(path: string, attributes: Record<string, unknown>) {
  return emu.request('operator', 'PUT', path, attrs({ description: null, ...attributes }));
}

describe('templates', () => {
  it("lists a project's templates with their versions and hidden credentials", async () => {
    const res = await emu.contract('viewer', 'GET', '/api/projects/bank/templates', LIST);
    const list = (res.body as { data: TemplateResource[] }).data;
    expect(list.map((t) => t.attributes.code)).toEqual(['soa', 'postgres']);
    const soa = list[0];
    expect(soa?.attributes).toMatchObject({
      name: 'Oracle SOA Suite',
      user: '{{hidden}}',
      password: '{{hidden}}',
      ssh_key_data: null,
    });
    expect(soa?.relationships.template_versions.data).toHaveLength(3);
    expect(soa?.relationships.template_versions.links.related).toBe(
      '/api/projects/bank/templates/soa/versions',
    );
    expect(soa?.links).toEqual({
      project: '/api/projects/bank',
      self: '/api/projects/bank/templates/soa',
      template_versions: '/api/projects/bank/templates/soa/versions',
    });
    expect(res.text).not.toContain('demo-token');
  });

  it('filters and sorts templates', async () => {
    const sorted = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/templates?filter[sorts]=code%20asc',
    );
    expect((sorted.body as { data: TemplateResource[] }).data.map((t) => t.attributes.code)).toEqual([
      'postgres',
      'soa',
    ]);
    const named = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/templates?filter[name_cont]=postgre',
    );
    expect((named.body as { data: TemplateResource[] }).data.map((t) => t.attributes.code)).toEqual([
      'postgres',
    ]);
  });

  it('shows one template and answers 404 for unknown projects and templates', async () => {
    const res = await emu.contract('operator', 'GET', '/api/projects/bank/templates/postgres', SHOW);
    expect(template(res.body).attributes.code).toBe('postgres');
    expect((await emu.contract('operator', 'GET', '/api/projects/nope/templates', LIST)).status).toBe(404);
    expect((await emu.contract('operator', 'GET', '/api/projects/bank/templates/nope', SHOW)).status).toBe(
      404,
    );
    // Templates belong to one project.
    expect((await emu.request('operator', 'GET', '/api/projects/retail/templates/soa')).status).toBe(404);
  });

  it('refuses templates on Standard projects with 422 "Unsupported project type"', async () => {
    const list = await emu.request('operator', 'GET', '/api/projects/website/templates');
    expect(list.status).toBe(422);
    expect((list.body as ErrorDoc).errors).toEqual([
      {
        status: 422,
        title: 'Unsupported project type',
        detail: '"Standard" projects do not support templates',
      },
    ]);
    const create = await emu.contract(
      'operator',
      'POST',
      '/api/projects/website/templates',
      LIST,
      attrs({
        ...NO_CREDENTIALS,
        description: null,
        code: 'web',
        name: 'Web',
        url: 'https://x.example/r.git',
      }),
    );
    expect(create.status).toBe(422);
    expect(titles(create.body)).toEqual(['Unsupported project type']);
  });

  it('creates a template and records a system event without its credentials', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      LIST,
      attrs({
        code: 'kafka',
        name: 'Kafka cluster',
        description: 'Three brokers',
        url: 'https://git.example.com/platform/kafka.git',
        user: 'bot',
        password: SECRET,
        ssh_key_data: null,
      }),
    );
    expect(res.status).toBe(201);
    const t = template(res.body);
    expect(t.attributes).toMatchObject({
      code: 'kafka',
      name: 'Kafka cluster',
      archived: false,
      user: '{{hidden}}',
      password: '{{hidden}}',
      ssh_key_data: null,
    });
    expect(t.relationships.template_versions.data).toEqual([]);
    expect(t.meta).toBeNull();
    expect(res.text).not.toContain(SECRET);
    const event = emu.app.emulator.db
      .prepare("SELECT username, payload, source_path FROM events WHERE type = 'api:templates:create'")
      .get() as { username: string; payload: string; source_path: string };
    expect(event).toMatchObject({ username: 'operator', source_path: '/api/projects/bank/templates/kafka' });
    expect(event.payload).not.toContain(SECRET);
  });

  it('answers 422 for a blank code (blank and format, as OpsChain does), bad codes, duplicates and blank names', async () => {
    const blank = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      LIST,
      attrs({ ...NO_CREDENTIALS, description: null, code: '', name: '', url: 'https://x.example/r.git' }),
    );
    expect(blank.status).toBe(422);
    expect((blank.body as ErrorDoc).errors.map((e) => [e.source?.pointer, e.title])).toEqual([
      ['/data/attributes/name', "Name can't be blank"],
      ['/data/attributes/code', "Code can't be blank"],
      ['/data/attributes/code', 'Code must only contain lowercase letters, numbers and underscores'],
    ]);
    const upper = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      attrs({
        ...NO_CREDENTIALS,
        description: null,
        code: 'Kafka-2',
        name: 'K',
        url: 'https://x.example/r.git',
      }),
    );
    expect(titles(upper.body)).toEqual(['Code must only contain lowercase letters, numbers and underscores']);
    const dup = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      attrs({
        ...NO_CREDENTIALS,
        description: null,
        code: 'soa',
        name: 'Again',
        url: 'https://x.example/r.git',
      }),
    );
    expect(titles(dup.body)).toEqual(['Code has already been taken']);
    const url = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      attrs({ ...NO_CREDENTIALS, description: null, code: 'nourl', name: 'No URL' }),
    );
    expect(titles(url.body)).toEqual(["Url can't be blank"]);
    const typed = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      attrs({ ...NO_CREDENTIALS, description: null, code: 7, name: ['x'], url: 'https://x.example/r.git' }),
    );
    expect(typed.status).toBe(422);
  });

  it('answers 400 for unpermitted parameters, 404 for unknown projects and 403 to the viewer', async () => {
    const extra = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/templates',
      LIST,
      attrs({ ...NO_CREDENTIALS, description: null, code: 'x', invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    expect((extra.body as ErrorDoc).errors[0]?.meta?.message).toBe('found unpermitted parameter: :invalid');
    const unknown = await emu.contract(
      'operator',
      'POST',
      '/api/projects/nope/templates',
      LIST,
      attrs({ ...NO_CREDENTIALS, description: null, code: 'x', name: 'X', url: 'https://x.example/r.git' }),
    );
    expect(unknown.status).toBe(404);
    const viewer = await emu.request(
      'viewer',
      'POST',
      '/api/projects/bank/templates',
      attrs({ ...NO_CREDENTIALS, description: null, code: 'v', name: 'V', url: 'https://x.example/r.git' }),
    );
    expect(viewer.status).toBe(403);
  });

  it('archives a template and replaces its credentials through one PATCH URL', async () => {
    const url = '/api/projects/retail/templates/web_app';
    const archived = await emu.contract('operator', 'PATCH', url, ARCHIVE, attrs({ archived: true }));
    expect(template(archived.body).attributes.archived).toBe(true);
    const restored = await emu.contract('operator', 'PATCH', url, ARCHIVE, attrs({ archived: false }));
    expect(template(restored.body).attributes.archived).toBe(false);

    const creds = await emu.contract(
      'operator',
      'PATCH',
      url,
      UPDATE,
      attrs({ user: null, password: null, ssh_key_data: SECRET }),
    );
    expect(template(creds.body).attributes).toMatchObject({
      user: null,
      password: null,
      ssh_key_data: '{{hidden}}',
    });
    expect(creds.text).not.toContain(SECRET);
    const stored = emu.app.emulator.db
      .prepare("SELECT user, password, ssh_key_data FROM templates WHERE code = 'web_app'")
      .get();
    expect(stored).toEqual({ user: null, password: null, ssh_key_data: SECRET });
    const event = emu.app.emulator.db
      .prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'api:templates:update'")
      .get();
    expect(event).toEqual({ n: 3 });
  });

  it('answers 400 for mixed or unknown PATCH keys, 404 for unknown templates and 403 to the viewer', async () => {
    const url = '/api/projects/retail/templates/web_app';
    const mixed = await emu.contract('operator', 'PATCH', url, ARCHIVE, attrs({ archived: true, user: 'x' }));
    expect(mixed.status).toBe(400);
    const unknownKey = await emu.contract(
      'operator',
      'PATCH',
      url,
      UPDATE,
      attrs({ ...NO_CREDENTIALS, code: 'renamed' }),
    );
    expect(unknownKey.status).toBe(400);
    const missing = await emu.contract(
      'operator',
      'PATCH',
      '/api/projects/retail/templates/nope',
      UPDATE,
      attrs({ ...NO_CREDENTIALS, user: 'x' }),
    );
    expect(missing.status).toBe(404);
    expect((await emu.request('viewer', 'PATCH', url, attrs({ archived: true }))).status).toBe(403);
    expect(
      (await emu.request('approver', 'PATCH', url, attrs({ ...NO_CREDENTIALS, password: 'x' }))).status,
    ).toBe(403);
  });

  it('has no DELETE', async () => {
    const res = await emu.request('operator', 'DELETE', '/api/projects/bank/templates/postgres');
    expect(res.status).toBe(404);
    expect((await emu.request('operator', 'GET', '/api/projects/bank/templates/postgres')).status).toBe(200);
  });
});

describe('template versions', () => {
  it('lists and shows versions with their actions', async () => {
    const list = await emu.contract('viewer', 'GET', '/api/projects/bank/templates/soa/versions', VERSIONS);
    const versions = (list.body as { data: VersionResource[] }).data;
    expect(versions.map((v) => v.attributes.version)).toEqual(['2024_Q4_1', '2025_Q1_1', '2025_Q2_1']);
    const show = await emu.contract(
      'viewer',
      'GET',
      '/api/projects/bank/templates/soa/versions/2025_Q1_1',
      VERSION,
    );
    const v = version(show.body);
    expect(v.attributes).toMatchObject({
      state: 'ready',
      has_mintmodel: true,
      git_rev: 'v2025.1.1',
      created_by: 'opschain',
    });
    expect(v.attributes.commit_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(v.attributes.actions?.map((a) => a.name)).toEqual(CATALOG_ACTIONS.map((a) => a.name));
    expect(v.links).toEqual({
      self: '/api/projects/bank/templates/soa/versions/2025_Q1_1',
      template: '/api/projects/bank/templates/soa',
    });
  });

  it('filters and sorts versions, and answers 404 for unknown templates and versions', async () => {
    const res = await emu.request(
      'viewer',
      'GET',
      '/api/projects/bank/templates/soa/versions?filter[version_start]=2025&filter[sorts]=version%20desc',
    );
    expect((res.body as { data: VersionResource[] }).data.map((v) => v.attributes.version)).toEqual([
      '2025_Q2_1',
      '2025_Q1_1',
    ]);
    expect(
      (await emu.contract('viewer', 'GET', '/api/projects/bank/templates/nope/versions', VERSIONS)).status,
    ).toBe(404);
    expect(
      (await emu.contract('viewer', 'GET', '/api/projects/bank/templates/soa/versions/9999', VERSION)).status,
    ).toBe(404);
  });

  it('creates a version that initializes, then becomes ready a second later', async () => {
    const url = '/api/projects/bank/templates/postgres/versions/17_0';
    const created = await emu.contract(
      'operator',
      'PUT',
      url,
      VERSION,
      attrs({ description: 'PostgreSQL 17', git_rev: 'pg-17.0' }),
    );
    expect(created.status).toBe(200);
    const fresh = version(created.body);
    expect(fresh.attributes).toMatchObject({
      version: '17_0',
      state: 'initializing',
      commit_sha: null,
      has_mintmodel: false,
      created_by: 'operator',
      archived: false,
    });
    expect(fresh.attributes.actions).toBeUndefined();

    clock.ms += 500;
    expect(version((await emu.request('viewer', 'GET', url)).body).attributes.state).toBe('initializing');
    clock.ms += 600;
    const ready = await emu.contract('viewer', 'GET', url, VERSION);
    expect(version(ready.body).attributes).toMatchObject({ state: 'ready', has_mintmodel: true });
    expect(version(ready.body).attributes.commit_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(version(ready.body).attributes.actions).toHaveLength(CATALOG_ACTIONS.length);
    const event = emu.app.emulator.db
      .prepare("SELECT source_path FROM events WHERE type = 'api:template_versions:update'")
      .get();
    expect(event).toEqual({ source_path: url });
  });

  it('updates an existing version in place (200), re-resolving it when git_rev changes', async () => {
    const url = '/api/projects/bank/templates/postgres/versions/15_6';
    const before = version((await emu.request('operator', 'GET', url)).body);
    const described = await emu.contract(
      'operator',
      'PUT',
      url,
      VERSION,
      attrs({ description: 'Legacy', git_rev: 'pg-15.6' }),
    );
    expect(version(described.body)).toMatchObject({
      id: before.id,
      attributes: { description: 'Legacy', state: 'ready' },
    });

    const moved = await putVersion(url, { description: 'Legacy', git_rev: 'pg-15.7' });
    expect(version(moved.body).attributes).toMatchObject({
      state: 'initializing',
      commit_sha: null,
      git_rev: 'pg-15.7',
    });
    clock.ms += 1000;
    const after = version((await emu.request('operator', 'GET', url)).body);
    expect(after.attributes.state).toBe('ready');
    expect(after.attributes.commit_sha).not.toBe(before.attributes.commit_sha);

    const archived = await putVersion(url, { description: 'Legacy', git_rev: 'pg-15.7', archived: true });
    expect(version(archived.body).attributes.archived).toBe(true);
  });

  it('answers 422 for a blank git_rev and a new version created archived, listing both', async () => {
    const res = await emu.contract(
      'operator',
      'PUT',
      '/api/projects/bank/templates/postgres/versions/18_0',
      VERSION,
      attrs({ description: null, git_rev: '', archived: true }),
    );
    expect(res.status).toBe(422);
    expect((res.body as ErrorDoc).errors.map((e) => [e.source?.pointer, e.title])).toEqual([
      ['/data/attributes/git_rev', "Git rev can't be blank"],
      ['/data/attributes/base', 'Cannot create a new archived template version'],
    ]);
    expect(
      (await emu.request('operator', 'GET', '/api/projects/bank/templates/postgres/versions/18_0')).status,
    ).toBe(404);
  });

  it('answers 422 for malformed version names and revisions, 400 for unknown keys, 404 and 403', async () => {
    const name = await putVersion('/api/projects/bank/templates/postgres/versions/bad-name!', {
      description: 'x',
      git_rev: 'main',
    });
    expect(name.status).toBe(422);
    expect((name.body as ErrorDoc).errors[0]?.source?.pointer).toBe('/data/attributes/version');
    const rev = await putVersion('/api/projects/bank/templates/postgres/versions/x1', {
      description: 'x',
      git_rev: 'has space',
    });
    expect(titles(rev.body)).toEqual(['Git rev is not a valid Git revision']);
    const typed = await putVersion('/api/projects/bank/templates/postgres/versions/x2', {
      description: 5,
      git_rev: 'main',
    });
    expect(typed.status).toBe(422);
    const extra = await emu.contract(
      'operator',
      'PUT',
      '/api/projects/bank/templates/postgres/versions/x3',
      VERSION,
      attrs({ git_rev: 'main', invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    const unknown = await emu.contract(
      'operator',
      'PUT',
      '/api/projects/bank/templates/nope/versions/x4',
      VERSION,
      attrs({ description: 'x', git_rev: 'main' }),
    );
    expect(unknown.status).toBe(404);
    const viewer = await emu.request(
      'viewer',
      'PUT',
      '/api/projects/bank/templates/postgres/versions/x5',
      attrs({ description: 'x', git_rev: 'main' }),
    );
    expect(viewer.status).toBe(403);
  });
});

describe('assigning template versions to assets', () => {
  const base = '/api/projects/bank/templates/soa/versions';

  async function assetHistory(path: string): Promise<HistoryResource[]> {
    const res = await emu.request('operator', 'GET', `/api${path}/version_history`);
    return (res.body as { data: HistoryResource[] }).data;
  }

  it('moves assets to the version, closing the previous history record and opening a new one', async () => {
    const path = '/projects/bank/environments/test/assets/soa_test';
    const before = await assetHistory(path);
    expect(before).toHaveLength(1);
    const res = await emu.contract(
      'operator',
      'POST',
      `${base}/2025_Q1_1/assign_to_assets`,
      ASSIGN,
      attrs({ asset_paths: [path] }),
    );
    expect(res.status).toBe(200);
    const target = version(res.body);
    expect(target.attributes.version).toBe('2025_Q1_1');

    const after = await assetHistory(path);
    expect(after).toHaveLength(2);
    expect(after[0]?.id).toBe(before[0]?.id);
    expect(after[0]?.attributes.active_to).not.toBeNull();
    expect(after[1]?.attributes.active_to).toBeNull();
    expect(after[1]?.attributes.active_from).toBe(after[0]?.attributes.active_to);
    expect(after[1]?.relationships.template_version.data.id).toBe(target.id);

    const asset = (await emu.request('operator', 'GET', `/api${path}`)).body as AssetDoc;
    expect(asset.data.relationships.template_version.data?.id).toBe(target.id);
    expect(
      emu.app.emulator.db
        .prepare("SELECT 1 FROM events WHERE type = 'api:template_versions:assign_to_assets'")
        .get(),
    ).toBeDefined();
  });

  it('is idempotent for assets already on the version', async () => {
    const path = '/projects/bank/environments/dev/assets/soa_dev';
    await emu.request(
      'operator',
      'POST',
      `${base}/2024_Q4_1/assign_to_assets`,
      attrs({ asset_paths: [path] }),
    );
    const once = await assetHistory(path);
    await emu.request(
      'operator',
      'POST',
      `${base}/2024_Q4_1/assign_to_assets`,
      attrs({ asset_paths: [path, `${path}/`] }),
    );
    expect(await assetHistory(path)).toHaveLength(once.length);
  });

  it('lists the paths that do not exist in a 422, and changes nothing', async () => {
    const good = '/projects/bank/environments/prod/assets/soa_prod';
    const res = await emu.contract(
      'operator',
      'POST',
      `${base}/2025_Q2_1/assign_to_assets`,
      ASSIGN,
      attrs({
        asset_paths: [good, '/path/does/not/exist', '/projects/retail/environments/dev/assets/cart_dev'],
      }),
    );
    expect(res.status).toBe(422);
    expect((res.body as ErrorDoc).errors).toEqual([
      {
        status: 422,
        code: 'model error',
        title:
          'The following asset(s) do not exist: /path/does/not/exist, /projects/retail/environments/dev/assets/cart_dev',
        source: { pointer: '/data/attributes/base' },
      },
    ]);
    expect(await assetHistory(good)).toHaveLength(2);
  });

  it('refuses assets built from another template and archived versions', async () => {
    const other = await emu.request(
      'operator',
      'POST',
      `${base}/2025_Q2_1/assign_to_assets`,
      attrs({ asset_paths: ['/projects/bank/assets/shared_db'] }),
    );
    expect(titles(other.body)).toEqual([
      'The following asset(s) do not use template soa: /projects/bank/assets/shared_db',
    ]);
    await putVersion('/api/projects/bank/templates/soa/versions/2024_Q4_1', {
      git_rev: 'v2024.4.1',
      archived: true,
    });
    const archived = await emu.request(
      'operator',
      'POST',
      `${base}/2024_Q4_1/assign_to_assets`,
      attrs({ asset_paths: ['/projects/bank/environments/prod/assets/soa_prod'] }),
    );
    expect(titles(archived.body)).toEqual(['Cannot assign assets to an archived template version']);
  });

  it('answers 400 without asset_paths, 404 for unknown versions and 403 to the viewer', async () => {
    const missing = await emu.contract(
      'operator',
      'POST',
      `${base}/2025_Q2_1/assign_to_assets`,
      ASSIGN,
      attrs({}),
    );
    expect(missing.status).toBe(400);
    expect((missing.body as ErrorDoc).errors[0]?.meta?.message).toBe(
      'param is missing or the value is empty: asset_paths',
    );
    const empty = await emu.request(
      'operator',
      'POST',
      `${base}/2025_Q2_1/assign_to_assets`,
      attrs({ asset_paths: [] }),
    );
    expect(empty.status).toBe(400);
    const typed = await emu.request(
      'operator',
      'POST',
      `${base}/2025_Q2_1/assign_to_assets`,
      attrs({ asset_paths: [1, {}] }),
    );
    expect(typed.status).toBe(422);
    const unknown = await emu.contract(
      'operator',
      'POST',
      `${base}/nope/assign_to_assets`,
      ASSIGN,
      attrs({ asset_paths: ['/x'] }),
    );
    expect(unknown.status).toBe(404);
    const viewer = await emu.request(
      'viewer',
      'POST',
      `${base}/2025_Q2_1/assign_to_assets`,
      attrs({ asset_paths: ['/projects/bank/environments/dev/assets/soa_dev'] }),
    );
    expect(viewer.status).toBe(403);
  });

  it('gives assets on a new version its actions once the version is ready', async () => {
    const path = '/projects/bank/environments/dev/assets/ledger_db_dev';
    await putVersion('/api/projects/bank/templates/postgres/versions/16_3', {
      description: '16.3',
      git_rev: 'pg-16.3',
    });
    const assigned = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/templates/postgres/versions/16_3/assign_to_assets',
      attrs({ asset_paths: [path] }),
    );
    expect(assigned.status).toBe(200);
    const pending = (await emu.request('operator', 'GET', `/api${path}`)).body as AssetDoc;
    expect(pending.data.attributes).toMatchObject({ actions: [], mintmodel_valid: false });
    clock.ms += 1000;
    const ready = (await emu.request('operator', 'GET', `/api${path}`)).body as AssetDoc;
    expect(ready.data.attributes.actions.map((a) => a.name)).toEqual(CATALOG_ACTIONS.map((a) => a.name));
    expect(ready.data.attributes.mintmodel_valid).toBe(true);
  });
});

describe('assets and their templates', () => {
  it("includes the asset's template and template version in the asset show", async () => {
    const res = await emu.contract(
      'viewer',
      'GET',
      '/api/projects/bank/assets/shared_db',
      '/api/projects/{project_code}/assets/{asset_code}',
    );
    const included = (res.body as AssetDoc).included;
    expect(included.map((r) => r.type)).toEqual(['project', 'template', 'template_version']);
    expect(included[1]?.attributes).toMatchObject({ code: 'postgres', password: '{{hidden}}' });
    expect(included[2]?.attributes).toMatchObject({ version: '16_2', state: 'ready' });
    expect(res.text).not.toContain('demo-token');
  });
});

describe('template credential secrecy', () => {
  it('never answers a stored secret on any template endpoint', async () => {
    await emu.request(
      'operator',
      'POST',
      '/api/projects/retail/templates',
      attrs({
        code: 'vault',
        name: 'Vault',
        url: 'ssh://git@git.example.com/vault.git',
        user: 'vault-user-Q1',
        password: SECRET,
        ssh_key_data: SECRET,
      }),
    );
    const texts = [
      (await emu.request('operator', 'GET', '/api/projects/retail/templates')).text,
      (await emu.request('viewer', 'GET', '/api/projects/retail/templates/vault')).text,
      (
        await emu.request(
          'operator',
          'PATCH',
          '/api/projects/retail/templates/vault',
          attrs({ archived: true }),
        )
      ).text,
      (await emu.request('operator', 'GET', '/api/projects/retail/environments/dev/assets/cart_dev')).text,
    ];
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('vault-user-Q1');
    }
    const events = emu.app.emulator.db.prepare('SELECT payload FROM events').all() as { payload: string }[];
    expect(events.some((e) => e.payload.includes(SECRET))).toBe(false);
  });
});
