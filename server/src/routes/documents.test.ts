import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attrs, basicAuth, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { buildApp } from '../app.ts';
import { insertPolicy } from '../seeds/policies.ts';

/** Walks a parsed JSON body: `dig(body, 'data', 'attributes', 'version')`. */
function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function list(value: unknown, ...path: string[]): unknown[] {
  const found = dig(value, ...path);
  return Array.isArray(found) ? found : [];
}

async function documentIds(
  emu: TestEmulator,
  nodeUrl: string,
): Promise<{ properties: string; settings: string }> {
  const res = await emu.request('opschain', 'GET', nodeUrl);
  return {
    properties: String(dig(res.body, 'data', 'relationships', 'properties', 'data', 'id')),
    settings: String(dig(res.body, 'data', 'relationships', 'settings', 'data', 'id')),
  };
}

async function versionOf(emu: TestEmulator, kind: string, id: string): Promise<unknown> {
  return dig(
    (await emu.request('opschain', 'GET', `/api/${kind}/${id}`)).body,
    'data',
    'attributes',
    'version',
  );
}

/** Denies `user` read on `path` with a rule longer (so higher-ranked) than the demo users' `^/`. */
function denyRead(emu: TestEmulator, user: string, path: string): void {
  const core = emu.app.emulator;
  core.tx(() => {
    insertPolicy(
      core,
      { name: `deny ${path} for ${user}`, description: null },
      [{ name: `no ${path}`, path, read: false, update: false, execute: false }],
      [{ username: user }],
    );
  });
  core.authzChanged();
}

let emu: TestEmulator;
let bank: { properties: string; settings: string };
beforeAll(async () => {
  emu = await startEmulator({ drive: false });
  bank = await documentIds(emu, '/api/projects/bank');
});
afterAll(async () => {
  await emu.close();
});

describe('properties', () => {
  it('shows the current document with its version, owner link and version links', async () => {
    const res = await emu.contract(
      'viewer',
      'GET',
      `/api/properties/${bank.properties}`,
      '/api/properties/{properties_id}',
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'type')).toBe('properties');
    // The demo seed stores three versions of the bank properties; the third added opschain.env.
    expect(dig(res.body, 'data', 'attributes', 'version')).toBe(3);
    expect(dig(res.body, 'data', 'attributes', 'data', 'opschain', 'env', 'JAVA_OPTS')).toBe('-Xmx2g');
    expect(dig(res.body, 'data', 'relationships')).toEqual({
      owner: { links: { owner: '/api/projects/bank' } },
    });
    expect(dig(res.body, 'data', 'links')).toEqual({
      self: `/api/properties/${bank.properties}`,
      current_version: `/api/properties/${bank.properties}/versions/3`,
      versions: `/api/properties/${bank.properties}/versions`,
    });
  });

  it('answers 404 for an id that is no properties document (including a settings id)', async () => {
    const unknown = await emu.contract(
      'opschain',
      'GET',
      '/api/properties/nope',
      '/api/properties/{properties_id}',
    );
    expect(unknown.status).toBe(404);
    expect(dig(unknown.body, 'errors', 0, 'title')).toBe('Active Record - Record Not Found');
    const wrongKind = await emu.request('opschain', 'GET', `/api/properties/${bank.settings}`);
    expect(wrongKind.status).toBe(404);
  });

  it('applies a checked update at the current version and answers the next version', async () => {
    const { properties } = await documentIds(emu, '/api/projects/retail');
    const body = attrs({
      data: { owner: 'digital-team', cdn: { provider: 'cloudflare', pops: ['syd', 'mel'] } },
      version: 1,
    });
    const res = await emu.contract(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      '/api/properties/{id_to_update}',
      body,
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'version')).toBe(2);
    expect(dig(res.body, 'data', 'links', 'current_version')).toBe(
      `/api/properties/${properties}/versions/2`,
    );
    const shown = await emu.request('viewer', 'GET', `/api/properties/${properties}`);
    expect(dig(shown.body, 'data', 'attributes', 'data')).toEqual({
      owner: 'digital-team',
      cdn: { provider: 'cloudflare', pops: ['syd', 'mel'] },
    });
  });

  it('refuses a checked update made to an old version with the exact 422 and stores nothing', async () => {
    const before = await emu.request('opschain', 'GET', `/api/properties/${bank.properties}/versions`);
    const res = await emu.contract(
      'operator',
      'PATCH',
      `/api/properties/${bank.properties}`,
      '/api/properties/{id_to_update}',
      attrs({ data: { overwritten: true }, version: 99 }),
    );
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      errors: [
        {
          status: 422,
          code: 'model error',
          title:
            'Version mismatch, the properties are now at version 3 whilst these modifications were made to version 99. ' +
            'Please fetch the latest version of the properties and reapply the edits.',
          source: { pointer: '/data/attributes/version' },
        },
      ],
    });
    const after = await emu.request('opschain', 'GET', `/api/properties/${bank.properties}/versions`);
    expect(after.body).toEqual(before.body);
    const current = await emu.request('opschain', 'GET', `/api/properties/${bank.properties}`);
    expect(dig(current.body, 'data', 'attributes', 'data', 'overwritten')).toBeUndefined();
  });

  it('applies an unchecked update (no version) whatever the current version, still bumping it', async () => {
    const { properties } = await documentIds(emu, '/api/projects/website');
    const first = await emu.contract(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      '/api/properties/{id_to_set}',
      attrs({ data: { cms: 'hugo' } }),
    );
    expect(first.status).toBe(200);
    expect(dig(first.body, 'data', 'attributes', 'version')).toBe(2);
    const second = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      attrs({ data: {} }),
    );
    expect(dig(second.body, 'data', 'attributes')).toMatchObject({ data: {}, version: 3 });
    // The contract has no `version: null`: a checked update needs an integer, an unchecked one leaves it out.
    const nullVersion = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      attrs({ data: {}, version: null }),
    );
    expect(nullVersion.status).toBe(422);
    expect(dig(nullVersion.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/version');
  });

  it('accepts free-form documents of any depth, including keys the request schema does not list', async () => {
    const { properties } = await documentIds(emu, '/api/projects/bank/environments/test');
    const deep = {
      a: { b: { c: { d: { e: [1, { f: null }, 'g'] } } } },
      'dotted.key': true,
      'unicode ✓': 'ü',
    };
    const res = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      attrs({ data: deep, version: 1 }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'data')).toEqual(deep);
  });

  it('answers 400 exactly like the spec when attributes are missing, and for unknown attributes', async () => {
    const missing = await emu.contract(
      'operator',
      'PATCH',
      `/api/properties/${bank.properties}`,
      '/api/properties/{id_to_set}',
      { data: {} },
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      errors: [
        {
          status: 400,
          title: 'Action Controller - Parameter Missing',
          meta: { message: 'param is missing or the value is empty: attributes' },
        },
      ],
    });
    const extra = await emu.contract(
      'operator',
      'PATCH',
      `/api/properties/${bank.properties}`,
      '/api/properties/{id_to_update}',
      attrs({ data: {}, version: 3, invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    expect(dig(extra.body, 'errors', 0, 'meta', 'message')).toBe('found unpermitted parameter: :invalid');
    const notJson = await emu.request('operator', 'PATCH', `/api/properties/${bank.properties}`, '{"data": ');
    expect(notJson.status).toBe(400);
  });

  it('answers 422 on /data/attributes/data when data is not a JSON object, and on version when it is no number', async () => {
    for (const data of [[1, 2], 'text', 42, null]) {
      const res = await emu.request(
        'operator',
        'PATCH',
        `/api/properties/${bank.properties}`,
        attrs({ data }),
      );
      expect(res.status).toBe(422);
      expect(dig(res.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/data');
    }
    const noData = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${bank.properties}`,
      attrs({ version: 3 }),
    );
    expect(dig(noData.body, 'errors', 0, 'title')).toBe("Data can't be blank");
    const badVersion = await emu.contract(
      'operator',
      'PATCH',
      `/api/properties/${bank.properties}`,
      '/api/properties/{id_to_update}',
      attrs({ data: {}, version: 'three' }),
    );
    expect(badVersion.status).toBe(422);
    expect(dig(badVersion.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/version');
    expect(await versionOf(emu, 'properties', bank.properties)).toBe(3);
  });

  it('answers 400 or 422 rather than failing on absurdly deep documents, and still accepts 100 levels', async () => {
    const { properties } = await documentIds(emu, '/api/projects/retail/environments/dev');
    const nest = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
    const absurd = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      `{"data":{"attributes":{"data":${nest(200_000)}}}}`,
    );
    expect(absurd.status).toBe(400);
    expect(dig(absurd.body, 'errors', 0, 'title')).toBe('Request body nested too deeply');
    // Within the limit for request bodies (128 levels), deeper than a document may be.
    const deep = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      `{"data":{"attributes":{"data":${nest(110)}}}}`,
    );
    expect(deep.status).toBe(422);
    expect(dig(deep.body, 'errors', 0)).toMatchObject({
      title: 'Data is nested too deeply (at most 100 levels)',
      source: { pointer: '/data/attributes/data' },
    });
    const fine = await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      `{"data":{"attributes":{"data":${nest(100)}}}}`,
    );
    expect(fine.status).toBe(200);
  });

  it('answers 404 when patching an unknown document', async () => {
    const res = await emu.contract(
      'operator',
      'PATCH',
      '/api/properties/nope',
      '/api/properties/{id_to_update}',
      attrs({ data: {}, version: 1 }),
    );
    expect(res.status).toBe(404);
  });

  it('records api:properties:update with the caller and the document as source', async () => {
    const { properties } = await documentIds(emu, '/api/projects/bank/environments/dev');
    await emu.request(
      'operator',
      'PATCH',
      `/api/properties/${properties}`,
      attrs({ data: { tier: 'dev' }, version: 1 }),
    );
    const events = await emu.request(
      'opschain',
      'GET',
      `/api/events?filter[type_eq]=api:properties:update&filter[source_id_eq]=${properties}`,
    );
    expect(list(events.body, 'data')).toHaveLength(1);
    expect(dig(events.body, 'data', 0, 'attributes', 'username')).toBe('operator');
    expect(dig(events.body, 'data', 0, 'relationships', 'source', 'links', 'source')).toBe(
      `/api/properties/${properties}`,
    );
  });
});

describe('properties versions', () => {
  it('lists every version oldest first, with owner_type and links', async () => {
    const res = await emu.contract(
      'viewer',
      'GET',
      `/api/properties/${bank.properties}/versions`,
      '/api/properties/{properties_id}/versions',
    );
    expect(res.status).toBe(200);
    const versions = list(res.body, 'data');
    expect(versions.map((v) => dig(v, 'attributes', 'version'))).toEqual([1, 2, 3]);
    expect(dig(versions[0], 'attributes', 'data')).toEqual({
      owner: 'platform-team',
      region: 'ap-southeast-2',
    });
    expect(dig(versions[0], 'type')).toBe('properties_version');
    expect(dig(versions[0], 'attributes', 'owner_type')).toBe('project');
    expect(dig(versions[0], 'relationships', 'properties')).toEqual({
      data: { id: bank.properties, type: 'properties' },
      links: { related: `/api/properties/${bank.properties}` },
    });
    expect(dig(versions[2], 'links')).toEqual({
      versions: `/api/properties/${bank.properties}/versions`,
      owner: '/api/projects/bank',
      self: `/api/properties/${bank.properties}/versions/3`,
    });
  });

  it('filters and sorts versions', async () => {
    const res = await emu.request(
      'viewer',
      'GET',
      `/api/properties/${bank.properties}/versions?filter[version_gteq]=2&filter[sorts]=version%20desc`,
    );
    expect(list(res.body, 'data').map((v) => dig(v, 'attributes', 'version'))).toEqual([3, 2]);
    const byData = await emu.request(
      'viewer',
      'GET',
      `/api/properties/${bank.properties}/versions?filter[data_monitoring,scrape_interval_eq]=15s`,
    );
    expect(list(byData.body, 'data').map((v) => dig(v, 'attributes', 'version'))).toEqual([3]);
  });

  it('shows one version, and 404 for versions that do not exist', async () => {
    const one = await emu.contract(
      'viewer',
      'GET',
      `/api/properties/${bank.properties}/versions/2`,
      '/api/properties/{properties_id}/versions/{version_number}',
    );
    expect(one.status).toBe(200);
    expect(dig(one.body, 'data', 'attributes', 'data', 'monitoring', 'scrape_interval')).toBe('30s');
    for (const n of ['99', '0', 'abc', '-1', '1.5']) {
      const missing = await emu.contract(
        'viewer',
        'GET',
        `/api/properties/${bank.properties}/versions/${n}`,
        '/api/properties/{properties_id}/versions/{version_number}',
      );
      expect(missing.status).toBe(404);
    }
    const unknownDoc = await emu.contract(
      'viewer',
      'GET',
      '/api/properties/nope/versions',
      '/api/properties/{properties_id}/versions',
    );
    expect(unknownDoc.status).toBe(404);
  });

  it("says which kind of node owns an asset's properties", async () => {
    const { properties } = await documentIds(emu, '/api/projects/bank/environments/dev/assets/soa_dev');
    const res = await emu.contract(
      'viewer',
      'GET',
      `/api/properties/${properties}/versions/1`,
      '/api/properties/{properties_id}/versions/{version_number}',
    );
    expect(dig(res.body, 'data', 'attributes', 'owner_type')).toBe('asset');
    expect(dig(res.body, 'data', 'links', 'owner')).toBe(
      '/api/projects/bank/environments/dev/assets/soa_dev',
    );
  });
});

describe('settings', () => {
  it('shows settings like properties, as type settings', async () => {
    const res = await emu.contract(
      'viewer',
      'GET',
      `/api/settings/${bank.settings}`,
      '/api/settings/{settings_id}',
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'type')).toBe('settings');
    expect(dig(res.body, 'data', 'attributes')).toMatchObject({
      data: { allow_parallel_changes: false },
      version: 1,
    });
    const missing = await emu.contract(
      'viewer',
      'GET',
      `/api/settings/${bank.properties}`,
      '/api/settings/{settings_id}',
    );
    expect(missing.status).toBe(404);
  });

  it('accepts the documented keys with the right types, and unknown keys', async () => {
    const { settings } = await documentIds(emu, '/api/projects/retail');
    const data = {
      allow_parallel_changes: true,
      allow_parallel_runs_of_same_workflow: false,
      requires_approval_from: 'approvers, qa',
      change_log_retention_days: 10,
      event_retention_days: null,
      notifications: {
        targets: { slack: ['https://slack.com'] },
        events: { change: { failure: { notify: true } } },
      },
      my_team_setting: { anything: ['goes'] },
    };
    const res = await emu.contract(
      'operator',
      'PATCH',
      `/api/settings/${settings}`,
      '/api/settings/{id_to_update}',
      attrs({ data, version: 1 }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'data')).toEqual(data);
    const unchecked = await emu.contract(
      'operator',
      'PATCH',
      `/api/settings/${settings}`,
      '/api/settings/{id_to_set}',
      attrs({ data: { change_log_retention_days: 0 } }),
    );
    expect(dig(unchecked.body, 'data', 'attributes', 'version')).toBe(3);
  });

  it('answers 422 on /data/attributes/data for every mistyped known key at once, storing nothing', async () => {
    const res = await emu.contract(
      'operator',
      'PATCH',
      `/api/settings/${bank.settings}`,
      '/api/settings/{id_to_update}',
      attrs({
        data: {
          allow_parallel_changes: 'yes',
          requires_approval_from: ['approvers'],
          change_log_retention_days: -1,
          event_retention_days: 2.5,
          notifications: { targets: { slack: 'https://slack.com' } },
        },
        version: 1,
      }),
    );
    expect(res.status).toBe(422);
    const errors = list(res.body, 'errors');
    expect(errors.map((e) => dig(e, 'source', 'pointer'))).toEqual(Array(5).fill('/data/attributes/data'));
    expect(errors.map((e) => dig(e, 'title'))).toEqual([
      'Data allow_parallel_changes must be true or false',
      'Data requires_approval_from must be a comma-separated list of users and groups (a string)',
      'Data change_log_retention_days must be a whole number of days (0 or more) or null',
      'Data event_retention_days must be a whole number of days (0 or more) or null',
      'Data notifications targets.slack must be a list of URLs',
    ]);
    expect(await versionOf(emu, 'settings', bank.settings)).toBe(1);
  });

  it('words the version mismatch for settings', async () => {
    const res = await emu.contract(
      'operator',
      'PATCH',
      `/api/settings/${bank.settings}`,
      '/api/settings/{id_to_update}',
      attrs({ data: {}, version: 7 }),
    );
    expect(res.status).toBe(422);
    expect(dig(res.body, 'errors', 0, 'title')).toBe(
      'Version mismatch, the settings are now at version 1 whilst these modifications were made to version 7. ' +
        'Please fetch the latest version of the settings and reapply the edits.',
    );
  });

  it('answers 400 and 404 like properties', async () => {
    const missing = await emu.contract(
      'operator',
      'PATCH',
      `/api/settings/${bank.settings}`,
      '/api/settings/{id_to_set}',
      {},
    );
    expect(missing.status).toBe(400);
    expect(dig(missing.body, 'errors', 0, 'meta', 'message')).toBe(
      'param is missing or the value is empty: data',
    );
    const unknown = await emu.contract(
      'operator',
      'PATCH',
      '/api/settings/nope',
      '/api/settings/{id_to_update}',
      attrs({ data: {}, version: 1 }),
    );
    expect(unknown.status).toBe(404);
  });

  it('keeps settings versions, without owner_type', async () => {
    const { settings } = await documentIds(emu, '/api/projects/bank/environments/prod');
    await emu.request(
      'operator',
      'PATCH',
      `/api/settings/${settings}`,
      attrs({ data: { requires_approval_from: 'approvers, qa' }, version: 1 }),
    );
    const all = await emu.contract(
      'viewer',
      'GET',
      `/api/settings/${settings}/versions`,
      '/api/settings/{settings_id}/versions',
    );
    const versions = list(all.body, 'data');
    expect(versions.map((v) => dig(v, 'attributes', 'data', 'requires_approval_from'))).toEqual([
      'approvers',
      'approvers, qa',
    ]);
    expect(dig(versions[0], 'type')).toBe('settings_version');
    expect(dig(versions[0], 'attributes', 'owner_type')).toBeUndefined();
    expect(dig(versions[0], 'relationships', 'settings', 'data')).toEqual({ id: settings, type: 'settings' });
    const one = await emu.contract(
      'viewer',
      'GET',
      `/api/settings/${settings}/versions/1`,
      '/api/settings/{settings_id}/versions/{version_number}',
    );
    expect(dig(one.body, 'data', 'links', 'owner')).toBe('/api/projects/bank/environments/prod');
    const none = await emu.contract(
      'viewer',
      'GET',
      `/api/settings/${settings}/versions/3`,
      '/api/settings/{settings_id}/versions/{version_number}',
    );
    expect(none.status).toBe(404);
    const noDoc = await emu.contract(
      'viewer',
      'GET',
      '/api/settings/nope/versions',
      '/api/settings/{settings_id}/versions',
    );
    expect(noDoc.status).toBe(404);
    const events = await emu.request(
      'opschain',
      'GET',
      `/api/events?filter[type_eq]=api:settings:update&filter[source_id_eq]=${settings}`,
    );
    expect(list(events.body, 'data')).toHaveLength(1);
  });
});

describe('permissions', () => {
  let restricted: TestEmulator;
  let website: { properties: string; settings: string };
  let retail: { properties: string; settings: string };
  beforeAll(async () => {
    restricted = await startEmulator({ drive: false });
    website = await documentIds(restricted, '/api/projects/website');
    retail = await documentIds(restricted, '/api/projects/retail');
    denyRead(restricted, 'viewer', '^/projects/retail');
    denyRead(restricted, 'viewer', '^/projects/website/properties');
  });
  afterAll(async () => {
    await restricted.close();
  });

  it('answers 403 to callers who may read but not update, and stores nothing', async () => {
    const dev = await documentIds(restricted, '/api/projects/bank/environments/dev');
    for (const user of ['viewer', 'approver'] as const) {
      const res = await restricted.request(
        user,
        'PATCH',
        `/api/properties/${dev.properties}`,
        attrs({ data: { x: 1 } }),
      );
      expect(res.status).toBe(403);
      expect(dig(res.body, 'errors', 0, 'code')).toBe('forbidden');
    }
    const settings = await restricted.request(
      'approver',
      'PATCH',
      `/api/settings/${website.settings}`,
      attrs({ data: {}, version: 1 }),
    );
    expect(settings.status).toBe(403);
    expect(await versionOf(restricted, 'properties', dev.properties)).toBe(1);
    const allowed = await restricted.request(
      'operator',
      'PATCH',
      `/api/settings/${website.settings}`,
      attrs({ data: {}, version: 1 }),
    );
    expect(allowed.status).toBe(200);
  });

  it('answers 404 for the documents of a node the caller cannot read, as if they did not exist', async () => {
    for (const url of [
      `/api/properties/${retail.properties}`,
      `/api/properties/${retail.properties}/versions`,
      `/api/properties/${retail.properties}/versions/1`,
      `/api/settings/${retail.settings}`,
    ]) {
      const res = await restricted.request('viewer', 'GET', url);
      expect(res.status).toBe(404);
    }
    const patch = await restricted.request(
      'viewer',
      'PATCH',
      `/api/properties/${retail.properties}`,
      attrs({ data: {} }),
    );
    expect(patch.status).toBe(404);
    expect((await restricted.request('operator', 'GET', `/api/properties/${retail.properties}`)).status).toBe(
      200,
    );
  });

  it('answers 404 for properties whose /properties sub-path is unreadable, while settings stay readable', async () => {
    expect((await restricted.request('viewer', 'GET', `/api/properties/${website.properties}`)).status).toBe(
      404,
    );
    expect((await restricted.request('viewer', 'GET', `/api/settings/${website.settings}`)).status).toBe(200);
    expect((await restricted.request('viewer', 'GET', '/api/projects/website')).status).toBe(200);
  });
});

describe('concurrent checked updates', () => {
  function statuses(results: { status: number }[]): number[] {
    return results.map((r) => r.status).sort();
  }

  it('lets exactly one of two simultaneous checked updates of the same version win', async () => {
    const { properties } = await documentIds(emu, '/api/projects/retail/environments/test');
    const [a, b] = await Promise.all([
      emu.request(
        'operator',
        'PATCH',
        `/api/properties/${properties}`,
        attrs({ data: { writer: 'a' }, version: 1 }),
      ),
      emu.request(
        'opschain',
        'PATCH',
        `/api/properties/${properties}`,
        attrs({ data: { writer: 'b' }, version: 1 }),
      ),
    ]);
    expect(statuses([a, b])).toEqual([200, 422]);
    const versions = await emu.request('opschain', 'GET', `/api/properties/${properties}/versions`);
    expect(list(versions.body, 'data')).toHaveLength(2);
    const winner = a.status === 200 ? 'a' : 'b';
    expect(dig(list(versions.body, 'data')[1], 'attributes', 'data')).toEqual({ writer: winner });
  });

  it('holds across two app instances (two connections) on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'documents-race-'));
    const file = join(dir, 'emulator.db');
    const apps: FastifyInstance[] = [];
    try {
      apps.push(await buildApp({ db: file, seed: 'demo', drive: false }));
      apps.push(await buildApp({ db: file, seed: 'demo', drive: false }));
      const [first, second] = apps;
      if (!first || !second) throw new Error('apps did not start');
      const project = await first.inject({
        method: 'GET',
        url: '/api/projects/bank',
        headers: { authorization: basicAuth('opschain') },
      });
      const id = String(dig(project.json(), 'data', 'relationships', 'properties', 'data', 'id'));
      const patch = (app: FastifyInstance, writer: string) =>
        app.inject({
          method: 'PATCH',
          url: `/api/properties/${id}`,
          headers: { authorization: basicAuth('opschain'), 'content-type': 'application/vnd.api+json' },
          payload: JSON.stringify(attrs({ data: { writer }, version: 3 })),
        });
      const results = await Promise.all([patch(first, 'first'), patch(second, 'second')]);
      expect(statuses(results.map((r) => ({ status: r.statusCode })))).toEqual([200, 422]);
      const seen = await second.inject({
        method: 'GET',
        url: `/api/properties/${id}/versions`,
        headers: { authorization: basicAuth('opschain') },
      });
      expect(list(seen.json(), 'data').map((v) => dig(v, 'attributes', 'version'))).toEqual([1, 2, 3, 4]);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds across processes: writers in separate OS processes never both win the same version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'documents-race-'));
    const file = join(dir, 'emulator.db');
    try {
      const setup = await buildApp({ db: file, seed: 'demo', drive: false });
      const project = await setup.inject({
        method: 'GET',
        url: '/api/projects/retail',
        headers: { authorization: basicAuth('opschain') },
      });
      const id = String(dig(project.json(), 'data', 'relationships', 'properties', 'data', 'id'));
      await setup.close();

      // A start line instead of a start time: each writer says it is ready (a file), and both start
      // once both are. A fixed time cost 4 s per run, and a writer slower to boot missed the race.
      const writers = ['one', 'two'];
      const running = Promise.all(writers.map((writer) => runWriter({ file, id, writer, dir, rounds: 40 })));
      const bothReady = vi.waitFor(
        () => {
          expect(writers.filter((writer) => !existsSync(join(dir, `ready-${writer}`)))).toEqual([]);
        },
        { timeout: 40_000, interval: 20 },
      );
      // A writer that fails while starting ends the wait with its own error.
      await Promise.race([
        bothReady,
        running.then(() => {
          throw new Error('a writer finished before the start');
        }),
      ]);
      writeFileSync(join(dir, 'go'), '');
      const outputs = await running;
      const wins = outputs.flatMap((o) => o.won);
      const statusCounts = outputs.flatMap((o) => Object.keys(o.counts));
      // Every answer is a win or a clean version mismatch: never a 5xx from two writers colliding.
      expect(statusCounts.filter((s) => s !== '200' && s !== '422')).toEqual([]);
      // Each version was won by exactly one writer, and every win is in the history.
      expect(new Set(wins).size).toBe(wins.length);
      const check = await buildApp({ db: file, drive: false });
      const versions = await check.inject({
        method: 'GET',
        url: `/api/properties/${id}/versions`,
        headers: { authorization: basicAuth('opschain') },
      });
      await check.close();
      expect(list(versions.json(), 'data')).toHaveLength(1 + wins.length);
      expect(wins.sort((x, y) => x - y)).toEqual(Array.from({ length: wins.length }, (_, i) => i + 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

const execFileAsync = promisify(execFile);
const appModule = fileURLToPath(new URL('../app.ts', import.meta.url));

interface WriterResult {
  counts: Record<string, number>;
  won: number[];
}

/**
 * One writer process: once ready it creates `ready-<writer>` in `dir`, waits for `dir/go`, then reads the
 * current version and sends a checked update of it, `rounds` times. Two of them racing on one file exercise
 * SQLite locking between real connections.
 */
async function runWriter(options: {
  file: string;
  id: string;
  writer: string;
  dir: string;
  rounds: number;
}): Promise<WriterResult> {
  const script = `
    const { buildApp } = await import(${JSON.stringify(appModule)});
    const app = await buildApp({ db: process.env.RACE_DB, drive: false });
    await app.ready();
    const headers = { authorization: 'Basic ' + Buffer.from('opschain:opschain').toString('base64') };
    const url = '/api/properties/' + process.env.RACE_DOC;
    await app.inject({ method: 'GET', url, headers });
    const { existsSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    writeFileSync(join(process.env.RACE_DIR, 'ready-' + process.env.RACE_WRITER), '');
    while (!existsSync(join(process.env.RACE_DIR, 'go'))) await new Promise((r) => setTimeout(r, 1));
    const counts = {};
    const won = [];
    for (let i = 0; i < Number(process.env.RACE_ROUNDS); i++) {
      const current = JSON.parse((await app.inject({ method: 'GET', url, headers })).body).data.attributes.version;
      const res = await app.inject({
        method: 'PATCH', url, headers: { ...headers, 'content-type': 'application/vnd.api+json' },
        payload: JSON.stringify({ data: { attributes: { data: { writer: process.env.RACE_WRITER, i }, version: current } } }),
      });
      counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
      if (res.statusCode === 200) won.push(JSON.parse(res.body).data.attributes.version);
    }
    await app.close();
    process.stdout.write(JSON.stringify({ counts, won }));
  `;
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      env: {
        ...process.env,
        RACE_DB: options.file,
        RACE_DOC: options.id,
        RACE_WRITER: options.writer,
        RACE_DIR: options.dir,
        RACE_ROUNDS: String(options.rounds),
      },
      timeout: 50_000,
    },
  );
  const parsed: unknown = JSON.parse(stdout);
  const counts = dig(parsed, 'counts');
  const won = dig(parsed, 'won');
  return {
    counts:
      typeof counts === 'object' && counts !== null
        ? Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]))
        : {},
    won: Array.isArray(won) ? won.map(Number) : [],
  };
}
