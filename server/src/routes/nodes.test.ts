import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { createNode } from '../node-store.ts';
import { findNodeByPath } from '../nodes.ts';

interface NodeDoc {
  data: {
    id: string;
    type: string;
    attributes: { code: string; name: string; archived: boolean; description: string | null };
    meta: {
      authorisations: Record<string, Record<string, boolean>>;
      can_have_changes: boolean;
      child_node_types: string[];
    };
    links: Record<string, string>;
  };
}
interface ListDoc {
  data: { id: string; attributes: { code: string; name: string; archived: boolean } }[];
  meta?: Record<string, unknown>;
}

function codes(body: unknown): string[] {
  return (body as ListDoc).data.map((n) => n.attributes.code);
}

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('projects', () => {
  it("lists the demo projects with capability flags and the caller's create permission", async () => {
    const res = await emu.contract('operator', 'GET', '/api/projects', '/api/projects');
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(['bank', 'retail', 'website']);
    expect((res.body as ListDoc).meta).toEqual({ authorisations: { update: true } });
    const viewer = await emu.request('viewer', 'GET', '/api/projects');
    expect((viewer.body as ListDoc).meta).toEqual({ authorisations: { update: false } });
  });

  it('shows Standard projects without changes, templates or workflows', async () => {
    const res = await emu.contract(
      'operator',
      'GET',
      '/api/projects/website',
      '/api/projects/{project_code}',
    );
    const doc = res.body as NodeDoc;
    expect(doc.data.meta.can_have_changes).toBe(false);
    expect(doc.data.meta.child_node_types).toEqual(['environment']);
    expect(doc.data.meta.authorisations.changes).toEqual({ read: true, execute: false });
    expect(Object.keys(doc.data.links).sort()).toEqual([
      'bookmarks',
      'environments',
      'git_remotes',
      'scheduled_activities',
      'self',
    ]);
  });

  it('creates a project, lower-casing its code, and records a system event', async () => {
    const res = await emu.contract(
      'operator',
      'POST',
      '/api/projects',
      '/api/projects',
      attrs({
        code: 'Payments',
        name: 'Payments hub',
        description: 'Card payments',
        project_type: 'Enterprise',
      }),
    );
    expect(res.status).toBe(201);
    expect((res.body as NodeDoc).data.attributes.code).toBe('payments');
    const event = emu.app.emulator.db
      .prepare("SELECT username, source_path FROM events WHERE type = 'api:projects:create'")
      .get() as { username: string; source_path: string } | undefined;
    expect(event).toEqual({ username: 'operator', source_path: '/api/projects/payments' });
  });

  it('answers 422 with pointers for blank, malformed and duplicate values', async () => {
    const blank = await emu.contract(
      'operator',
      'POST',
      '/api/projects',
      '/api/projects',
      attrs({ description: null, code: '', name: '', project_type: 'Other' }),
    );
    expect(blank.status).toBe(422);
    const pointers = (blank.body as { errors: { source: { pointer: string } }[] }).errors.map(
      (e) => e.source.pointer,
    );
    expect(pointers).toEqual([
      '/data/attributes/code',
      '/data/attributes/name',
      '/data/attributes/project_type',
    ]);

    const odd = await emu.request(
      'operator',
      'POST',
      '/api/projects',
      attrs({ description: null, code: 'no spaces!', name: 'Odd', project_type: 'Standard' }),
    );
    expect(odd.status).toBe(422);
    const dup = await emu.request(
      'operator',
      'POST',
      '/api/projects',
      attrs({ description: null, code: 'bank', name: 'Bank 2', project_type: 'Standard' }),
    );
    expect(dup.status).toBe(422);
    expect(JSON.stringify(dup.body)).toContain('Code has already been taken');
  });

  it('answers 400 for unpermitted parameters and a missing data member, as OpsChain does', async () => {
    const extra = await emu.contract(
      'operator',
      'POST',
      '/api/projects',
      '/api/projects',
      attrs({ description: null, code: 'x', name: 'X', project_type: 'Standard', invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    expect(extra.body).toEqual({
      errors: [
        {
          status: 400,
          title: 'Action Controller - Unpermitted Parameters',
          meta: { message: 'found unpermitted parameter: :invalid' },
        },
      ],
    });
    const missing = await emu.contract('operator', 'POST', '/api/projects', '/api/projects', {
      nothing: true,
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('param is missing or the value is empty: data');
  });

  it('refuses project creation to the viewer with 403', async () => {
    const res = await emu.request(
      'viewer',
      'POST',
      '/api/projects',
      attrs({ description: null, code: 'nope', name: 'Nope', project_type: 'Standard' }),
    );
    expect(res.status).toBe(403);
    expect((res.body as { errors: { title: string }[] }).errors[0]?.title).toMatch(/not permitted/);
  });

  it('renames a project and archives it with its environments, then restores it', async () => {
    await emu.request(
      'operator',
      'POST',
      '/api/projects',
      attrs({ description: null, code: 'tmp', name: 'Temp', project_type: 'Standard' }),
    );
    await emu.request(
      'operator',
      'POST',
      '/api/projects/tmp/environments',
      attrs({ description: null, code: 'dev', name: 'Dev' }),
    );
    const renamed = await emu.contract(
      'operator',
      'PATCH',
      '/api/projects/tmp',
      '/api/projects/{project_code}',
      attrs({ name: 'Temporary' }),
    );
    expect((renamed.body as NodeDoc).data.attributes.name).toBe('Temporary');
    const del = await emu.contract('operator', 'DELETE', '/api/projects/tmp', '/api/projects/{project_code}');
    expect(del.status).toBe(204);
    const env = await emu.request('operator', 'GET', '/api/projects/tmp/environments/dev');
    expect((env.body as NodeDoc).data.attributes.archived).toBe(true);
    const restored = await emu.request('operator', 'PATCH', '/api/projects/tmp', attrs({ archived: false }));
    expect((restored.body as NodeDoc).data.attributes.archived).toBe(false);
    const hidden = await emu.request('operator', 'GET', '/api/projects?filter[archived_eq]=false');
    expect(codes(hidden.body)).toContain('tmp');
  });

  it('answers 404 for unknown projects on every verb', async () => {
    const spec = '/api/projects/{project_code}';
    expect((await emu.contract('operator', 'GET', '/api/projects/nope', spec)).status).toBe(404);
    expect(
      (await emu.contract('operator', 'PATCH', '/api/projects/nope', spec, attrs({ name: 'x' }))).status,
    ).toBe(404);
    expect((await emu.contract('operator', 'DELETE', '/api/projects/nope', spec)).status).toBe(404);
  });

  it('filters and sorts in the query string', async () => {
    const res = await emu.request(
      'operator',
      'GET',
      '/api/projects?filter[project_type_eq]=Enterprise&filter[sorts]=code%20desc',
    );
    expect(codes(res.body).slice(0, 3)).toEqual(
      ['retail', 'payments', 'bank'].filter((c) => codes(res.body).includes(c)),
    );
    const or = await emu.request(
      'operator',
      'GET',
      '/api/projects?filter[m]=or&filter[code_eq]=bank&filter[code_eq_any][]=website',
    );
    expect(codes(or.body).sort()).toEqual(['bank', 'website']);
  });

  it('downloads CSV oldest first whatever the sort', async () => {
    const res = await emu.request(
      'operator',
      'GET',
      '/api/projects?download=projects.csv&filter[sorts]=code%20desc',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="projects.csv"');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,code,name,description,project_type,archived,created_at,updated_at');
    expect(lines[1]).toContain(',bank,');
  });
});

describe('environments', () => {
  const list = '/api/projects/{project_code}/environments';
  const one = '/api/projects/{project_code}/environments/{environment_code}';

  it('lists, shows with the project included, creates, updates and archives', async () => {
    const listed = await emu.contract('operator', 'GET', '/api/projects/bank/environments', list);
    expect(codes(listed.body)).toEqual(['dev', 'test', 'prod']);
    const shown = await emu.contract('operator', 'GET', '/api/projects/bank/environments/prod', one);
    expect((shown.body as { included: { type: string }[] }).included.map((r) => r.type)).toEqual(['project']);
    const created = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/environments',
      list,
      attrs({ description: null, code: 'uat', name: 'User acceptance' }),
    );
    expect(created.status).toBe(201);
    const updated = await emu.contract(
      'operator',
      'PATCH',
      '/api/projects/bank/environments/uat',
      one,
      attrs({ description: 'UAT' }),
    );
    expect((updated.body as NodeDoc).data.attributes.description).toBe('UAT');
    expect(
      (await emu.contract('operator', 'DELETE', '/api/projects/bank/environments/uat', one)).status,
    ).toBe(204);
    expect((await emu.contract('operator', 'GET', '/api/projects/bank/environments/nope', one)).status).toBe(
      404,
    );
    expect(
      (
        await emu.contract(
          'operator',
          'PATCH',
          '/api/projects/bank/environments/uat',
          one,
          attrs({ bogus: 1 }),
        )
      ).status,
    ).toBe(400);
  });

  it('refuses environments in an archived project', async () => {
    await emu.request(
      'operator',
      'POST',
      '/api/projects',
      attrs({ description: null, code: 'old', name: 'Old', project_type: 'Standard' }),
    );
    await emu.request('operator', 'DELETE', '/api/projects/old');
    const res = await emu.request(
      'operator',
      'POST',
      '/api/projects/old/environments',
      attrs({ description: null, code: 'dev', name: 'Dev' }),
    );
    expect(res.status).toBe(422);
  });

  it('exports environments as CSV', async () => {
    const res = await emu.request('viewer', 'GET', '/api/projects/bank/environments?download=envs.csv');
    expect(res.text.split('\r\n')[1]).toContain(',dev,');
  });
});

describe('assets', () => {
  const list = '/api/projects/{project_code}/assets';
  const one = '/api/projects/{project_code}/assets/{asset_code}';

  it('lists project-owned assets only, and environment-owned assets under their environment', async () => {
    const project = await emu.contract('operator', 'GET', '/api/projects/bank/assets', list);
    expect(codes(project.body)).toEqual(['shared_db']);
    const env = await emu.request('operator', 'GET', '/api/projects/bank/environments/prod/assets');
    expect(codes(env.body)).toEqual(['soa_prod', 'ledger_db_prod']);
  });

  it('streams a list of 500 or more nodes in batches, as the same document', async () => {
    const emulator = emu.app.emulator;
    const bank = findNodeByPath(emulator, '/projects/bank');
    const template = findNodeByPath(emulator, '/projects/bank/assets/shared_db');
    if (bank === undefined || template === undefined) throw new Error('demo seed changed');
    emulator.tx(() => {
      const parent = createNode(emulator, { kind: 'environment', parent: bank, code: 'many', name: 'Many' });
      for (let i = 0; i < 520; i++) {
        createNode(emulator, {
          kind: 'asset',
          parent,
          code: `many_${String(i).padStart(3, '0')}`,
          name: `Many ${String(i)}`,
          templateId: template.template_id ?? undefined,
          templateVersionId: template.template_version_id ?? undefined,
        });
      }
    });
    const url = '/api/projects/bank/environments/many/assets';
    // The spec documents only the project's asset list; an environment's has the same schema.
    const res = await emu.contract('operator', 'GET', url, list);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
    const listed = codes(res.body);
    expect(listed).toHaveLength(520);
    expect(listed.slice(0, 2)).toEqual(['many_000', 'many_001']);
    const single = await emu.request('operator', 'GET', `${url}/many_519`);
    expect((res.body as { data: unknown[] }).data[519]).toEqual((single.body as NodeDoc).data);
    const filtered = await emu.request('operator', 'GET', `${url}?filter[code_cont]=many_51`);
    expect(filtered.headers['transfer-encoding']).toBeUndefined();
    expect(codes(filtered.body)).toHaveLength(10);
  });

  it('shows an asset with its actions, template links and parents', async () => {
    const res = await emu.contract('operator', 'GET', '/api/projects/bank/assets/shared_db', one);
    const doc = res.body as NodeDoc & {
      data: {
        attributes: { actions: { name: string }[] };
        relationships: Record<string, { links?: { related: string } }>;
      };
    };
    expect(doc.data.attributes.actions.map((a) => a.name)).toContain('deploy');
    expect(doc.data.relationships.template_version?.links?.related).toBe(
      '/api/projects/bank/templates/postgres/versions/16_2',
    );
    expect(doc.data.meta.child_node_types).toEqual([]);
    const nested = await emu.request(
      'operator',
      'GET',
      '/api/projects/bank/environments/prod/assets/soa_prod',
    );
    expect(nested.status).toBe(200);
  });

  it('creates assets on a template version named by template name or code', async () => {
    const byName = await emu.contract(
      'operator',
      'POST',
      '/api/projects/bank/assets',
      list,
      attrs({
        description: null,
        code: 'cache',
        name: 'Cache',
        template_name: 'PostgreSQL cluster',
        template_version: '16_2',
      }),
    );
    expect(byName.status).toBe(201);
    const byCode = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/environments/dev/assets',
      attrs({
        description: null,
        code: 'cache_dev',
        name: 'Cache dev',
        template_name: 'postgres',
        template_version: '15_6',
      }),
    );
    expect(byCode.status).toBe(201);
  });

  it('answers 422 on the template fields for unknown templates and versions', async () => {
    const noTemplate = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/assets',
      attrs({ description: null, code: 'a1', name: 'A1', template_name: 'nope', template_version: '1' }),
    );
    expect(noTemplate.status).toBe(422);
    expect(JSON.stringify(noTemplate.body)).toContain('/data/attributes/template_name');
    const noVersion = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/assets',
      attrs({ description: null, code: 'a2', name: 'A2', template_name: 'postgres', template_version: '99' }),
    );
    expect(JSON.stringify(noVersion.body)).toContain('/data/attributes/template_version');
  });

  it('refuses assets in Standard projects', async () => {
    const res = await emu.request(
      'operator',
      'POST',
      '/api/projects/website/assets',
      attrs({ description: null, code: 'a', name: 'A', template_name: 'x', template_version: '1' }),
    );
    expect(res.status).toBe(422);
  });

  it('updates and archives assets, and the viewer may do neither', async () => {
    expect(
      (await emu.request('viewer', 'PATCH', '/api/projects/bank/assets/shared_db', attrs({ name: 'Mine' })))
        .status,
    ).toBe(403);
    expect((await emu.request('viewer', 'DELETE', '/api/projects/bank/assets/shared_db')).status).toBe(403);
    const renamed = await emu.contract(
      'operator',
      'PATCH',
      '/api/projects/bank/assets/cache',
      one,
      attrs({ name: 'Cache tier' }),
    );
    expect((renamed.body as NodeDoc).data.attributes.name).toBe('Cache tier');
    expect((await emu.contract('operator', 'DELETE', '/api/projects/bank/assets/cache', one)).status).toBe(
      204,
    );
    expect((await emu.contract('operator', 'GET', '/api/projects/bank/assets/nope', one)).status).toBe(404);
  });
});

describe('archiving while changes run', () => {
  it('refuses to archive an environment (or its project) while a change below it runs, then allows it', async () => {
    const created = await emu.request(
      'operator',
      'POST',
      '/api/projects/retail/environments/test/changes',
      attrs({ action: 'slow', git_remote_name: 'origin', git_rev: 'main' }),
    );
    expect(created.status).toBe(201);
    const id = (created.body as { data: { id: string } }).data.id;
    // The emulator's own timer starts the change: poll for it rather than sleep for a guessed time.
    await vi.waitFor(
      async () => {
        const res = await emu.request('operator', 'GET', `/api/changes/${id}`);
        const status = (res.body as { data: { attributes: { status_code: string } } }).data.attributes
          .status_code;
        expect(status).toBe('running');
      },
      { timeout: 5000, interval: 50 },
    );

    for (const url of ['/api/projects/retail/environments/test', '/api/projects/retail']) {
      const refused = await emu.request('operator', 'DELETE', url);
      expect(refused.status, url).toBe(422);
      expect(JSON.stringify(refused.body)).toContain('queued or running');
    }
    expect((await emu.request('operator', 'DELETE', `/api/changes/${id}`)).status).toBe(204);
    expect((await emu.request('operator', 'DELETE', '/api/projects/retail/environments/test')).status).toBe(
      204,
    );
  });
});
