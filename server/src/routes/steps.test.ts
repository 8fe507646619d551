import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, basicAuth } from '@server/test/emulator.ts';
import { appendVersion } from '../documents.ts';
import { findNodeByPath } from '../nodes.ts';
import { insertPolicy, insertUser } from '../seeds/policies.ts';
import { stepsOf } from '../engine/store.ts';
import { DEV, ORIGIN, startEngine, type EngineHarness } from '../engine/testing.ts';

// Contract tests here cover: GET /api/steps (200), GET /api/steps/{step_id} (200, 404), PATCH /api/steps/{step_id}
// (200, 400, 404), POST /api/steps/{step_id}/continue (200, 404, 422), POST …/approve (200, 403, 404, 422),
// POST …/reject (200, 403, 404, 422).

interface StepDoc {
  data: {
    id: string;
    attributes: Record<string, unknown>;
    links: Record<string, string>;
    relationships: Record<string, { data: unknown }>;
  };
}

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngine();
  const emu = h.app.emulator;
  emu.tx(() => {
    // An approver who may not execute changes on bank/dev, and a user who cannot read bank at all.
    insertUser(emu, 'idle_approver', 'idle_approver', ['approvers']);
    insertPolicy(
      emu,
      { name: 'No execution on bank dev', description: null },
      [
        {
          name: 'no execute',
          path: '^/projects/bank/environments/dev/changes',
          read: true,
          update: false,
          execute: false,
        },
      ],
      [{ username: 'idle_approver' }],
    );
    insertUser(emu, 'outsider', 'outsider');
    insertPolicy(
      emu,
      { name: 'No bank', description: null },
      [{ name: 'no bank', path: '^/projects/bank', read: false, update: false, execute: false }],
      [{ username: 'outsider' }],
    );
    // bank/test: changes need approval from the user operator or the group qa.
    const test = findNodeByPath(emu, '/projects/bank/environments/test');
    if (test) appendVersion(emu, test.settings_id, { requires_approval_from: 'operator, qa' });
  });
  emu.authzChanged();
});
afterAll(async () => {
  await h.close();
});

async function as(user: string, method: string, url: string, body?: unknown) {
  const res = await h.app.inject({
    method: method as 'POST',
    url,
    headers: { authorization: basicAuth(user), 'content-type': 'application/vnd.api+json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: res.statusCode, body: res.body === '' ? null : res.json<unknown>() };
}

function stepNamed(changeId: string, name: string): string {
  const step = stepsOf(h.app.emulator, changeId).find((s) => (s.name ?? s.action) === name);
  if (!step) throw new Error(`no step ${name}`);
  return step.id;
}

const RETAIL_DEV = '/api/projects/retail/environments/dev/changes';

/** retail allows parallel changes, so tests do not queue behind each other's waiting changes. */
async function gateWaiting(url = RETAIL_DEV): Promise<{ changeId: string; stepId: string }> {
  const changeId = await h.create('operator', url, { action: 'approval_gate', ...ORIGIN });
  await h.record(changeId, { until: (s) => s.includes('approve_release:waiting_for_approval') });
  return { changeId, stepId: stepNamed(changeId, 'approve_release') };
}

async function changeAwaitingApproval(url: string): Promise<string> {
  const changeId = await h.create('operator', url, { action: 'hello', ...ORIGIN });
  await h.record(changeId, { until: (s) => s.startsWith('waiting_for_approval') });
  return stepsOf(h.app.emulator, changeId)[0]?.id ?? '';
}

describe('who may approve (approval_gate step requires "approvers"; bank/prod and bank/test changes need approval)', () => {
  it('approver may; operator, viewer and the superuser are not listed (403 with the documented body)', async () => {
    const { stepId } = await gateWaiting();
    for (const user of ['operator', 'viewer', 'opschain'] as const) {
      const res = await h.contract(
        user,
        'POST',
        `/api/steps/${stepId}/approve`,
        '/api/steps/{step_id}/approve',
      );
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        errors: [
          {
            status: 422,
            code: 'model error',
            title: 'You are not permitted to approve this step',
            source: { pointer: '/data/attributes/base' },
          },
        ],
      });
    }
    const ok = await h.contract(
      'approver',
      'POST',
      `/api/steps/${stepId}/approve`,
      '/api/steps/{step_id}/approve',
    );
    expect(ok.status).toBe(200);
  });

  it('a listed group member without execute permission is refused; a user who cannot read gets 404', async () => {
    const { changeId, stepId } = await gateWaiting(DEV);
    expect((await as('idle_approver', 'POST', `/api/steps/${stepId}/approve`)).status).toBe(403);
    expect((await as('outsider', 'POST', `/api/steps/${stepId}/approve`)).status).toBe(404);
    expect((await as('idle_approver', 'GET', `/api/steps/${stepId}`)).status).toBe(200);
    expect((await h.request('operator', 'DELETE', `/api/changes/${changeId}`)).status).toBe(204);
  });

  it('requires_approval_from is a comma list of users and groups', async () => {
    const first = await changeAwaitingApproval('/api/projects/bank/environments/test/changes');
    const shown = (await h.request('viewer', 'GET', `/api/steps/${first}`)).body as StepDoc;
    expect(shown.data.attributes.requires_approval_from).toBe('operator, qa');
    expect((await h.request('operator', 'POST', `/api/steps/${first}/approve`)).status).toBe(200);
    const second = await changeAwaitingApproval('/api/projects/bank/environments/test/changes');
    // approver is in the qa group.
    expect((await h.request('approver', 'POST', `/api/steps/${second}/approve`)).status).toBe(200);
    const third = await changeAwaitingApproval('/api/projects/bank/environments/test/changes');
    expect((await h.request('viewer', 'POST', `/api/steps/${third}/approve`)).status).toBe(403);
  });

  it('the same rules apply to reject (403 documented body, then 200)', async () => {
    const stepId = await changeAwaitingApproval('/api/projects/bank/environments/prod/changes');
    const refused = await h.contract(
      'operator',
      'POST',
      `/api/steps/${stepId}/reject`,
      '/api/steps/{step_id}/reject',
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      errors: [{ status: 422, title: 'You are not permitted to reject this step' }],
    });
    const ok = await h.contract(
      'approver',
      'POST',
      `/api/steps/${stepId}/reject`,
      '/api/steps/{step_id}/reject',
      attrs({ message: 'Failed UAT' }),
    );
    expect(ok.status).toBe(200);
    const step = (ok.body as StepDoc).data;
    expect(step.attributes.status_code).toBe('rejected');
    expect(step.attributes.rejected_by).toEqual([{ username: 'approver', message: 'Failed UAT' }]);
    expect(step.links.reject).toBeUndefined();
  });
});

describe('approve / reject / continue state rules', () => {
  it('approving a step that is not waiting for approval is a 422 naming its state (also a second approval)', async () => {
    const { stepId } = await gateWaiting();
    expect((await h.request('approver', 'POST', `/api/steps/${stepId}/approve`)).status).toBe(200);
    const again = await h.contract(
      'approver',
      'POST',
      `/api/steps/${stepId}/approve`,
      '/api/steps/{step_id}/approve',
    );
    expect(again.status).toBe(422);
    expect(again.body).toEqual({
      errors: [
        {
          status: 422,
          code: 'model error',
          title: 'Cannot approve step because it is in the "queued" state',
          source: { pointer: '/data/attributes/base' },
        },
      ],
    });
    h.advance(300);
    const running = await h.contract(
      'operator',
      'POST',
      `/api/steps/${stepId}/reject`,
      '/api/steps/{step_id}/reject',
    );
    expect(running.status).toBe(422);
    expect((running.body as { errors: { title: string }[] }).errors[0]?.title).toBe(
      'Cannot reject step because it is in the "running" state',
    );
  });

  it('two simultaneous approvals: exactly one succeeds', async () => {
    const { stepId } = await gateWaiting();
    const results = await Promise.all([
      h.request('approver', 'POST', `/api/steps/${stepId}/approve`, attrs({ message: 'first' })),
      h.request('approver', 'POST', `/api/steps/${stepId}/approve`, attrs({ message: 'second' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const step = (await h.request('viewer', 'GET', `/api/steps/${stepId}`)).body as StepDoc;
    expect(step.data.attributes.approved_by).toHaveLength(1);
  });

  it('continue: 200 with continued_by, then 422 naming the new state; the viewer may not (403)', async () => {
    const changeId = await h.create('operator', RETAIL_DEV, { action: 'manual_wait', ...ORIGIN });
    await h.record(changeId, { until: (s) => s.startsWith('waiting') });
    const stepId = stepNamed(changeId, 'wait_for_confirmation');
    const before = (await h.request('viewer', 'GET', `/api/steps/${stepId}`)).body as StepDoc;
    expect(before.data.links.continue).toBe(`/api/steps/${stepId}/continue`);
    expect(before.data.links.approve).toBeUndefined();
    expect((await h.request('viewer', 'POST', `/api/steps/${stepId}/continue`)).status).toBe(403);
    const approveWait = await h.request('approver', 'POST', `/api/steps/${stepId}/approve`);
    expect(approveWait.status).toBe(422);
    const res = await h.contract(
      'operator',
      'POST',
      `/api/steps/${stepId}/continue`,
      '/api/steps/{step_id}/continue',
      attrs({ message: 'Manually removed from load balancer.' }),
    );
    expect(res.status).toBe(200);
    const step = (res.body as StepDoc).data;
    expect(step.attributes.status_code).toBe('success');
    expect(step.attributes.continued_by).toEqual([
      { username: 'operator', message: 'Manually removed from load balancer.' },
    ]);
    expect(step.links.continue).toBeUndefined();
    const again = await h.contract(
      'operator',
      'POST',
      `/api/steps/${stepId}/continue`,
      '/api/steps/{step_id}/continue',
    );
    expect(again.status).toBe(422);
    expect((again.body as { errors: { title: string }[] }).errors[0]?.title).toBe(
      'Cannot continue step because it is in the "success" state',
    );
  });

  it('accepts an empty body, {} and {data:{}}; refuses other attributes (400) and a non-string message (422)', async () => {
    for (const body of [undefined, {}, { data: {} }, { data: { attributes: {} } }]) {
      const { stepId } = await gateWaiting();
      expect((await h.request('approver', 'POST', `/api/steps/${stepId}/approve`, body)).status).toBe(200);
    }
    const { stepId } = await gateWaiting();
    expect(
      (await h.request('approver', 'POST', `/api/steps/${stepId}/approve`, attrs({ note: 'x' }))).status,
    ).toBe(400);
    expect(
      (await h.request('approver', 'POST', `/api/steps/${stepId}/approve`, attrs({ message: 5 }))).status,
    ).toBe(422);
    expect((await h.request('approver', 'POST', `/api/steps/${stepId}/approve`, { data: 'x' })).status).toBe(
      400,
    );
  });

  it('unknown steps are 404 for every operation (contract 404)', async () => {
    for (const op of ['continue', 'approve', 'reject'] as const) {
      const res = await h.contract('approver', 'POST', `/api/steps/nope/${op}`, `/api/steps/{step_id}/${op}`);
      expect(res.status).toBe(404);
    }
  });
});

describe('GET /api/steps and /api/steps/{id}', () => {
  let changeId = '';
  beforeAll(async () => {
    changeId = await h.create('operator', '/api/projects/retail/environments/prod/changes', {
      action: 'provision',
      ...ORIGIN,
    });
    h.advance(3000);
  });

  it('lists steps with filters (contract 200)', async () => {
    const res = await h.contract(
      'viewer',
      'GET',
      `/api/steps?filter[change_id_eq]=${changeId}&filter[action_eq]=provision_host`,
      '/api/steps',
    );
    const steps = (res.body as { data: StepDoc['data'][] }).data;
    expect(steps.map((s) => s.attributes.name)).toEqual(['host-1', 'host-2', 'host-3', 'host-4', 'host-5']);
    const root = await h.request(
      'viewer',
      'GET',
      `/api/steps?filter[change_id_eq]=${changeId}&filter[parent_id_null]=1`,
    );
    const rootStep = (root.body as { data: StepDoc['data'][] }).data[0];
    expect(rootStep?.attributes.child_execution_strategy).toBe('parallel');
    expect((rootStep?.relationships.children?.data as unknown[]).length).toBe(5);
    const all = (await h.contract('viewer', 'GET', '/api/steps', '/api/steps')).body as { data: unknown[] };
    expect(all.data.length).toBeGreaterThan(5);
    const hidden = (await as('outsider', 'GET', '/api/steps')).body as { data: StepDoc['data'][] };
    expect(hidden.data.every((s) => !String(s.links.change).startsWith('/api/projects/bank'))).toBe(true);
  });

  it('shows a step with its links and relationships (contract 200), unknown or hidden ones are 404 (contract 404)', async () => {
    const hostId = stepNamed(changeId, 'host-2');
    const res = await h.contract('viewer', 'GET', `/api/steps/${hostId}`, '/api/steps/{step_id}');
    const step = (res.body as StepDoc).data;
    const rootId = stepsOf(h.app.emulator, changeId)[0]?.id ?? '';
    expect(step.links).toEqual({
      parent: `/api/steps/${rootId}`,
      change: `/api/projects/retail/environments/prod/changes/${changeId}`,
      log_lines: `/api/steps/${hostId}/log_lines`,
      self: `/api/steps/${hostId}`,
    });
    expect(step.relationships.change?.data).toEqual({ type: 'change', id: changeId });
    expect((step.relationships.properties_versions?.data as unknown[]).length).toBe(2);
    const root = (await h.request('viewer', 'GET', `/api/steps/${rootId}`)).body as StepDoc;
    expect(root.data.links.parent).toBe(`/api/changes/${changeId}`);
    expect((await h.contract('viewer', 'GET', '/api/steps/nope', '/api/steps/{step_id}')).status).toBe(404);
    const bankChange = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    expect(
      (await as('outsider', 'GET', `/api/steps/${stepsOf(h.app.emulator, bankChange)[0]?.id ?? ''}`)).status,
    ).toBe(404);
  });

  it('PATCH sets skip_on_retry only (contract 200, 400, 404), 422 for a non-boolean, 403 for the viewer', async () => {
    const stepId = stepNamed(changeId, 'host-1');
    const ok = await h.contract(
      'operator',
      'PATCH',
      `/api/steps/${stepId}`,
      '/api/steps/{step_id}',
      attrs({ skip_on_retry: true }),
    );
    expect(ok.status).toBe(200);
    expect((ok.body as StepDoc).data.attributes.skip_on_retry).toBe(true);
    const extra = await h.contract(
      'operator',
      'PATCH',
      `/api/steps/${stepId}`,
      '/api/steps/{step_id}',
      attrs({ skip_on_retry: true, invalid: 1 }),
    );
    expect(extra.status).toBe(400);
    const missing = await h.contract(
      'operator',
      'PATCH',
      '/api/steps/nope',
      '/api/steps/{step_id}',
      attrs({ skip_on_retry: true }),
    );
    expect(missing.status).toBe(404);
    expect(
      (await h.request('operator', 'PATCH', `/api/steps/${stepId}`, attrs({ skip_on_retry: 'maybe' })))
        .status,
    ).toBe(422);
    expect(
      (await h.request('operator', 'PATCH', `/api/steps/${stepId}`, attrs({ skip_on_retry: null }))).status,
    ).toBe(422);
    expect(
      (await h.request('viewer', 'PATCH', `/api/steps/${stepId}`, attrs({ skip_on_retry: false }))).status,
    ).toBe(403);
    const shown = (await h.request('viewer', 'GET', `/api/steps/${stepId}`)).body as StepDoc;
    expect(shown.data.attributes.skip_on_retry).toBe(true);
  });
});
