import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { appendVersion } from '../documents.ts';
import { findNodeByPath, type NodeRow } from '../nodes.ts';
import { insertPolicy } from '../seeds/policies.ts';
import { renderMintmodel, storeMintmodel } from '../template-store.ts';

interface Identifier {
  type: string;
  id: string;
}
interface HistoryResource {
  id: string;
  type: string;
  attributes: { active_from: string; active_to: string | null };
  relationships: { owner: { data: Identifier }; template_version: { data: Identifier } };
  links: Record<string, string>;
}
interface IncludedResource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: Identifier | Identifier[]; links?: Record<string, string> }>;
  links: Record<string, string>;
}
interface ConvergedDoc {
  data: {
    id: string;
    type: string;
    attributes: { data: Record<string, unknown> };
    relationships: { repository_properties: { data: Identifier[] }; properties: { data: Identifier[] } };
    links: Record<string, string>;
  };
  included: IncludedResource[];
}
interface MintmodelResource {
  id: string;
  type: string;
  attributes: { data: Record<string, unknown>; sha256: string; created_at: string };
  relationships: { mintmodel_history: { data: Identifier[] } };
  links: Record<string, string>;
}
interface MintmodelHistoryResource {
  id: string;
  type: string;
  relationships: {
    parents: { data: Identifier[] };
    mintmodel: { data: Identifier; links: { related: string } };
    opschain_changes: { data: Identifier[] };
  };
  links: Record<string, string>;
}

const VERSION_HISTORY = '/api/projects/{project_code}/assets/{asset_code}/version_history';
const VERSION_HISTORY_ONE = '/api/projects/{project_code}/assets/{asset_code}/version_history/{id}';
const CONVERGED = '/api/projects/{project_code}/assets/{asset_code}/converged_properties';
const MINTMODELS = '/api/projects/{project_code}/assets/{asset_code}/mintmodels';
const MINTMODEL = '/api/projects/{project_code}/assets/{asset_code}/mintmodels/{mintmodel_id}';
const GENERATE = '/api/projects/{project_code}/assets/{asset_code}/mintmodels/generate';
const MM_HISTORY = '/api/projects/{project_code}/assets/{asset_code}/mintmodel_history';
const MM_HISTORY_ONE = '/api/projects/{project_code}/assets/{asset_code}/mintmodel_history/{id}';

const SHARED_DB = '/projects/bank/assets/shared_db';
const SOA_PROD = '/projects/bank/environments/prod/assets/soa_prod';
const SOA_DEV = '/projects/bank/environments/dev/assets/soa_dev';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function node(path: string): NodeRow {
  const row = findNodeByPath(emu.app.emulator, path);
  if (!row) throw new Error(`no node ${path}`);
  return row;
}

function setProperties(path: string, data: Record<string, unknown>): void {
  appendVersion(emu.app.emulator, node(path).properties_id, data);
}

function mintmodelCount(path: string): number {
  const row = emu.app.emulator.db
    .prepare('SELECT COUNT(*) AS n FROM mintmodels WHERE asset_id = ?')
    .get(node(path).id) as { n: number };
  return row.n;
}

describe('template version history', () => {
  it('lists the versions a project asset has held, oldest first, the current one open', async () => {
    const res = await emu.contract('viewer', 'GET', `/api${SHARED_DB}/version_history`, VERSION_HISTORY);
    const records = (res.body as { data: HistoryResource[] }).data;
    expect(records.map((r) => r.links.template_version)).toEqual([
      '/api/projects/bank/templates/postgres/versions/15_6',
      '/api/projects/bank/templates/postgres/versions/16_2',
    ]);
    expect(records[0]?.attributes.active_to).toBe(records[1]?.attributes.active_from);
    expect(records[1]?.attributes.active_to).toBeNull();
    const asset = node(SHARED_DB);
    expect(records[1]?.relationships).toEqual({
      owner: { data: { type: 'asset', id: asset.id } },
      template_version: { data: { type: 'template_version', id: asset.template_version_id } },
    });
    expect(records[1]?.links.self).toBe(`/api${SHARED_DB}/version_history/${records[1]?.id ?? ''}`);
    expect(records[1]?.links.asset).toBe(`/api${SHARED_DB}`);
  });

  it('works for environment assets and filters by version', async () => {
    const all = await emu.request('viewer', 'GET', `/api${SOA_PROD}/version_history`);
    expect((all.body as { data: HistoryResource[] }).data).toHaveLength(2);
    const current = await emu.request(
      'viewer',
      'GET',
      `/api${SOA_PROD}/version_history?filter[active_to_null]=1`,
    );
    const open = (current.body as { data: HistoryResource[] }).data;
    expect(open.map((r) => r.links.template_version)).toEqual([
      '/api/projects/bank/templates/soa/versions/2025_Q1_1',
    ]);
    const byVersion = await emu.request(
      'viewer',
      'GET',
      `/api${SOA_PROD}/version_history?filter[template_version_eq]=2024_Q4_1`,
    );
    expect((byVersion.body as { data: HistoryResource[] }).data[0]?.attributes.active_to).not.toBeNull();
    const sorted = await emu.request(
      'viewer',
      'GET',
      `/api${SOA_PROD}/version_history?filter[sorts]=active_from%20desc`,
    );
    expect((sorted.body as { data: HistoryResource[] }).data[0]?.attributes.active_to).toBeNull();
  });

  it('shows one record with the asset and template version included, 404 otherwise', async () => {
    const list = await emu.request('viewer', 'GET', `/api${SHARED_DB}/version_history`);
    const first = (list.body as { data: HistoryResource[] }).data[0];
    const res = await emu.contract(
      'viewer',
      'GET',
      `/api${SHARED_DB}/version_history/${first?.id ?? ''}`,
      VERSION_HISTORY_ONE,
    );
    const included = (res.body as { included: IncludedResource[] }).included;
    expect(included.map((r) => r.type)).toEqual(['asset', 'template_version']);
    expect(included[1]?.attributes.version).toBe('15_6');
    expect((await emu.request('viewer', 'GET', `/api${SHARED_DB}/version_history/nope`)).status).toBe(404);
    // A record belongs to one asset.
    expect(
      (await emu.request('viewer', 'GET', `/api${SOA_PROD}/version_history/${first?.id ?? ''}`)).status,
    ).toBe(404);
    expect(
      (await emu.request('viewer', 'GET', '/api/projects/bank/assets/nope/version_history')).status,
    ).toBe(404);
  });
});

describe('converged properties', () => {
  it('merges repository, project, environment and asset properties in that order', async () => {
    const res = await emu.contract('viewer', 'GET', `/api${SOA_PROD}/converged_properties`, CONVERGED);
    const doc = res.body as ConvergedDoc;
    expect(doc.data.id).toBe('soa_prod');
    expect(doc.data.type).toBe('converged_properties');
    expect(doc.data.links.self).toBe(`/api${SOA_PROD}/converged_properties`);
    const data = doc.data.attributes.data;
    expect(data.template).toEqual({ code: 'soa', version: '2025_Q1_1' });
    expect(data.owner).toBe('platform-team');
    expect(data.tier).toBe('prod');
    // Environment and asset objects merge key by key.
    expect(data.soa).toEqual({
      managed_servers: 4,
      cluster: { name: 'soa_cluster', load_balancer: 'lb-prod-01.bank.internal' },
      admin_port: 7001,
      managed_port: 8001,
      hosts: ['soa1-prod.bank.internal'],
    });
    const ids = [node('/projects/bank'), node('/projects/bank/environments/prod'), node(SOA_PROD)].map(
      (n) => n.properties_id,
    );
    expect(doc.data.relationships.properties.data).toEqual(ids.map((id) => ({ type: 'properties', id })));
    expect(doc.data.relationships.repository_properties.data).toEqual([
      { type: 'repository_properties', id: 'properties.yaml' },
    ]);
    expect(doc.included.map((r) => `${r.type}:${r.id}`)).toEqual([
      ...ids.map((id) => `properties:${id}`),
      'repository_properties:properties.yaml',
    ]);
    const repo = doc.included[3];
    expect(repo?.attributes).toEqual({ content: { template: { code: 'soa', version: '2025_Q1_1' } } });
    expect(repo?.links).toEqual({ repository_path: '.opschain/properties.yaml' });
    expect(doc.included[0]?.relationships?.owner?.links).toEqual({ owner: '/api/projects/bank' });
  });

  it('lets higher levels win, merges objects recursively and replaces arrays', async () => {
    setProperties('/projects/retail', { list: [1, 2, 3], nested: { a: 1, b: 1 }, level: 'project' });
    setProperties('/projects/retail/environments/test', {
      nested: { b: 2, c: 2 },
      level: 'environment',
      hosts: ['a', 'b', 'c'],
    });
    const asset = '/projects/retail/environments/test/assets/cart_test';
    setProperties(asset, { list: [9], nested: { c: 3 }, hosts: ['x'], template: { version: 'pinned' } });
    const res = await emu.request('viewer', 'GET', `/api${asset}/converged_properties`);
    const data = (res.body as ConvergedDoc).data.attributes.data;
    expect(data).toEqual({
      template: { code: 'web_app', version: 'pinned' },
      list: [9],
      nested: { a: 1, b: 2, c: 3 },
      level: 'environment',
      hosts: ['x'],
    });
    const included = (res.body as ConvergedDoc).included.filter((r) => r.type === 'properties');
    expect(included.map((r) => r.attributes.version)).toEqual([2, 2, 2]);
  });

  it('uses only project and asset properties for a project asset', async () => {
    const res = await emu.request('viewer', 'GET', `/api${SHARED_DB}/converged_properties`);
    const doc = res.body as ConvergedDoc;
    expect(doc.data.relationships.properties.data).toHaveLength(2);
    expect(doc.data.attributes.data.postgres).toEqual({ max_connections: 400, shared_buffers: '8GB' });
    expect(doc.data.attributes.data.tier).toBeUndefined();
  });

  it('keeps a __proto__ key as plain data', async () => {
    const asset = '/projects/retail/environments/dev/assets/cart_dev';
    appendVersion(
      emu.app.emulator,
      node(asset).properties_id,
      JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>,
    );
    const res = await emu.request('viewer', 'GET', `/api${asset}/converged_properties`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 404 for unknown assets and when any contributing properties are unreadable', async () => {
    expect(
      (await emu.request('viewer', 'GET', '/api/projects/bank/assets/nope/converged_properties')).status,
    ).toBe(404);
    const own = await startEmulator();
    try {
      insertPolicy(
        own.app.emulator,
        { name: 'No bank project properties', description: null },
        [{ name: 'Hide', path: '^/projects/bank/properties', read: false, update: false, execute: false }],
        [{ groupname: 'viewers' }],
      );
      own.app.emulator.authzChanged();
      expect((await own.request('viewer', 'GET', `/api${SOA_PROD}/converged_properties`)).status).toBe(404);
      expect((await own.request('viewer', 'GET', `/api${SOA_PROD}/mintmodels/generate`)).status).toBe(404);
      expect((await own.request('operator', 'GET', `/api${SOA_PROD}/converged_properties`)).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('MintModels', () => {
  it("lists and shows the MintModels the asset's changes rendered, with their history", async () => {
    const list = await emu.contract('viewer', 'GET', `/api${SOA_DEV}/mintmodels`, MINTMODELS);
    const models = (list.body as { data: MintmodelResource[] }).data;
    // The demo's history ran changes on this asset (demo-history.ts): one MintModel each.
    const changes = await emu.request('viewer', 'GET', `/api${SOA_DEV}/changes`);
    const changeCount = (changes.body as { data: unknown[] }).data.length;
    expect(changeCount).toBeGreaterThan(0);
    expect(models).toHaveLength(changeCount);
    const model = models[0];
    expect(model?.attributes.data).toMatchObject({ template: { code: 'soa', version: '2025_Q2_1' } });
    expect(model?.attributes.sha256).toBe(
      createHash('sha256').update(JSON.stringify(model?.attributes.data)).digest('hex'),
    );
    expect(model?.relationships.mintmodel_history.data).toHaveLength(1);
    expect(model?.links).toEqual({
      self: `/api${SOA_DEV}/mintmodels/${model?.id ?? ''}`,
      parent_mintmodel_history: `/api${SOA_DEV}/mintmodel_history`,
    });
    const one = await emu.contract(
      'viewer',
      'GET',
      `/api${SOA_DEV}/mintmodels/${model?.id ?? ''}`,
      MINTMODEL,
    );
    expect((one.body as { data: MintmodelResource }).data.id).toBe(model?.id);
    const filtered = await emu.request('viewer', 'GET', `/api${SOA_DEV}/mintmodels?filter[sha256_eq]=nope`);
    expect((filtered.body as { data: MintmodelResource[] }).data).toEqual([]);
  });

  it('answers 404 for unknown MintModels and those of other assets', async () => {
    expect((await emu.contract('viewer', 'GET', `/api${SOA_DEV}/mintmodels/nope`, MINTMODEL)).status).toBe(
      404,
    );
    const list = await emu.request('viewer', 'GET', `/api${SOA_DEV}/mintmodels`);
    const id = (list.body as { data: MintmodelResource[] }).data[0]?.id ?? '';
    expect((await emu.request('viewer', 'GET', `/api${SOA_PROD}/mintmodels/${id}`)).status).toBe(404);
    expect((await emu.request('viewer', 'GET', '/api/projects/bank/assets/nope/mintmodels')).status).toBe(
      404,
    );
  });

  it('generates a MintModel from the converged properties without storing it', async () => {
    const before = mintmodelCount(SOA_PROD);
    const res = await emu.contract('operator', 'GET', `/api${SOA_PROD}/mintmodels/generate`, GENERATE);
    expect(res.status).toBe(200);
    const generated = (res.body as { data: MintmodelResource }).data;
    const converged = await emu.request('operator', 'GET', `/api${SOA_PROD}/converged_properties`);
    expect(generated.attributes.data).toEqual({
      template: { code: 'soa', version: '2025_Q1_1' },
      properties: (converged.body as ConvergedDoc).data.attributes.data,
    });
    expect(generated.attributes.sha256).toBe(
      createHash('sha256').update(JSON.stringify(generated.attributes.data)).digest('hex'),
    );
    expect(generated.relationships.mintmodel_history.data).toEqual([]);
    expect(mintmodelCount(SOA_PROD)).toBe(before);

    const again = (await emu.request('operator', 'GET', `/api${SOA_PROD}/mintmodels/generate`)).body as {
      data: MintmodelResource;
    };
    expect(again.data.attributes.sha256).toBe(generated.attributes.sha256);
    expect(again.data.id).not.toBe(generated.id);
    expect((await emu.request('operator', 'GET', `/api${SOA_PROD}/mintmodels/${generated.id}`)).status).toBe(
      404,
    );
  });

  it('refuses to generate for an asset whose template version has no MintModel', async () => {
    await emu.request(
      'operator',
      'PUT',
      '/api/projects/bank/templates/postgres/versions/17_1',
      attrs({ description: 'x', git_rev: 'pg-17.1' }),
    );
    const asset = '/projects/bank/environments/test/assets/ledger_db_test';
    await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/templates/postgres/versions/17_1/assign_to_assets',
      attrs({ asset_paths: [asset] }),
    );
    const res = await emu.request('operator', 'GET', `/api${asset}/mintmodels/generate`);
    expect(res.status).toBe(422);
    expect((res.body as { errors: { title: string; source: { pointer: string } }[] }).errors).toEqual([
      {
        status: 422,
        code: 'model error',
        title: 'Template version "17_1" of template "postgres" does not provide a MintModel',
        source: { pointer: '/data/attributes/base' },
      },
    ]);
  });
});

describe('MintModel history', () => {
  it("lists and shows a project asset's history with the MintModel included", async () => {
    const asset = node(SHARED_DB);
    const app = emu.app.emulator;
    const stored = app.tx(() => storeMintmodel(app, asset, renderMintmodel(app, asset), null));
    const list = await emu.contract('viewer', 'GET', `/api${SHARED_DB}/mintmodel_history`, MM_HISTORY);
    const records = (list.body as { data: MintmodelHistoryResource[] }).data;
    expect(records.map((r) => r.id)).toContain(stored.historyId);
    expect(records.find((r) => r.id === stored.historyId)?.relationships).toEqual({
      parents: {
        data: [
          { type: 'project', id: asset.project_id },
          { type: 'asset', id: asset.id },
        ],
      },
      mintmodel: {
        data: { type: 'mintmodel', id: stored.mintmodelId },
        links: { related: `/api${SHARED_DB}/mintmodels/${stored.mintmodelId}` },
      },
      opschain_changes: { data: [] },
    });
    const one = await emu.contract(
      'viewer',
      'GET',
      `/api${SHARED_DB}/mintmodel_history/${stored.historyId}`,
      MM_HISTORY_ONE,
    );
    const included = (one.body as { included: MintmodelResource[] }).included;
    expect(included.map((m) => m.id)).toEqual([stored.mintmodelId]);
    expect(included[0]?.relationships.mintmodel_history.data).toEqual([
      { type: 'mintmodel_history', id: stored.historyId },
    ]);
  });

  it("names the environment among the parents of an environment asset's records and links changes", async () => {
    // Change lists are newest first; the history's first record is the oldest change's.
    const changes = await emu.request('viewer', 'GET', `/api${SOA_DEV}/changes`);
    const firstChange = (changes.body as { data: { id: string }[] }).data.at(-1)?.id;
    const res = await emu.request('viewer', 'GET', `/api${SOA_DEV}/mintmodel_history`);
    const record = (res.body as { data: MintmodelHistoryResource[] }).data[0];
    expect(record?.relationships.parents.data.map((p) => p.type)).toEqual([
      'project',
      'environment',
      'asset',
    ]);
    expect(firstChange).toBeDefined();
    expect(record?.relationships.opschain_changes.data).toEqual([{ type: 'change', id: firstChange }]);
    const filtered = await emu.request(
      'viewer',
      'GET',
      `/api${SOA_DEV}/mintmodel_history?filter[change_id_eq]=other`,
    );
    expect((filtered.body as { data: unknown[] }).data).toEqual([]);
  });

  it('answers 404 for unknown records and assets', async () => {
    expect((await emu.request('viewer', 'GET', `/api${SOA_DEV}/mintmodel_history/nope`)).status).toBe(404);
    expect(
      (await emu.request('viewer', 'GET', '/api/projects/bank/assets/nope/mintmodel_history')).status,
    ).toBe(404);
  });
});
