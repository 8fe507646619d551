import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attrs } from '@server/test/emulator.ts';
import { changeStatus } from '../engine/changes.ts';
import { START_MS } from '../engine/testing.ts';
import {
  getRun,
  getRunStep,
  includedVersions,
  serializeRun,
  serializeRunSteps,
  stepsOfRun,
} from '../workflows/runs.ts';
import {
  LEDGER_DEV,
  SOA_DEV,
  SOA_TEST,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../workflows/testing.ts';

// Workflow runs over HTTP (spec checklist rows 63–66): POST/GET /api/workflow_runs, GET/DELETE
// /api/workflow_runs/{r}, GET/POST …/workflows/{w}/runs, GET/DELETE …/runs/{r}; plus /api/projects/{p}/workflow_runs
// and <asset>/workflow_runs. Lifecycles run on a fake clock.

const RUNS = '/api/workflow_runs';
const RUN = '/api/workflow_runs/{run_id}';
const WF_RUNS = '/api/projects/{project_code}/workflows/{workflow_code}/runs';
const WF_RUN = '/api/projects/{project_code}/workflows/{workflow_code}/runs/{run_id}';

function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The ids of `body.data` made since the test's clock started (the demo's history lies before it). */
function freshIds(body: unknown): unknown[] {
  return (dig(body, 'data') as unknown[])
    .filter((r) => Date.parse(String(dig(r, 'attributes', 'created_at'))) >= START_MS)
    .map((r) => dig(r, 'id'));
}

const hello = (target: string, name?: string) => ({
  type: 'change',
  target,
  action: 'hello',
  ...(name ? { name } : {}),
});

let h: WorkflowHarness;
beforeEach(async () => {
  h = await startWorkflowHarness();
});
afterEach(async () => {
  await h.close();
});

describe('starting runs', () => {
  it('starts a pending run by codes (POST /api/workflow_runs) with its step tree and steps', async () => {
    await h.workflow('release', [hello(SOA_DEV), { type: 'wait' }]);
    const res = await h.contract(
      'operator',
      'POST',
      '/api/workflow_runs',
      RUNS,
      attrs({ project_code: 'bank', workflow_code: 'release' }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'attributes', 'status_code')).toBe('pending');
    expect(dig(res.body, 'data', 'attributes', 'created_by')).toBe('operator');
    expect(dig(res.body, 'data', 'attributes', 'project_name')).toBe('Core Banking Platform');
    expect(dig(res.body, 'data', 'meta')).toEqual({});
    const tree = dig(res.body, 'data', 'attributes', 'step_tree');
    expect(dig(tree, 'type')).toBe('workflow_noop_step');
    expect(dig(tree, 'name')).toBe('release');
    expect(dig(tree, 'children', 0)).toMatchObject({
      type: 'workflow_change_step',
      name: 'hello',
      action: 'hello',
      target: SOA_DEV,
      children: [],
    });
    expect(dig(tree, 'children', 1)).toMatchObject({
      type: 'workflow_wait_step',
      name: 'Wait',
      children: [],
    });
    expect(JSON.stringify(tree)).not.toContain('status');
    const id = dig(res.body, 'data', 'id') as string;
    expect(dig(res.body, 'data', 'links', 'self')).toBe(`/api/projects/bank/workflows/release/runs/${id}`);
    const types = (dig(res.body, 'included') as unknown[]).map((r) => dig(r, 'type'));
    expect(types).toEqual([
      'workflow_version',
      'workflow_noop_step',
      'workflow_change_step',
      'workflow_wait_step',
    ]);
    const events = await h.request('opschain', 'GET', '/api/events?filter[type_eq]=api:workflow_runs:create');
    expect(JSON.stringify(events.body)).toContain(id);
  });

  it('starts a run through the workflow route', async () => {
    await h.workflow('release', [hello(SOA_DEV)]);
    const res = await h.contract(
      'operator',
      'POST',
      '/api/projects/bank/workflows/release/runs',
      WF_RUNS,
      attrs({ workflow_code: 'release' }),
    );
    expect(res.status).toBe(201);
    expect(dig(res.body, 'data', 'relationships', 'parent_workflow_step', 'data')).toBeNull();
  });

  it('answers 422 for unknown workflows, drafts and archived workflows, 400 for unknown attributes', async () => {
    const unknown = await h.contract(
      'operator',
      'POST',
      '/api/workflow_runs',
      RUNS,
      attrs({ project_code: 'nzfty', workflow_code: 'assets' }),
    );
    expect(unknown.status).toBe(422);
    expect(dig(unknown.body, 'errors', 0, 'title')).toBe(
      'The "assets" workflow does not exist in the "nzfty" project',
    );
    expect(dig(unknown.body, 'errors', 0, 'source', 'pointer')).toBe('/data/attributes/base');
    const blank = await h.contract(
      'operator',
      'POST',
      '/api/workflow_runs',
      RUNS,
      attrs({ project_code: '', workflow_code: 3 }),
    );
    expect(blank.status).toBe(422);
    expect(
      (await h.contract('operator', 'POST', '/api/workflow_runs', RUNS, attrs({ invalid: true }))).status,
    ).toBe(400);
    await h.workflow('drafty', [hello(SOA_DEV)], { draft: true });
    const draft = await h.contract(
      'operator',
      'POST',
      '/api/workflow_runs',
      RUNS,
      attrs({ project_code: 'bank', workflow_code: 'drafty' }),
    );
    expect(draft.status).toBe(422);
    expect(dig(draft.body, 'errors', 0, 'title')).toBe(
      'The "drafty" workflow has no published version to run',
    );
    await h.workflow('old', [hello(SOA_DEV)], { archived: true });
    const archived = await h.contract(
      'operator',
      'POST',
      '/api/projects/bank/workflows/old/runs',
      WF_RUNS,
      attrs({ workflow_code: 'old' }),
    );
    expect(archived.status).toBe(422);
    expect(
      (
        await h.contract(
          'operator',
          'POST',
          '/api/projects/bank/workflows/ghost/runs',
          WF_RUNS,
          attrs({ workflow_code: 'ghost' }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await h.contract(
          'operator',
          'POST',
          '/api/projects/bank/workflows/old/runs',
          WF_RUNS,
          attrs({ nope: 1 }),
        )
      ).status,
    ).toBe(400);
  });

  it('answers 422 "Unsupported project type" for Standard projects', async () => {
    const byCodes = await h.contract(
      'operator',
      'POST',
      '/api/workflow_runs',
      RUNS,
      attrs({ project_code: 'website', workflow_code: 'x' }),
    );
    expect(dig(byCodes.body, 'errors', 0, 'title')).toBe('Unsupported project type');
    for (const [method, url, spec] of [
      ['POST', '/api/projects/website/workflows/x/runs', WF_RUNS],
      ['GET', '/api/projects/website/workflows/x/runs', WF_RUNS],
      ['GET', '/api/projects/website/workflows/x/runs/abc', WF_RUN],
      ['DELETE', '/api/projects/website/workflows/x/runs/abc', WF_RUN],
    ] as const) {
      const res = await h.contract(
        'operator',
        method,
        url,
        spec,
        method === 'POST' ? attrs({ workflow_code: 'x' }) : undefined,
      );
      expect(res.status, `${method} ${url}`).toBe(422);
      expect(dig(res.body, 'errors', 0, 'detail')).toBe('"Standard" projects do not support workflows');
    }
    expect((await h.request('operator', 'GET', '/api/projects/website/workflow_runs')).status).toBe(422);
  });

  it('refuses runs to users without execute permission on <project>/workflow_runs', async () => {
    await h.workflow('release', [hello(SOA_DEV)]);
    const res = await h.contract(
      'viewer',
      'POST',
      '/api/projects/bank/workflows/release/runs',
      WF_RUNS,
      attrs({ workflow_code: 'release' }),
    );
    expect(res.status).toBe(403);
    expect(
      (
        await h.request(
          'approver',
          'POST',
          '/api/workflow_runs',
          attrs({ project_code: 'bank', workflow_code: 'release' }),
        )
      ).status,
    ).toBe(201);
  });
});

describe('showing and listing runs', () => {
  it('shows a run with its version and steps included, and the blocking meta', async () => {
    await h.workflow('release', [hello(SOA_DEV)]);
    const id = await h.run('release');
    const res = await h.contract('viewer', 'GET', `/api/workflow_runs/${id}`, RUN);
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'meta')).toEqual({
      parallel_workflows_allowed: false,
      blocked_by_same_workflow_running: false,
      blocked_by_queue: [],
    });
    expect((dig(res.body, 'included') as unknown[]).map((r) => dig(r, 'type'))).toEqual([
      'workflow_version',
      'workflow_noop_step',
      'workflow_change_step',
    ]);
    const nested = await h.contract(
      'viewer',
      'GET',
      `/api/projects/bank/workflows/release/runs/${id}`,
      WF_RUN,
    );
    expect(dig(nested.body, 'data', 'id')).toBe(id);
  });

  it('answers a run of every kind of step exactly as its steps and version serialise one by one', async () => {
    await h.workflow('child', [hello(LEDGER_DEV, 'child hello')]);
    await h.workflow('mixed', [
      {
        name: 'together',
        run_as: 'parallel',
        children: [hello(SOA_DEV, 'a'), hello(SOA_TEST, 'b'), { type: 'wait', name: 'gate' }],
      },
      { type: 'workflow', target: '/projects/bank/workflows/child', name: 'run child' },
      { type: 'wait', name: 'approve', requires_approval_from: 'bank-approvers' },
    ]);
    const id = await h.run('mixed');
    h.record(id, { stepMs: 500 });
    const emu = h.app.emulator;
    const run = getRun(emu, id);
    if (!run) throw new Error('no run');
    const res = await h.contract('viewer', 'GET', `/api/projects/bank/workflows/mixed/runs/${id}`, WF_RUN);
    const expected = {
      data: serializeRun(emu, run, dig(res.body, 'data', 'meta') as Record<string, unknown>),
      included: [...includedVersions(emu, [run]), ...serializeRunSteps(emu, stepsOfRun(emu, id))],
    };
    expect(res.text).toBe(JSON.stringify(expected));
    expect((dig(res.body, 'included') as unknown[]).map((r) => dig(r, 'type'))).toEqual([
      'workflow_version',
      'workflow_noop_step',
      'workflow_noop_step',
      'workflow_change_step',
      'workflow_change_step',
      'workflow_wait_step',
      'workflow_workflow_step',
      'workflow_wait_step',
    ]);
  });

  it('answers 404 for unknown runs and runs of another workflow', async () => {
    await h.workflow('release', [hello(SOA_DEV)]);
    await h.workflow('other', [hello(SOA_DEV)]);
    const id = await h.run('release');
    expect((await h.contract('viewer', 'GET', '/api/workflow_runs/nope', RUN)).status).toBe(404);
    expect(
      (await h.contract('viewer', 'GET', `/api/projects/bank/workflows/other/runs/${id}`, WF_RUN)).status,
    ).toBe(404);
    expect(
      (await h.contract('viewer', 'GET', `/api/projects/bank/workflows/ghost/runs/${id}`, WF_RUN)).status,
    ).toBe(404);
  });

  it('lists runs globally, per workflow, per project and per asset, with filters', async () => {
    await h.workflow('release', [hello(SOA_DEV)]);
    await h.workflow('ledger', [hello(LEDGER_DEV)]);
    const first = await h.run('release');
    const second = await h.run('ledger');
    const all = await h.contract('viewer', 'GET', '/api/workflow_runs', RUNS);
    expect(dig(all.body, 'meta')).toEqual({ partial_response: false });
    expect(freshIds(all.body)).toEqual([first, second]);
    const included = dig(all.body, 'included') as unknown[];
    expect(included.length).toBeGreaterThanOrEqual(2);
    expect(included.every((r) => dig(r, 'type') === 'workflow_version')).toBe(true);
    const perWorkflow = await h.contract(
      'viewer',
      'GET',
      '/api/projects/bank/workflows/ledger/runs',
      WF_RUNS,
    );
    expect((dig(perWorkflow.body, 'data') as unknown[]).map((r) => dig(r, 'id'))).toEqual([second]);
    const perProject = await h.contract('viewer', 'GET', '/api/projects/bank/workflow_runs', RUNS);
    expect(freshIds(perProject.body)).toEqual([first, second]);
    const perAsset = await h.contract('viewer', 'GET', `/api${LEDGER_DEV}/workflow_runs`, RUNS);
    expect(freshIds(perAsset.body)).toEqual([second]);
    const filtered = await h.request(
      'viewer',
      'GET',
      '/api/workflow_runs?filter[workflow_code_eq]=release&filter[status_code_eq]=pending',
    );
    expect((dig(filtered.body, 'data') as unknown[]).map((r) => dig(r, 'id'))).toEqual([first]);
    const sorted = await h.request('viewer', 'GET', '/api/workflow_runs?filter[sorts]=created_at%20desc');
    expect((dig(sorted.body, 'data') as unknown[]).map((r) => dig(r, 'id')).slice(0, 2)).toEqual([
      second,
      first,
    ]);
  });
});

describe('run lifecycle', () => {
  it('runs change steps one after another, each a real change linked to the run', async () => {
    await h.workflow('two', [hello(SOA_DEV, 'first'), hello(LEDGER_DEV, 'second')]);
    const id = await h.run('two');
    expect(h.record(id, { stepMs: 500 })).toEqual([
      'pending | two:pending first:pending second:pending',
      'running | two:running first:running second:pending',
      'running | two:running first:success second:running',
      'success | two:success first:success second:success',
    ]);
    const step = getRunStep(h.app.emulator, h.stepId(id, 'first'));
    const changeId = step?.change_id ?? '';
    expect(changeStatus(h.app.emulator, changeId)).toBe('success');
    const change = await h.request('viewer', 'GET', `/api/changes/${changeId}`);
    expect(dig(change.body, 'data', 'relationships', 'workflow_run', 'data', 'id')).toBe(id);
    expect(dig(change.body, 'data', 'attributes', 'action')).toBe('hello');
    const shown = await h.contract('viewer', 'GET', `/api/workflow_runs/${id}`, RUN);
    expect(dig(shown.body, 'data', 'attributes', 'finished_at')).not.toBeNull();
    const events = await h.request(
      'opschain',
      'GET',
      `/api/events?filter[type_start]=api:workflow_runs&filter[workflow_run_id_eq]=${id}&limit=100`,
    );
    expect((dig(events.body, 'data') as unknown[]).map((e) => dig(e, 'attributes', 'type'))).toEqual([
      'api:workflow_runs:create',
      'api:workflow_runs:start',
      'api:workflow_runs:success',
    ]);
  });

  it('a failing change errors its step, aborts what follows and ends the run in error', async () => {
    await h.workflow('broken', [
      { type: 'change', target: SOA_DEV, action: 'failing', name: 'fails' },
      hello(LEDGER_DEV, 'never'),
      { type: 'wait', name: 'later' },
    ]);
    const id = await h.run('broken');
    const states = h.record(id, { stepMs: 500 });
    expect(states[states.length - 1]).toBe('error | broken:error fails:error never:aborted later:aborted');
    expect(getRunStep(h.app.emulator, h.stepId(id, 'never'))?.change_id).toBeNull();
    const events = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_eq]=api:workflow_steps:abort&limit=100',
    );
    expect((dig(events.body, 'data') as unknown[]).length).toBe(2);
  });

  it('a wait step waits for continue, then the run carries on', async () => {
    await h.workflow('gated', [{ type: 'wait', name: 'QA' }, hello(SOA_DEV, 'after')]);
    const id = await h.run('gated');
    expect(h.record(id, { until: (s) => s.includes('QA:waiting') })).toEqual([
      'pending | gated:pending QA:pending after:pending',
      'waiting | gated:running QA:waiting after:pending',
    ]);
    const res = await h.request(
      'operator',
      'POST',
      `/api/workflow_steps/${h.stepId(id, 'QA')}/continue`,
      attrs({ message: 'checked' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'continued_by')).toEqual([
      { username: 'operator', message: 'checked' },
    ]);
    expect(h.record(id, { stepMs: 500 })).toEqual([
      'running | gated:running QA:continued after:pending',
      'running | gated:running QA:continued after:running',
      'success | gated:success QA:continued after:success',
    ]);
  });

  it('an approval step waits for approval; approving lets the run carry on', async () => {
    await h.workflow('approved', [
      { type: 'wait', name: 'Sign-off', requires_approval_from: 'approvers' },
      hello(SOA_DEV, 'after'),
    ]);
    const id = await h.run('approved');
    h.advance(100);
    expect(h.state(id)).toBe('waiting | approved:running Sign-off:waiting_for_approval after:pending');
    const res = await h.request(
      'approver',
      'POST',
      `/api/workflow_steps/${h.stepId(id, 'Sign-off')}/approve`,
      attrs({ message: 'ok' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'status_code')).toBe('approved');
    const states = h.record(id, { stepMs: 500 });
    expect(states[states.length - 1]).toBe('success | approved:success Sign-off:approved after:success');
  });

  it('rejecting an approval step cancels the run; the rest never runs', async () => {
    await h.workflow('rejected', [
      { type: 'wait', name: 'Sign-off', requires_approval_from: 'approvers' },
      hello(SOA_DEV, 'after'),
    ]);
    const id = await h.run('rejected');
    h.advance(100);
    const res = await h.request(
      'approver',
      'POST',
      `/api/workflow_steps/${h.stepId(id, 'Sign-off')}/reject`,
      attrs({ message: 'not today' }),
    );
    expect(res.status).toBe(200);
    expect(dig(res.body, 'data', 'attributes', 'rejected_by')).toEqual([
      { username: 'approver', message: 'not today' },
    ]);
    expect(h.state(id)).toBe('cancelled | rejected:cancelled Sign-off:rejected after:cancelled');
    h.advance(10_000);
    expect(getRunStep(h.app.emulator, h.stepId(id, 'after'))?.change_id).toBeNull();
  });

  it('runs a nested workflow as a child run', async () => {
    await h.workflow('child', [hello(LEDGER_DEV, 'child hello')]);
    await h.workflow('parent', [
      { type: 'workflow', target: '/projects/bank/workflows/child', name: 'run child' },
      hello(SOA_DEV, 'after'),
    ]);
    const id = await h.run('parent');
    expect(h.record(id, { stepMs: 500 })).toEqual([
      'pending | parent:pending run child:pending after:pending',
      'running | parent:running run child:running after:pending',
      'running | parent:running run child:success after:running',
      'success | parent:success run child:success after:success',
    ]);
    const step = getRunStep(h.app.emulator, h.stepId(id, 'run child'));
    const childId = step?.child_run_id ?? '';
    expect(getRun(h.app.emulator, childId)?.status_code).toBe('success');
    const child = await h.contract('viewer', 'GET', `/api/workflow_runs/${childId}`, RUN);
    expect(dig(child.body, 'data', 'relationships', 'parent_workflow_step', 'data')).toEqual({
      type: 'workflow_workflow_step',
      id: step?.id,
    });
    const shownStep = await h.request('viewer', 'GET', `/api/workflow_steps/${step?.id ?? ''}`);
    expect(dig(shownStep.body, 'data', 'attributes', 'code')).toBe('child');
    expect(dig(shownStep.body, 'data', 'relationships', 'child_workflow_run', 'data', 'id')).toBe(childId);
  });

  it('a failing child run fails the parent', async () => {
    await h.workflow('child', [{ type: 'change', target: LEDGER_DEV, action: 'failing' }]);
    await h.workflow('parent', [
      { type: 'workflow', target: '/projects/bank/workflows/child', name: 'run child' },
      hello(SOA_DEV, 'after'),
    ]);
    const id = await h.run('parent');
    const states = h.record(id, { stepMs: 500 });
    expect(states[states.length - 1]).toBe('error | parent:error run child:error after:aborted');
  });

  it('runs the children of a parallel stage together, then what follows', async () => {
    await h.workflow('fan', [
      { run_as: 'parallel', name: 'both', children: [hello(SOA_DEV, 'a'), hello(SOA_TEST, 'b')] },
      { run_as: 'sequential', name: 'then', children: [hello(LEDGER_DEV, 'c')] },
    ]);
    const id = await h.run('fan');
    expect(h.record(id, { stepMs: 500 })).toEqual([
      'pending | fan:pending both:pending a:pending b:pending then:pending c:pending',
      'running | fan:running both:running a:running b:running then:pending c:pending',
      'running | fan:running both:success a:success b:success then:running c:running',
      'success | fan:success both:success a:success b:success then:success c:success',
    ]);
    const a = getRunStep(h.app.emulator, h.stepId(id, 'a'));
    const b = getRunStep(h.app.emulator, h.stepId(id, 'b'));
    // Started in the same tick (timestamps are unique per emulator, so they differ by microseconds).
    expect(Math.abs(Date.parse(a?.started_at ?? '') - Date.parse(b?.started_at ?? ''))).toBeLessThan(2);
  });

  it('a failure in a parallel stage lets running siblings finish and ends the run in error', async () => {
    await h.workflow('fan', [
      {
        run_as: 'parallel',
        name: 'both',
        children: [
          { type: 'change', target: SOA_DEV, action: 'failing', name: 'bad' },
          { type: 'change', target: SOA_TEST, action: 'slow', name: 'slow' },
        ],
      },
      hello(LEDGER_DEV, 'after'),
    ]);
    const id = await h.run('fan');
    const states = h.record(id, { stepMs: 1000, maxMs: 300_000 });
    expect(states).toContain('running | fan:running both:running bad:error slow:running after:aborted');
    expect(states[states.length - 1]).toBe(
      'error | fan:error both:error bad:error slow:success after:aborted',
    );
  });

  it('waits for a step start_time', async () => {
    const startTime = new Date(h.now() + 60_000).toISOString();
    await h.workflow('later', [
      { type: 'change', target: SOA_DEV, action: 'hello', name: 'timed', start_time: startTime },
    ]);
    const id = await h.run('later');
    h.advance(30_000);
    expect(h.state(id)).toBe('running | later:running timed:pending');
    h.advance(31_000);
    expect(h.state(id)).toBe('running | later:running timed:running');
  });

  it('counts every change of a step in lock_version', async () => {
    await h.workflow('gated', [{ type: 'wait', name: 'QA' }]);
    const id = await h.run('gated');
    const stepId = h.stepId(id, 'QA');
    expect(getRunStep(h.app.emulator, stepId)?.lock_version).toBe(0);
    h.advance(100);
    expect(getRunStep(h.app.emulator, stepId)?.lock_version).toBe(1);
    await h.request('operator', 'POST', `/api/workflow_steps/${stepId}/continue`);
    expect(getRunStep(h.app.emulator, stepId)?.lock_version).toBe(2);
  });
});

describe('cancelling runs', () => {
  it('cancels a running run and its running change (204)', async () => {
    await h.workflow('long', [
      { type: 'change', target: SOA_DEV, action: 'slow', name: 'slow' },
      hello(LEDGER_DEV, 'after'),
    ]);
    const id = await h.run('long');
    h.advance(100);
    h.advance(5000);
    const changeId = getRunStep(h.app.emulator, h.stepId(id, 'slow'))?.change_id ?? '';
    expect(changeStatus(h.app.emulator, changeId)).toBe('running');
    const res = await h.contract('operator', 'DELETE', `/api/workflow_runs/${id}`, RUN);
    expect(res.status).toBe(204);
    expect(h.state(id)).toBe('cancelled | long:cancelled slow:cancelled after:cancelled');
    expect(changeStatus(h.app.emulator, changeId)).toBe('cancelled');
    const again = await h.contract('operator', 'DELETE', `/api/workflow_runs/${id}`, RUN);
    expect(again.status).toBe(422);
    expect(dig(again.body, 'errors', 0, 'title')).toBe(
      'Cannot cancel workflow run because it is in the "cancelled" state',
    );
    const events = await h.request(
      'opschain',
      'GET',
      '/api/events?filter[type_in][]=api:workflow_runs:cancel&filter[type_in][]=api:workflow_runs:destroy',
    );
    expect((dig(events.body, 'data') as unknown[]).map((e) => dig(e, 'attributes', 'type'))).toEqual([
      'api:workflow_runs:cancel',
      'api:workflow_runs:destroy',
    ]);
  });

  it('cancels through the workflow route, child runs included; 404 and 403 as documented', async () => {
    await h.workflow('child', [{ type: 'wait', name: 'child wait' }]);
    await h.workflow('parent', [
      { type: 'workflow', target: '/projects/bank/workflows/child', name: 'run child' },
    ]);
    const id = await h.run('parent');
    h.advance(100);
    const childId = getRunStep(h.app.emulator, h.stepId(id, 'run child'))?.child_run_id ?? '';
    expect(getRun(h.app.emulator, childId)?.status_code).toBe('waiting');
    expect(
      (await h.contract('viewer', 'DELETE', `/api/projects/bank/workflows/parent/runs/${id}`, WF_RUN)).status,
    ).toBe(403);
    expect(
      (await h.contract('operator', 'DELETE', '/api/projects/bank/workflows/parent/runs/nope', WF_RUN))
        .status,
    ).toBe(404);
    expect((await h.contract('operator', 'DELETE', '/api/workflow_runs/nope', RUN)).status).toBe(404);
    expect(
      (await h.contract('operator', 'DELETE', `/api/projects/bank/workflows/parent/runs/${id}`, WF_RUN))
        .status,
    ).toBe(204);
    expect(getRun(h.app.emulator, childId)?.status_code).toBe('cancelled');
    expect(h.state(childId)).toBe('cancelled | child:cancelled child wait:cancelled');
  });

  it('a cancelled change cancels its step and the run', async () => {
    await h.workflow('long', [
      { type: 'change', target: SOA_DEV, action: 'slow', name: 'slow' },
      hello(LEDGER_DEV, 'after'),
    ]);
    const id = await h.run('long');
    h.advance(5000);
    const changeId = getRunStep(h.app.emulator, h.stepId(id, 'slow'))?.change_id ?? '';
    expect((await h.request('operator', 'DELETE', `/api/changes/${changeId}`)).status).toBe(204);
    h.advance(100);
    expect(h.state(id)).toBe('cancelled | long:cancelled slow:cancelled after:aborted');
  });
});

describe('one run of a workflow at a time', () => {
  it('keeps later runs pending with the blocking meta until the running one ends', async () => {
    await h.workflow('gated', [{ type: 'wait', name: 'QA' }]);
    const first = await h.run('gated');
    const second = await h.run('gated');
    const third = await h.run('gated');
    h.advance(100);
    expect(getRun(h.app.emulator, first)?.status_code).toBe('waiting');
    const shown = await h.contract('viewer', 'GET', `/api/workflow_runs/${third}`, RUN);
    expect(dig(shown.body, 'data', 'attributes', 'status_code')).toBe('pending');
    expect(dig(shown.body, 'data', 'meta')).toEqual({
      parallel_workflows_allowed: false,
      blocked_by_same_workflow_running: true,
      blocked_by_queue: [second],
    });
    await h.request('operator', 'POST', `/api/workflow_steps/${h.stepId(first, 'QA')}/continue`);
    h.advance(100);
    expect(getRun(h.app.emulator, first)?.status_code).toBe('success');
    expect(getRun(h.app.emulator, second)?.status_code).toBe('waiting');
    expect(getRun(h.app.emulator, third)?.status_code).toBe('pending');
  });

  it('aborts a queued run whose workflow was archived while it waited', async () => {
    await h.workflow('gated', [{ type: 'wait', name: 'QA' }]);
    const first = await h.run('gated');
    const second = await h.run('gated');
    h.advance(100);
    expect((await h.request('opschain', 'DELETE', '/api/projects/bank/workflows/gated')).status).toBe(204);
    h.advance(100);
    expect(h.state(second)).toBe('aborted | gated:aborted QA:aborted');
    expect(getRunStep(h.app.emulator, h.stepId(second, 'QA'))?.started_at).toBeNull();
    expect(getRun(h.app.emulator, first)?.status_code).toBe('waiting');
    const events = await h.request('opschain', 'GET', '/api/events?filter[type_eq]=api:workflow_runs:abort');
    expect(dig(events.body, 'data', 0, 'attributes', 'workflow_run_id')).toBe(second);
  });

  it('runs them together when allow_parallel_runs_of_same_workflow is set', async () => {
    const project = await h.request('opschain', 'GET', '/api/projects/bank');
    const settingsId = dig(project.body, 'data', 'relationships', 'settings', 'data', 'id') as string;
    const settings = await h.request(
      'opschain',
      'PATCH',
      `/api/settings/${settingsId}`,
      attrs({ data: { allow_parallel_runs_of_same_workflow: true } }),
    );
    expect(settings.status).toBe(200);
    await h.workflow('gated', [{ type: 'wait', name: 'QA' }]);
    const first = await h.run('gated');
    const second = await h.run('gated');
    h.advance(100);
    expect(getRun(h.app.emulator, first)?.status_code).toBe('waiting');
    expect(getRun(h.app.emulator, second)?.status_code).toBe('waiting');
    const shown = await h.request('viewer', 'GET', `/api/workflow_runs/${second}`);
    expect(dig(shown.body, 'data', 'meta', 'parallel_workflows_allowed')).toBe(true);
  });
});

describe('deleting workflows that ran', () => {
  it('archives a workflow or version that has runs instead of deleting it', async () => {
    await h.workflow('ran', [{ type: 'wait', name: 'QA' }]);
    await h.run('ran');
    await h.request(
      'opschain',
      'PATCH',
      '/api/projects/bank/workflows/ran',
      attrs({ name: 'ran', steps: [{ type: 'wait' }], draft: false }),
    );
    expect(
      (await h.request('opschain', 'DELETE', '/api/projects/bank/workflows/ran/versions/1')).status,
    ).toBe(204);
    const version = await h.request('opschain', 'GET', '/api/projects/bank/workflows/ran/versions/1');
    expect(dig(version.body, 'data', 'attributes', 'archived')).toBe(true);
    expect((await h.request('opschain', 'DELETE', '/api/projects/bank/workflows/ran')).status).toBe(204);
    const workflow = await h.request('opschain', 'GET', '/api/projects/bank/workflows/ran');
    expect(workflow.status).toBe(200);
    expect(dig(workflow.body, 'data', 'attributes', 'archived')).toBe(true);
    expect(
      (
        await h.request(
          'operator',
          'POST',
          '/api/projects/bank/workflows/ran/runs',
          attrs({ workflow_code: 'ran' }),
        )
      ).status,
    ).toBe(422);
  });
});

describe('demo workflows', () => {
  it('are valid and runnable: db_maintenance waits, then runs its nested smoke checks', async () => {
    const list = await h.contract(
      'viewer',
      'GET',
      '/api/projects/bank/workflows?filter[created_by_eq]=opschain',
      '/api/projects/{project_code}/workflows',
    );
    const byCode = new Map(
      (dig(list.body, 'data') as unknown[]).map((w) => [dig(w, 'attributes', 'code'), dig(w, 'attributes')]),
    );
    expect(byCode.get('release_train')).toMatchObject({
      latest_version: 2,
      latest_published_version: 1,
      draft: true,
    });
    expect(byCode.get('quarterly_patch')).toMatchObject({ latest_published_version: null });
    const id = await h.run('db_maintenance');
    const waiting = h.record(id, { stepMs: 500, until: (s) => s.includes(':waiting ') });
    expect(waiting[waiting.length - 1]).toBe(
      'waiting | Database maintenance:running Vacuum and analyse:success Confirm replicas are healthy:waiting Run smoke checks:pending',
    );
    await h.request(
      'operator',
      'POST',
      `/api/workflow_steps/${h.stepId(id, 'Confirm replicas are healthy')}/continue`,
    );
    const done = h.record(id, { stepMs: 500 });
    expect(done[done.length - 1]).toBe(
      'success | Database maintenance:success Vacuum and analyse:success Confirm replicas are healthy:continued Run smoke checks:success',
    );
  });
});

describe('restarts', () => {
  it('resumes a run from the database after the emulator restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-restart-'));
    const db = join(dir, 'emulator.db');
    try {
      const before = await startWorkflowHarness({ db });
      await before.workflow('gated', [{ type: 'wait', name: 'QA' }, hello(SOA_DEV, 'after')]);
      const id = await before.run('gated');
      before.advance(100);
      const stepId = before.stepId(id, 'QA');
      await before.close();

      const after = await startWorkflowHarness({ db, startMs: before.now() + 60_000 });
      try {
        expect(after.state(id)).toBe('waiting | gated:running QA:waiting after:pending');
        expect(
          (await after.request('operator', 'POST', `/api/workflow_steps/${stepId}/continue`)).status,
        ).toBe(200);
        const states = after.record(id, { stepMs: 500 });
        expect(states[states.length - 1]).toBe('success | gated:success QA:continued after:success');
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
