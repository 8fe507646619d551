import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { insertPolicy } from '../seeds/policies.ts';

// Contract and behaviour tests of workflows and workflow versions (spec checklist rows 77–80):
// GET/POST /api/projects/{p}/workflows; GET/PATCH/DELETE …/workflows/{w}; GET/DELETE …/versions;
// GET/DELETE …/versions/{v}. Runs are exercised in workflow-runs.test.ts.

const LIST = '/api/projects/{project_code}/workflows';
const ONE = '/api/projects/{project_code}/workflows/{workflow_code}';
const VERSIONS = '/api/projects/{project_code}/workflows/{workflow_code}/versions';
const VERSION = '/api/projects/{project_code}/workflows/{workflow_code}/versions/{version}';
const SOA_DEV = '/projects/bank/environments/dev/assets/soa_dev';

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

function titles(body: unknown): unknown[] {
  const errors = dig(body, 'errors');
  return Array.isArray(errors) ? errors.map((e) => dig(e, 'title')) : [];
}

const changeStep = (action = 'hello', target = SOA_DEV) => ({ type: 'change', target, action });

function workflowBody(code: string, extra: Record<string, unknown> = {}) {
  return attrs({
    code,
    name: `${code} workflow`,
    description: 'demo',
    steps: [changeStep()],
    draft: false,
    ...extra,
  });
}

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator({ drive: false });
});
afterAll(async () => {
  await emu.close();
});

describe('workflow create, show, list', () => {
  it('creates a published workflow as version 1 and records api:workflows:create', async () => {
    const res = await emu.contract(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      workflowBody('release'),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'attributes', 'code')).toBe('release');
    expect(dig(res.body, 'data', 'attributes', 'latest_version')).toBe(1);
    expect(dig(res.body, 'data', 'attributes', 'latest_published_version')).toBe(1);
    expect(dig(res.body, 'data', 'attributes', 'draft')).toBe(false);
    expect(dig(res.body, 'data', 'attributes', 'created_by')).toBe('opschain');
    expect(dig(res.body, 'data', 'links', 'latest_published_version')).toBe(
      '/api/projects/bank/workflows/release/versions/1',
    );
    const events = await emu.request('opschain', 'GET', '/api/events?filter[type_eq]=api:workflows:create');
    expect(JSON.stringify(events.body)).toContain(dig(res.body, 'data', 'id') as string);
  });

  it('defaults to a draft: latest_published_version stays null', async () => {
    const res = await emu.contract(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      attrs({ code: 'Drafty', name: 'Drafty', steps: [changeStep()] }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'attributes', 'code')).toBe('drafty');
    expect(dig(res.body, 'data', 'attributes', 'draft')).toBe(true);
    expect(dig(res.body, 'data', 'attributes', 'latest_published_version')).toBeNull();
    expect(dig(res.body, 'data', 'links', 'latest_published_version')).toBeNull();
  });

  it('shows and lists workflows with partial_response false', async () => {
    const show = await emu.contract('viewer', 'GET', '/api/projects/bank/workflows/release', ONE);
    expect(show.status).toBe(200);
    expect(dig(show.body, 'data', 'attributes', 'steps')).toEqual([changeStep()]);
    const list = await emu.contract('viewer', 'GET', '/api/projects/bank/workflows', LIST);
    expect(list.status).toBe(200);
    expect(dig(list.body, 'meta')).toEqual({ partial_response: false });
    const codes = (dig(list.body, 'data') as unknown[]).map((w) => dig(w, 'attributes', 'code'));
    expect(codes).toEqual(expect.arrayContaining(['release', 'drafty']));
  });

  it('filters and sorts the list in SQL', async () => {
    const published = await emu.request(
      'viewer',
      'GET',
      // The demo seed has workflows of its own: look at the ones these tests made.
      '/api/projects/bank/workflows?filter[draft_eq]=false&filter[code_in][]=release&filter[code_in][]=drafty',
    );
    expect((dig(published.body, 'data') as unknown[]).map((w) => dig(w, 'attributes', 'code'))).toEqual([
      'release',
    ]);
    const sorted = await emu.request(
      'viewer',
      'GET',
      '/api/projects/bank/workflows?filter[sorts]=code%20desc',
    );
    const codes = (dig(sorted.body, 'data') as unknown[]).map((w) => dig(w, 'attributes', 'code'));
    expect(codes).toEqual([...codes].sort().reverse());
    const none = await emu.request(
      'viewer',
      'GET',
      '/api/projects/bank/workflows?filter[name_cont]=nothing-like-this',
    );
    expect(dig(none.body, 'data')).toEqual([]);
  });

  it('answers 404 for an unknown workflow or project', async () => {
    const res = await emu.contract('opschain', 'GET', '/api/projects/bank/workflows/nope', ONE);
    expect(res.status).toBe(404);
    expect(dig(res.body, 'errors', 0, 'title')).toBe('Active Record - Record Not Found');
    expect(
      (await emu.contract('opschain', 'POST', '/api/projects/nope/workflows', LIST, workflowBody('x')))
        .status,
    ).toBe(404);
  });

  it('answers 422 "Unsupported project type" on every workflow endpoint of a Standard project', async () => {
    const calls: [string, string, string, unknown?][] = [
      ['GET', '/api/projects/website/workflows', LIST],
      ['POST', '/api/projects/website/workflows', LIST, workflowBody('x')],
      ['GET', '/api/projects/website/workflows/x', ONE],
      ['GET', '/api/projects/website/workflows/x/versions', VERSIONS],
      ['GET', '/api/projects/website/workflows/x/versions/1', VERSION],
    ];
    for (const [method, url, spec, body] of calls) {
      const res = await emu.contract('opschain', method, url, spec, body);
      expect(res.status, `${method} ${url}`).toBe(422);
      expect(dig(res.body, 'errors', 0)).toEqual({
        status: 422,
        title: 'Unsupported project type',
        detail: '"Standard" projects do not support workflows',
      });
    }
    for (const [method, url] of [
      ['PATCH', '/api/projects/website/workflows/x'],
      ['DELETE', '/api/projects/website/workflows/x'],
      ['DELETE', '/api/projects/website/workflows/x/versions'],
      ['DELETE', '/api/projects/website/workflows/x/versions/1'],
    ] as const) {
      const res = await emu.request(
        'opschain',
        method,
        url,
        method === 'PATCH' ? attrs({ name: 'x', steps: [changeStep()] }) : undefined,
      );
      expect(res.status, `${method} ${url}`).toBe(422);
    }
  });

  it('rejects unknown attributes (400) and blank or duplicate fields (422 with pointers)', async () => {
    const bad = await emu.contract(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      attrs({ code: 'a', name: 'a', steps: [], invalid: 1 }),
    );
    expect(bad.status).toBe(400);
    const missing = await emu.contract('opschain', 'POST', '/api/projects/bank/workflows', LIST, {
      data: {},
    });
    expect(missing.status).toBe(400);
    const blank = await emu.contract(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      attrs({ code: 'blank', name: ' ', steps: [changeStep()] }),
    );
    expect(blank.status).toBe(422);
    expect(pointers(blank.body)).toEqual(['/data/attributes/name']);
    expect(titles(blank.body)).toEqual(["Name can't be blank"]);
    const taken = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      workflowBody('release'),
    );
    expect(taken.status).toBe(422);
    expect(titles(taken.body)).toEqual(['Code has already been taken']);
    const badCode = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      workflowBody('no spaces'),
    );
    expect(pointers(badCode.body)).toEqual(['/data/attributes/code']);
    const types = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      attrs({ code: 7, name: ['x'], steps: 'nope', draft: 'maybe' }),
    );
    expect(types.status).toBe(422);
    expect(pointers(types.body)).toEqual(
      expect.arrayContaining([
        '/data/attributes/code',
        '/data/attributes/name',
        '/data/attributes/steps',
        '/data/attributes/draft',
      ]),
    );
  });

  it('refuses creation to users without update permission on <project>/workflows', async () => {
    const res = await emu.contract(
      'viewer',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      workflowBody('viewer_made'),
    );
    expect(res.status).toBe(403);
    const approver = await emu.request(
      'approver',
      'POST',
      '/api/projects/bank/workflows',
      workflowBody('approver_made'),
    );
    expect(approver.status).toBe(403);
    const operator = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/workflows',
      workflowBody('operator_made'),
    );
    expect(operator.status).toBe(201);
  });
});

describe('workflow step validation', () => {
  async function create(steps: unknown): Promise<{ status: number; body: unknown }> {
    return emu.contract(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      attrs({ code: 'invalid_one', name: 'Invalid', steps }),
    );
  }

  it('points at an unknown target', async () => {
    const res = await create([changeStep(), changeStep('hello', '/projects/bank/assets/ghost')]);
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/data/attributes/steps/1/target']);
    expect(titles(res.body)).toEqual(['Target "/projects/bank/assets/ghost" does not exist']);
  });

  it('points at a missing action and a bad type', async () => {
    const res = await create([{ type: 'change', target: SOA_DEV }, { type: 'wait' }, { type: 'teleport' }]);
    expect(pointers(res.body)).toEqual(['/data/attributes/steps/0/action', '/data/attributes/steps/2/type']);
    expect(titles(res.body)).toEqual([
      "Action can't be blank",
      'Type must be one of change, wait or workflow',
    ]);
  });

  it('points into stages and at unknown keys', async () => {
    const res = await create([
      {
        run_as: 'parallel',
        name: 'both',
        children: [changeStep(), { type: 'change', target: '/projects/nowhere', action: 'x' }],
      },
      { run_as: 'sideways', name: 'odd', children: [{ type: 'wait', colour: 'blue' }] },
      { run_as: 'sequential', name: 'empty', children: [] },
    ]);
    expect(pointers(res.body)).toEqual([
      '/data/attributes/steps/1/run_as',
      '/data/attributes/steps/1/children/0/colour',
      '/data/attributes/steps/2/children',
    ]);
    const refs = await create([
      { run_as: 'parallel', name: 'both', children: [changeStep(), changeStep('x', '/projects/nowhere')] },
    ]);
    expect(pointers(refs.body)).toEqual(['/data/attributes/steps/0/children/1/target']);
  });

  it('refuses a workflow that includes itself', async () => {
    const res = await create([{ type: 'workflow', target: '/projects/bank/workflows/invalid_one' }]);
    expect(pointers(res.body)).toEqual(['/data/attributes/steps/0/target']);
    expect(titles(res.body)).toEqual(['A workflow cannot include itself']);
    const update = await emu.request(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/release',
      attrs({
        name: 'release',
        steps: [{ type: 'workflow', target: '/projects/bank/workflows/release', version: null }],
      }),
    );
    expect(update.status).toBe(422);
    expect(titles(update.body)).toEqual(['A workflow cannot include itself']);
  });

  it('checks nested workflow targets and versions', async () => {
    const res = await create([
      { type: 'workflow', target: '/projects/bank/workflows/ghost' },
      { type: 'workflow', target: '/projects/bank/workflows/release', version: 99 },
      { type: 'workflow', target: '/projects/bank/workflows/drafty', version: 1 },
      { type: 'workflow', target: 'release' },
      { type: 'workflow', target: '/projects/bank/workflows/release', version: 'one' },
    ]);
    expect(pointers(res.body)).toEqual(['/data/attributes/steps/4/version']);
    const refs = await create([
      { type: 'workflow', target: '/projects/bank/workflows/ghost' },
      { type: 'workflow', target: '/projects/bank/workflows/release', version: 99 },
      { type: 'workflow', target: '/projects/bank/workflows/drafty', version: 1 },
      { type: 'workflow', target: 'release' },
    ]);
    expect(pointers(refs.body)).toEqual([
      '/data/attributes/steps/0/target',
      '/data/attributes/steps/1/version',
      '/data/attributes/steps/2/version',
      '/data/attributes/steps/3/target',
    ]);
    expect(titles(refs.body)).toContain('Version 1 of "/projects/bank/workflows/drafty" is a draft');
  });

  it('only runs change steps on assets, with template versions of their template', async () => {
    const res = await create([
      changeStep('hello', '/projects/bank/environments/dev'),
      { type: 'change', target: SOA_DEV, action: 'hello', template_version: 'nope' },
      {
        type: 'change',
        target: SOA_DEV,
        action: 'hello',
        template_version: '2025_Q1_1',
        property_overrides: [],
      },
    ]);
    expect(pointers(res.body)).toEqual(['/data/attributes/steps/2/property_overrides']);
    const refs = await create([
      changeStep('hello', '/projects/bank/environments/dev'),
      { type: 'change', target: SOA_DEV, action: 'hello', template_version: 'nope' },
    ]);
    expect(pointers(refs.body)).toEqual([
      '/data/attributes/steps/0/target',
      '/data/attributes/steps/1/template_version',
    ]);
  });

  it('treats targets the caller cannot read as missing', async () => {
    const core = emu.app.emulator;
    core.tx(() => {
      insertPolicy(
        core,
        { name: 'operator cannot see soa_prod', description: null },
        [
          {
            name: 'hide soa_prod',
            path: '^/projects/bank/environments/prod/assets/soa_prod',
            read: false,
            update: false,
            execute: false,
          },
        ],
        [{ username: 'operator' }],
      );
    });
    core.authzChanged();
    const res = await emu.request(
      'operator',
      'POST',
      '/api/projects/bank/workflows',
      attrs({
        code: 'hidden_target',
        name: 'x',
        steps: [changeStep('hello', '/projects/bank/environments/prod/assets/soa_prod')],
      }),
    );
    expect(res.status).toBe(422);
    expect(titles(res.body)).toEqual([
      'Target "/projects/bank/environments/prod/assets/soa_prod" does not exist',
    ]);
  });
});

describe('steps and source_yaml', () => {
  it('writes source_yaml from the steps', async () => {
    const res = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      workflowBody('yaml_from_steps'),
    );
    const yaml = dig(res.body, 'data', 'attributes', 'source_yaml') as string;
    expect(yaml.startsWith('---\n')).toBe(true);
    expect(parse(yaml)).toEqual({
      code: 'yaml_from_steps',
      name: 'yaml_from_steps workflow',
      description: 'demo',
      created_by: 'opschain',
      steps: [changeStep()],
    });
  });

  it('reads the steps from source_yaml when only YAML is sent, keeping the text', async () => {
    const yaml = `---\nname: From YAML\nsteps:\n- type: wait\n  name: QA sign-off\n  requires_approval_from: qa\n- type: change\n  target: "${SOA_DEV}"\n  action: deploy\n`;
    const res = await emu.contract(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      LIST,
      attrs({ code: 'yaml_only', source_yaml: yaml }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'attributes', 'name')).toBe('From YAML');
    expect(dig(res.body, 'data', 'attributes', 'steps')).toEqual([
      { type: 'wait', name: 'QA sign-off', requires_approval_from: 'qa' },
      { type: 'change', target: SOA_DEV, action: 'deploy' },
    ]);
    expect(dig(res.body, 'data', 'attributes', 'source_yaml')).toBe(yaml);
  });

  it('lets steps win when steps and source_yaml disagree', async () => {
    const res = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      attrs({
        code: 'steps_win',
        name: 'Steps win',
        steps: [changeStep('deploy')],
        source_yaml: `steps:\n- type: change\n  target: ${SOA_DEV}\n  action: hello\n`,
      }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'attributes', 'steps')).toEqual([changeStep('deploy')]);
    expect(
      (parse(dig(res.body, 'data', 'attributes', 'source_yaml') as string) as { steps: unknown }).steps,
    ).toEqual([changeStep('deploy')]);
  });

  it('points at source_yaml when it is not YAML, and at the step inside it when a step is wrong', async () => {
    const broken = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      attrs({ code: 'broken', name: 'b', source_yaml: 'steps: [' }),
    );
    expect(broken.status).toBe(422);
    expect(pointers(broken.body)).toEqual(['/data/attributes/source_yaml']);
    const badStep = await emu.request(
      'opschain',
      'POST',
      '/api/projects/bank/workflows',
      attrs({
        code: 'broken',
        name: 'b',
        source_yaml: `- type: change\n  target: ${SOA_DEV}\n`,
      }),
    );
    expect(pointers(badStep.body)).toEqual(['/data/attributes/steps/0/action']);
  });
});

describe('meta.validate', () => {
  it('validates without saving: 200 with the normalised definition, nothing stored, no event', async () => {
    const before = await emu.request(
      'opschain',
      'GET',
      '/api/events?filter[type_start]=api:workflows&limit=1000',
    );
    const res = await emu.request('opschain', 'POST', '/api/projects/bank/workflows', {
      ...workflowBody('only_checked'),
      meta: { validate: true },
    });
    expect(res.status).toBe(200);
    expect(dig(res.body, 'meta', 'valid')).toBe(true);
    expect(dig(res.body, 'meta', 'steps')).toEqual([changeStep()]);
    expect((await emu.request('opschain', 'GET', '/api/projects/bank/workflows/only_checked')).status).toBe(
      404,
    );
    const after = await emu.request(
      'opschain',
      'GET',
      '/api/events?filter[type_start]=api:workflows&limit=1000',
    );
    expect((dig(after.body, 'data') as unknown[]).length).toBe(
      (dig(before.body, 'data') as unknown[]).length,
    );
  });

  it('answers the same 422s as a save when invalid, and validates updates too', async () => {
    const res = await emu.request('opschain', 'POST', '/api/projects/bank/workflows', {
      data: { attributes: { code: 'only_checked', name: 'x', steps: [{ type: 'change', target: SOA_DEV }] } },
      meta: { validate: true },
    });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/data/attributes/steps/0/action']);
    const update = await emu.request('opschain', 'PATCH', '/api/projects/bank/workflows/release', {
      ...attrs({ name: 'Renamed?', steps: [changeStep('deploy')] }),
      meta: { validate: true },
    });
    expect(update.status).toBe(200);
    const show = await emu.request('opschain', 'GET', '/api/projects/bank/workflows/release');
    expect(dig(show.body, 'data', 'attributes', 'latest_version')).toBe(1);
  });
});

describe('updates and versions', () => {
  it('stores each update as a new version; a draft update keeps the published version', async () => {
    const res = await emu.contract(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/release',
      ONE,
      attrs({
        name: 'Release train',
        description: 'new description',
        steps: [changeStep(), { type: 'wait', name: 'QA', requires_approval_from: 'qa' }],
        draft: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'name')).toBe('Release train');
    expect(dig(res.body, 'data', 'attributes', 'draft')).toBe(true);
    expect(dig(res.body, 'data', 'attributes', 'latest_version')).toBe(2);
    expect(dig(res.body, 'data', 'attributes', 'latest_published_version')).toBe(1);
    const events = await emu.request('opschain', 'GET', '/api/events?filter[type_eq]=api:workflows:update');
    expect((dig(events.body, 'data') as unknown[]).length).toBeGreaterThan(0);
  });

  it('lists and shows versions; unknown versions are 404', async () => {
    const list = await emu.contract(
      'viewer',
      'GET',
      '/api/projects/bank/workflows/release/versions',
      VERSIONS,
    );
    expect(list.status).toBe(200);
    expect(
      (dig(list.body, 'data') as unknown[]).map((v) => [
        dig(v, 'attributes', 'version'),
        dig(v, 'attributes', 'draft'),
      ]),
    ).toEqual([
      [1, false],
      [2, true],
    ]);
    const one = await emu.contract(
      'viewer',
      'GET',
      '/api/projects/bank/workflows/release/versions/1',
      VERSION,
    );
    expect(dig(one.body, 'data', 'attributes', 'name')).toBe('release workflow');
    expect(dig(one.body, 'data', 'links', 'workflow')).toBe('/api/projects/bank/workflows/release');
    expect(
      (await emu.contract('viewer', 'GET', '/api/projects/bank/workflows/release/versions/9', VERSION))
        .status,
    ).toBe(404);
    expect(
      (await emu.contract('viewer', 'GET', '/api/projects/bank/workflows/release/versions/abc', VERSION))
        .status,
    ).toBe(404);
    expect(
      (await emu.contract('viewer', 'GET', '/api/projects/bank/workflows/ghost/versions', VERSIONS)).status,
    ).toBe(404);
    const filtered = await emu.request(
      'viewer',
      'GET',
      '/api/projects/bank/workflows/release/versions?filter[draft_eq]=true',
    );
    expect((dig(filtered.body, 'data') as unknown[]).map((v) => dig(v, 'attributes', 'version'))).toEqual([
      2,
    ]);
  });

  it('requires name and steps on update, and refuses updates without permission', async () => {
    const res = await emu.contract(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/release',
      ONE,
      attrs({ description: 'only this' }),
    );
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(
      expect.arrayContaining(['/data/attributes/steps', '/data/attributes/name']),
    );
    expect(
      (
        await emu.contract(
          'opschain',
          'PATCH',
          '/api/projects/bank/workflows/release',
          ONE,
          attrs({ nope: 1 }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await emu.contract(
          'opschain',
          'PATCH',
          '/api/projects/bank/workflows/ghost',
          ONE,
          attrs({ name: 'g', steps: [changeStep()] }),
        )
      ).status,
    ).toBe(404);
    const valid = attrs({ name: 'release workflow', steps: [changeStep()] });
    expect((await emu.request('viewer', 'PATCH', '/api/projects/bank/workflows/release', valid)).status).toBe(
      403,
    );
  });

  it('deletes all drafts, and refuses when no version is published', async () => {
    const none = await emu.contract(
      'opschain',
      'DELETE',
      '/api/projects/bank/workflows/drafty/versions',
      VERSIONS,
    );
    expect(none.status).toBe(422);
    expect(pointers(none.body)).toEqual(['/data/attributes/base']);
    const res = await emu.contract(
      'opschain',
      'DELETE',
      '/api/projects/bank/workflows/release/versions',
      VERSIONS,
    );
    expect(res.status).toBe(204);
    const show = await emu.request('opschain', 'GET', '/api/projects/bank/workflows/release');
    expect(dig(show.body, 'data', 'attributes', 'latest_version')).toBe(1);
    expect(dig(show.body, 'data', 'attributes', 'draft')).toBe(false);
    expect(
      (await emu.contract('opschain', 'DELETE', '/api/projects/bank/workflows/ghost/versions', VERSIONS))
        .status,
    ).toBe(404);
  });

  it('never reuses a version number after drafts are deleted', async () => {
    const res = await emu.request(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/release',
      attrs({ name: 'release workflow', steps: [changeStep()], draft: false }),
    );
    expect(dig(res.body, 'data', 'attributes', 'latest_version')).toBe(3);
    expect(dig(res.body, 'data', 'attributes', 'latest_published_version')).toBe(3);
  });

  it('deletes a version that never ran, but never the only one', async () => {
    expect(
      (await emu.contract('opschain', 'DELETE', '/api/projects/bank/workflows/release/versions/3', VERSION))
        .status,
    ).toBe(204);
    expect(
      (await emu.request('opschain', 'GET', '/api/projects/bank/workflows/release/versions/3')).status,
    ).toBe(404);
    const only = await emu.request('opschain', 'DELETE', '/api/projects/bank/workflows/release/versions/1');
    expect(only.status).toBe(422);
    expect(
      (await emu.contract('opschain', 'DELETE', '/api/projects/bank/workflows/release/versions/7', VERSION))
        .status,
    ).toBe(404);
    expect(
      (await emu.request('viewer', 'DELETE', '/api/projects/bank/workflows/release/versions/1')).status,
    ).toBe(403);
  });

  it('deletes a workflow that never ran', async () => {
    expect(
      (await emu.contract('opschain', 'DELETE', '/api/projects/bank/workflows/drafty', ONE)).status,
    ).toBe(204);
    expect((await emu.request('opschain', 'GET', '/api/projects/bank/workflows/drafty')).status).toBe(404);
    expect(
      (await emu.contract('opschain', 'DELETE', '/api/projects/bank/workflows/drafty', ONE)).status,
    ).toBe(404);
  });

  it('archives and unarchives through PATCH archived', async () => {
    const archived = await emu.request(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/steps_win',
      attrs({ name: 'Steps win', steps: [changeStep('deploy')], archived: true }),
    );
    expect(dig(archived.body, 'data', 'attributes', 'archived')).toBe(true);
    const back = await emu.request(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/steps_win',
      attrs({ name: 'Steps win', steps: [changeStep('deploy')], archived: false }),
    );
    expect(dig(back.body, 'data', 'attributes', 'archived')).toBe(false);
  });
});

describe('read permission on <project>/workflows', () => {
  it('hides workflows from users who may not read them', async () => {
    const core = emu.app.emulator;
    core.tx(() => {
      insertPolicy(
        core,
        { name: 'viewer cannot read bank workflows', description: null },
        [
          {
            name: 'no bank workflows',
            path: '^/projects/bank/workflows',
            read: false,
            update: false,
            execute: false,
          },
        ],
        [{ username: 'viewer' }],
      );
    });
    core.authzChanged();
    const list = await emu.contract('viewer', 'GET', '/api/projects/bank/workflows', LIST);
    expect(dig(list.body, 'data')).toEqual([]);
    expect((await emu.contract('viewer', 'GET', '/api/projects/bank/workflows/release', ONE)).status).toBe(
      404,
    );
  });
});
