import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoUser } from '@contract/demo-users.ts';
import { attrs } from '@server/test/emulator.ts';
import { getRunStep } from '../workflows/runs.ts';
import { SOA_DEV, startWorkflowHarness, type WorkflowHarness } from '../workflows/testing.ts';

// Workflow run steps over HTTP (spec checklist rows 67–76): GET /api/workflow_steps, GET/PATCH
// /api/workflow_steps/{id}, POST …/{id}/continue|approve|reject, and the same under
// /api/projects/{p}/workflows/{w}/runs/{r}/steps.

const STEPS = '/api/workflow_steps';
const STEP = '/api/workflow_steps/{step_id}';
const RUN_STEPS = '/api/projects/{project_code}/workflows/{workflow_code}/runs/{run_id}/steps';
const RUN_STEP = `${RUN_STEPS}/{step_id}`;
const op = (name: string) => `/api/workflow_steps/{step_id}/${name}`;
const runOp = (name: string) => `${RUN_STEP}/${name}`;

function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

let h: WorkflowHarness;
beforeEach(async () => {
  h = await startWorkflowHarness();
});
afterEach(async () => {
  await h.close();
});

/** Starts a run of a one-wait-step workflow and ticks until the step waits; returns run and step ids. */
async function waitingStep(
  requiresApprovalFrom: string | null,
  code = 'gate',
): Promise<{ runId: string; stepId: string }> {
  await h.workflow(code, [
    { type: 'wait', name: 'Gate', requires_approval_from: requiresApprovalFrom },
    { type: 'change', target: SOA_DEV, action: 'hello' },
  ]);
  const runId = await h.run(code);
  h.advance(100);
  return { runId, stepId: h.stepId(runId, 'Gate') };
}

describe('listing and showing steps', () => {
  it('lists every visible step, filterable, and the steps of one run', async () => {
    const { runId, stepId } = await waitingStep(null);
    const all = await h.contract('viewer', 'GET', '/api/workflow_steps', STEPS);
    expect(all.status).toBe(200);
    // The demo's own runs (seeds/demo-history.ts) are listed too; these are this run's.
    const ofRun = (dig(all.body, 'data') as unknown[]).filter(
      (s) => dig(s, 'relationships', 'workflow_run', 'data', 'id') === runId,
    );
    expect(ofRun.map((s) => dig(s, 'type'))).toEqual([
      'workflow_noop_step',
      'workflow_wait_step',
      'workflow_change_step',
    ]);
    const waiting = await h.request('viewer', 'GET', '/api/workflow_steps?filter[status_code_eq]=waiting');
    expect((dig(waiting.body, 'data') as unknown[]).map((s) => dig(s, 'id'))).toEqual([stepId]);
    const perRun = await h.contract(
      'viewer',
      'GET',
      `/api/projects/bank/workflows/gate/runs/${runId}/steps`,
      RUN_STEPS,
    );
    expect((dig(perRun.body, 'data') as unknown[]).length).toBe(3);
    const standard = await h.contract(
      'viewer',
      'GET',
      `/api/projects/website/workflows/gate/runs/${runId}/steps`,
      RUN_STEPS,
    );
    expect(standard.status).toBe(422);
  });

  it('shows a step globally and under its run, with the action links it allows', async () => {
    const { runId, stepId } = await waitingStep(null);
    const res = await h.contract('viewer', 'GET', `/api/workflow_steps/${stepId}`, STEP);
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'status_code')).toBe('waiting');
    expect(dig(res.body, 'data', 'links', 'continue')).toBe(
      `/api/projects/bank/workflows/gate/runs/${runId}/steps/${stepId}/continue`,
    );
    expect(dig(res.body, 'data', 'links', 'approve')).toBeUndefined();
    const nested = await h.contract(
      'viewer',
      'GET',
      `/api/projects/bank/workflows/gate/runs/${runId}/steps/${stepId}`,
      RUN_STEP,
    );
    expect(dig(nested.body, 'data', 'id')).toBe(stepId);
    expect((await h.contract('viewer', 'GET', '/api/workflow_steps/nope', STEP)).status).toBe(404);
    expect(
      (
        await h.contract(
          'viewer',
          'GET',
          `/api/projects/bank/workflows/gate/runs/${runId}/steps/nope`,
          RUN_STEP,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await h.contract(
          'viewer',
          'GET',
          `/api/projects/website/workflows/gate/runs/${runId}/steps/${stepId}`,
          RUN_STEP,
        )
      ).status,
    ).toBe(422);
  });

  it('shows a change step with its change and target', async () => {
    const { runId, stepId } = await waitingStep(null);
    await h.request('operator', 'POST', `/api/workflow_steps/${stepId}/continue`);
    h.advance(100);
    const changeStepId = h.stepId(runId, 'hello');
    const res = await h.contract('viewer', 'GET', `/api/workflow_steps/${changeStepId}`, STEP);
    expect(dig(res.body, 'data', 'type')).toBe('workflow_change_step');
    expect(dig(res.body, 'data', 'relationships', 'change', 'data', 'type')).toBe('change');
    expect(dig(res.body, 'data', 'relationships', 'change_parent', 'data', 'type')).toBe('asset');
    expect(dig(res.body, 'data', 'relationships', 'action_template_version', 'data', 'type')).toBe(
      'template_version',
    );
  });
});

describe('continue', () => {
  it('continues a waiting step (200), then answers 422 for it', async () => {
    const { runId, stepId } = await waitingStep(null);
    const res = await h.contract(
      'operator',
      'POST',
      `/api/workflow_steps/${stepId}/continue`,
      op('continue'),
      attrs({ message: 'Done sanity checks.' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'status_code')).toBe('continued');
    expect(dig(res.body, 'data', 'attributes', 'continued_by')).toEqual([
      { username: 'operator', message: 'Done sanity checks.' },
    ]);
    const again = await h.contract(
      'operator',
      'POST',
      `/api/projects/bank/workflows/gate/runs/${runId}/steps/${stepId}/continue`,
      runOp('continue'),
    );
    expect(again.status).toBe(422);
    expect(dig(again.body, 'errors', 0, 'title')).toBe(
      'Cannot continue step because it is in the "continued" state',
    );
    expect(dig(again.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/base');
  });

  it('continues through the run route without a body; 404 and 403 as documented', async () => {
    const { runId, stepId } = await waitingStep(null);
    expect(
      (await h.contract('operator', 'POST', '/api/workflow_steps/nope/continue', op('continue'))).status,
    ).toBe(404);
    expect((await h.request('viewer', 'POST', `/api/workflow_steps/${stepId}/continue`)).status).toBe(403);
    const res = await h.contract(
      'operator',
      'POST',
      `/api/projects/bank/workflows/gate/runs/${runId}/steps/${stepId}/continue`,
      runOp('continue'),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'continued_by')).toEqual([
      { username: 'operator', message: null },
    ]);
    expect(
      (await h.request('operator', 'POST', `/api/workflow_steps/${stepId}/continue`, attrs({ message: 5 })))
        .status,
    ).toBe(422);
    expect(
      (await h.request('operator', 'POST', `/api/workflow_steps/${stepId}/continue`, attrs({ other: 'x' })))
        .status,
    ).toBe(400);
  });

  it('does not continue an approval step, nor approve a plain wait step', async () => {
    const approval = await waitingStep('approvers', 'approval');
    const res = await h.contract(
      'approver',
      'POST',
      `/api/workflow_steps/${approval.stepId}/continue`,
      op('continue'),
    );
    expect(res.status).toBe(422);
    expect(dig(res.body, 'errors', 0, 'title')).toBe(
      'Cannot continue step because it is in the "waiting_for_approval" state',
    );
    const plain = await waitingStep(null, 'plain');
    const approve = await h.contract(
      'approver',
      'POST',
      `/api/workflow_steps/${plain.stepId}/approve`,
      op('approve'),
    );
    expect(approve.status).toBe(422);
    expect(dig(approve.body, 'errors', 0, 'title')).toBe(
      'Cannot approve step because it is in the "waiting" state',
    );
  });
});

describe('approve and reject', () => {
  it('approves (200) and then answers 422 for the same step', async () => {
    const { runId, stepId } = await waitingStep('approvers');
    const res = await h.contract(
      'approver',
      'POST',
      `/api/projects/bank/workflows/gate/runs/${runId}/steps/${stepId}/approve`,
      runOp('approve'),
      attrs({ message: 'Ok to proceed.' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'approved_by')).toEqual([
      { username: 'approver', message: 'Ok to proceed.' },
    ]);
    expect(dig(res.body, 'data', 'attributes', 'requires_approval_from')).toBe('approvers');
    const again = await h.contract(
      'approver',
      'POST',
      `/api/workflow_steps/${stepId}/approve`,
      op('approve'),
    );
    expect(again.status).toBe(422);
    expect(dig(again.body, 'errors', 0, 'title')).toBe(
      'Cannot approve step because it is in the "approved" state',
    );
    const reject = await h.contract('approver', 'POST', `/api/workflow_steps/${stepId}/reject`, op('reject'));
    expect(reject.status).toBe(422);
  });

  it('rejects (200) through both routes; 404 for unknown steps', async () => {
    const { runId, stepId } = await waitingStep('approvers');
    expect(
      (await h.contract('approver', 'POST', '/api/workflow_steps/nope/reject', op('reject'))).status,
    ).toBe(404);
    expect(
      (
        await h.contract(
          'approver',
          'POST',
          `/api/projects/bank/workflows/gate/runs/${runId}/steps/nope/reject`,
          runOp('reject'),
        )
      ).status,
    ).toBe(404);
    const res = await h.contract(
      'approver',
      'POST',
      `/api/workflow_steps/${stepId}/reject`,
      op('reject'),
      attrs({ message: 'No.' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'status_code')).toBe('rejected');
    const again = await h.contract(
      'approver',
      'POST',
      `/api/projects/bank/workflows/gate/runs/${runId}/steps/${stepId}/reject`,
      runOp('reject'),
    );
    expect(again.status).toBe(422);
  });

  it('allows only listed approvers with execute permission (the demo users)', async () => {
    const cases: [string, DemoUser, number][] = [
      ['approvers', 'approver', 200],
      ['approvers', 'operator', 403],
      ['approvers', 'viewer', 403],
      ['approvers', 'opschain', 403],
      ['operators', 'operator', 200],
      ['operators', 'approver', 403],
      ['viewer', 'viewer', 403],
      ['opschain', 'opschain', 200],
      ['qa, operators', 'operator', 200],
      ['qa, operators', 'approver', 200],
    ];
    let n = 0;
    for (const [list, user, status] of cases) {
      n += 1;
      const { stepId } = await waitingStep(list, `matrix_${String(n)}`);
      const res = await h.contract(user, 'POST', `/api/workflow_steps/${stepId}/approve`, op('approve'));
      expect(res.status, `${user} approving a step for "${list}"`).toBe(status);
      if (status === 403) {
        expect(dig(res.body, 'errors', 0)).toEqual({
          status: 422,
          code: 'model error',
          title: 'You are not permitted to approve this step',
          source: { pointer: '/data/attributes/base' },
        });
        expect(getRunStep(h.app.emulator, stepId)?.status_code).toBe('waiting_for_approval');
      }
    }
    const rejected = await waitingStep('approvers', 'reject_matrix');
    const refused = await h.contract(
      'operator',
      'POST',
      `/api/workflow_steps/${rejected.stepId}/reject`,
      op('reject'),
    );
    expect(refused.status).toBe(403);
    expect(dig(refused.body, 'errors', 0, 'title')).toBe('You are not permitted to reject this step');
    const denied = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_eq]=api:workflow_steps:approve:denied&limit=100',
    );
    expect((dig(denied.body, 'data') as unknown[]).length).toBe(5);
  });

  it('answers 200, 403, 404 and 422 on both routes of every action', async () => {
    for (const operation of ['approve', 'reject'] as const) {
      for (const nested of [false, true]) {
        const code = `${operation}_${nested ? 'nested' : 'global'}`;
        const { runId, stepId } = await waitingStep('approvers', code);
        const base = nested
          ? `/api/projects/bank/workflows/${code}/runs/${runId}/steps`
          : '/api/workflow_steps';
        const spec = nested ? runOp(operation) : op(operation);
        expect((await h.contract('approver', 'POST', `${base}/nope/${operation}`, spec)).status).toBe(404);
        expect((await h.contract('operator', 'POST', `${base}/${stepId}/${operation}`, spec)).status).toBe(
          403,
        );
        expect((await h.contract('approver', 'POST', `${base}/${stepId}/${operation}`, spec)).status).toBe(
          200,
        );
        expect((await h.contract('approver', 'POST', `${base}/${stepId}/${operation}`, spec)).status).toBe(
          422,
        );
      }
    }
    const { runId, stepId } = await waitingStep(null, 'continue_nested');
    const base = `/api/projects/bank/workflows/continue_nested/runs/${runId}/steps`;
    expect((await h.contract('operator', 'POST', `${base}/nope/continue`, runOp('continue'))).status).toBe(
      404,
    );
    expect(
      (await h.contract('operator', 'POST', `${base}/${stepId}/continue`, runOp('continue'))).status,
    ).toBe(200);
    expect(
      (await h.contract('operator', 'POST', `/api/workflow_steps/${stepId}/continue`, op('continue'))).status,
    ).toBe(422);
  });

  it('of two simultaneous approvals exactly one succeeds', async () => {
    const { stepId } = await waitingStep('approvers, operators');
    const results = await Promise.all([
      h.request('approver', 'POST', `/api/workflow_steps/${stepId}/approve`, attrs({ message: 'first' })),
      h.request('operator', 'POST', `/api/workflow_steps/${stepId}/approve`, attrs({ message: 'second' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const step = getRunStep(h.app.emulator, stepId);
    expect(JSON.parse(step?.approved_by ?? '[]')).toHaveLength(1);
  });
});

describe('skip_on_retry', () => {
  it('sets skip_on_retry (200) and bumps lock_version; 400, 404, 422 and 403 as documented', async () => {
    const { runId } = await waitingStep(null);
    const changeStepId = h.stepId(runId, 'hello');
    const before = getRunStep(h.app.emulator, changeStepId)?.lock_version ?? -1;
    const res = await h.contract(
      'operator',
      'PATCH',
      `/api/workflow_steps/${changeStepId}`,
      STEP,
      attrs({ skip_on_retry: true }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'skip_on_retry')).toBe(true);
    expect(dig(res.body, 'data', 'attributes', 'lock_version')).toBe(before + 1);
    expect(
      (
        await h.contract(
          'operator',
          'PATCH',
          `/api/workflow_steps/${changeStepId}`,
          STEP,
          attrs({ invalid: true }),
        )
      ).status,
    ).toBe(400);
    expect(
      (await h.contract('operator', 'PATCH', `/api/workflow_steps/${changeStepId}`, STEP, {})).status,
    ).toBe(400);
    expect(
      (
        await h.contract(
          'operator',
          'PATCH',
          '/api/workflow_steps/nope',
          STEP,
          attrs({ skip_on_retry: true }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await h.request(
          'operator',
          'PATCH',
          `/api/workflow_steps/${changeStepId}`,
          attrs({ skip_on_retry: 'yes' }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await h.request(
          'viewer',
          'PATCH',
          `/api/workflow_steps/${changeStepId}`,
          attrs({ skip_on_retry: false }),
        )
      ).status,
    ).toBe(403);
  });
});
