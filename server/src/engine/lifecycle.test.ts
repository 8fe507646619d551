import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attrs } from '@server/test/emulator.ts';
import { msFromIso } from './logs.ts';
import { getChange, stepsOf } from './store.ts';
import { DEV, ORIGIN, startEngine, type EngineHarness } from './testing.ts';

let h: EngineHarness;
beforeEach(async () => {
  h = await startEngine();
});
afterEach(async () => {
  await h.close();
});

function stepId(changeId: string, name: string): string {
  const step = stepsOf(h.app.emulator, changeId).find((s) => (s.name ?? s.action) === name);
  if (!step) throw new Error(`no step ${name}`);
  return step.id;
}

function durationSeconds(changeId: string): number {
  const change = getChange(h.app.emulator, changeId);
  if (!change?.finished_at) throw new Error('change not finished');
  return (msFromIso(change.finished_at) - msFromIso(change.created_at)) / 1000;
}

describe('catalog actions run through the documented statuses', () => {
  it('hello: one step of about 3 seconds', async () => {
    const id = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    expect(await h.record(id)).toEqual([
      'initializing | hello:initializing',
      'queued | hello:queued',
      'running | hello:running',
      'success | hello:success',
    ]);
    expect(durationSeconds(id)).toBeCloseTo(4.5, 1);
  });

  it('deploy: build, then unit and integration in parallel, then release; about 30 seconds', async () => {
    const id = await h.create('operator', DEV, { action: 'deploy', ...ORIGIN });
    expect(await h.record(id)).toEqual([
      'initializing | deploy:initializing',
      'queued | deploy:queued',
      'running | deploy:running',
      'running | deploy:running build:queued test:pending release:pending',
      'running | deploy:running build:running test:pending release:pending',
      'running | deploy:running build:success test:queued release:pending',
      'running | deploy:running build:success test:running release:pending',
      'running | deploy:running build:success test:running unit:queued integration:queued release:pending',
      'running | deploy:running build:success test:running unit:running integration:running release:pending',
      'running | deploy:running build:success test:running unit:success integration:running release:pending',
      'running | deploy:running build:success test:success unit:success integration:success release:queued',
      'running | deploy:running build:success test:success unit:success integration:success release:running',
      'success | deploy:success build:success test:success unit:success integration:success release:success',
    ]);
    expect(durationSeconds(id)).toBeGreaterThan(25);
    expect(durationSeconds(id)).toBeLessThan(35);
  });

  it('provision: five hosts in parallel, each running its own children in sequence', async () => {
    const id = await h.create('operator', DEV, { action: 'provision', ...ORIGIN });
    const seq = await h.record(id);
    expect(seq.slice(0, 5)).toEqual([
      'initializing | provision:initializing',
      'queued | provision:queued',
      'running | provision:running',
      'running | provision:running host-1:queued host-2:queued host-3:queued host-4:queued host-5:queued',
      'running | provision:running host-1:running host-2:running host-3:running host-4:running host-5:running',
    ]);
    expect(seq[seq.length - 1]).toBe(
      `success | provision:success${[1, 2, 3, 4, 5].map((i) => ` host-${String(i)}:success install_packages:success configure:success verify:success`).join('')}`,
    );
    // Within a host, never two children at work at once.
    for (const state of seq) {
      for (const host of state.split(/(?= host-\d:)/).slice(1)) {
        const busy = host
          .trim()
          .split(' ')
          .slice(1)
          .filter((s) => /:(queued|running)$/.test(s));
        expect(busy.length).toBeLessThanOrEqual(1);
      }
    }
    // The hosts overlap: some state has every host's install running at once.
    expect(seq.some((s) => (s.match(/install_packages:running/g) ?? []).length === 5)).toBe(true);
  });

  it('approval_gate: waits for approval, then the approved step and the next one run', async () => {
    const id = await h.create('operator', DEV, { action: 'approval_gate', ...ORIGIN });
    const before = await h.record(id, { until: (s) => s.startsWith('waiting_for_approval') });
    const approve = await h.request(
      'approver',
      'POST',
      `/api/steps/${stepId(id, 'approve_release')}/approve`,
    );
    expect(approve.status).toBe(200);
    const after = await h.record(id);
    expect([...before, ...after]).toEqual([
      'initializing | approval_gate:initializing',
      'queued | approval_gate:queued',
      'running | approval_gate:running',
      'waiting_for_approval | approval_gate:running approve_release:waiting_for_approval apply_release:pending',
      'running | approval_gate:running approve_release:queued apply_release:pending',
      'running | approval_gate:running approve_release:running apply_release:pending',
      'running | approval_gate:running approve_release:success apply_release:queued',
      'running | approval_gate:running approve_release:success apply_release:running',
      'success | approval_gate:success approve_release:success apply_release:success',
    ]);
  });

  it('manual_wait: the change waits until someone continues the wait step', async () => {
    const id = await h.create('operator', DEV, { action: 'manual_wait', ...ORIGIN });
    const before = await h.record(id, { until: (s) => s.startsWith('waiting') });
    // Time passes; nothing moves without a person.
    h.advance(600_000);
    expect(h.state(id)).toBe(
      'waiting | manual_wait:running wait_for_confirmation:waiting resume_service:pending',
    );
    const res = await h.request(
      'operator',
      'POST',
      `/api/steps/${stepId(id, 'wait_for_confirmation')}/continue`,
    );
    expect(res.status).toBe(200);
    const after = await h.record(id);
    expect([...before, ...after]).toEqual([
      'initializing | manual_wait:initializing',
      'queued | manual_wait:queued',
      'running | manual_wait:running',
      'waiting | manual_wait:running wait_for_confirmation:waiting resume_service:pending',
      'running | manual_wait:running wait_for_confirmation:success resume_service:queued',
      'running | manual_wait:running wait_for_confirmation:success resume_service:running',
      'success | manual_wait:success wait_for_confirmation:success resume_service:success',
    ]);
    const wait = stepsOf(h.app.emulator, id).find((s) => s.kind === 'wait');
    expect(wait?.action).toMatch(/^opschain_wait_step_/);
  });

  it('failing: the second of three sequential steps errors and the third is aborted', async () => {
    const id = await h.create('operator', DEV, { action: 'failing', ...ORIGIN });
    expect(await h.record(id)).toEqual([
      'initializing | failing:initializing',
      'queued | failing:queued',
      'running | failing:running',
      'running | failing:running prepare:queued migrate_schema:pending restart_services:pending',
      'running | failing:running prepare:running migrate_schema:pending restart_services:pending',
      'running | failing:running prepare:success migrate_schema:queued restart_services:pending',
      'running | failing:running prepare:success migrate_schema:running restart_services:pending',
      'error | failing:error prepare:success migrate_schema:error restart_services:aborted',
    ]);
    const aborted = stepsOf(h.app.emulator, id).find((s) => s.action === 'restart_services');
    expect(aborted?.started_at).toBeNull();
  });

  it('slow: runs for about two minutes', async () => {
    const id = await h.create('operator', DEV, { action: 'slow', ...ORIGIN });
    expect(await h.record(id, { stepMs: 1000 })).toEqual([
      'initializing | slow:initializing',
      'queued | slow:queued',
      'running | slow:running',
      'success | slow:success',
    ]);
    expect(durationSeconds(id)).toBeGreaterThanOrEqual(120);
    expect(durationSeconds(id)).toBeLessThan(125);
  });

  it('noisy: writes the requested number of lines at 1,000 lines per simulated second', async () => {
    const id = await h.create('operator', DEV, {
      action: 'noisy',
      ...ORIGIN,
      property_overrides: { log_lines: 5000 },
    });
    expect(await h.record(id, { stepMs: 500 })).toEqual([
      'initializing | noisy:initializing',
      'queued | noisy:queued',
      'running | noisy:running',
      'success | noisy:success',
    ]);
    const root = stepsOf(h.app.emulator, id)[0];
    const count = h.app.emulator.db
      .prepare("SELECT COUNT(*) AS n FROM log_lines WHERE step_id = ? AND message LIKE '%Line %/5000:%'")
      .get(root?.id) as { n: number };
    expect(count.n).toBe(5000);
    const started = root?.started_at ? msFromIso(root.started_at) : 0;
    const finished = root?.finished_at ? msFromIso(root.finished_at) : 0;
    // ≥ 500 lines per simulated second (the catalog promises 1,000).
    expect(5000 / ((finished - started) / 1000)).toBeGreaterThanOrEqual(500);
  });

  it('noisy: lines_per_second sets the rate; echo lines come right after the opening lines', async () => {
    const id = await h.create('operator', DEV, {
      action: 'noisy',
      ...ORIGIN,
      property_overrides: { log_lines: 1000, lines_per_second: 500, echo: ['<b>one</b>', '\u001b[31mtwo'] },
    });
    await h.record(id, { stepMs: 500 });
    const root = stepsOf(h.app.emulator, id)[0];
    const started = root?.started_at ? msFromIso(root.started_at) : 0;
    const finished = root?.finished_at ? msFromIso(root.finished_at) : 0;
    expect((finished - started) / 1000).toBeGreaterThanOrEqual(1.9);
    expect((finished - started) / 1000).toBeLessThan(2.6);
    const logs = await h.request('operator', 'GET', `/api/changes/${id}/log_lines?limit=10`);
    const messages = (logs.body as { data: { attributes: { message: string } }[] }).data.map(
      (l) => l.attributes.message,
    );
    const opening = messages.findIndex((m) => m.includes('Building step runner image'));
    expect(messages.slice(opening + 1, opening + 3)).toEqual(['<b>one</b>', '\u001b[31mtwo']);
  });

  it('big_tree: runs step_count steps to success, stages one after another, groups in parallel', async () => {
    const id = await h.create('operator', DEV, {
      action: 'big_tree',
      ...ORIGIN,
      property_overrides: { step_count: 60 },
    });
    const record = await h.record(id, { stepMs: 5000 });
    expect(record.at(-1)).toMatch(/^success \| big_tree:success/);
    const steps = stepsOf(h.app.emulator, id);
    expect(steps).toHaveLength(60);
    expect(steps.every((s) => s.status_code === 'success')).toBe(true);
    const startOf = (name: string) => msFromIso(steps.find((s) => s.name === name)?.started_at ?? '');
    const endOf = (name: string) => msFromIso(steps.find((s) => s.name === name)?.finished_at ?? '');
    expect(startOf('check 1.1')).toBe(startOf('check 1.2'));
    expect(startOf('stage 2')).toBeGreaterThanOrEqual(endOf('stage 1'));
    expect(startOf('apply 1.1')).toBeGreaterThanOrEqual(endOf('check 1.1'));
  });

  it('an unknown action: the change is created, then ends in error with a log line saying why', async () => {
    const id = await h.create('operator', DEV, { action: 'no_such_action', ...ORIGIN });
    expect(await h.record(id)).toEqual([
      'initializing | no_such_action:initializing',
      'error | no_such_action:error',
    ]);
    const logs = await h.request('operator', 'GET', `/api/changes/${id}/log_lines`);
    const messages = (logs.body as { data: { attributes: { message: string } }[] }).data.map(
      (l) => l.attributes.message,
    );
    expect(messages.some((m) => m.includes('The action "no_such_action" does not exist'))).toBe(true);
  });

  it('EMULATOR_SPEED divides simulated durations', async () => {
    const fast = await startEngine({ speed: 10 });
    try {
      const id = await fast.create('operator', DEV, { action: 'deploy', ...ORIGIN });
      await fast.record(id, { stepMs: 10 });
      const change = getChange(fast.app.emulator, id);
      expect(change?.status_code).toBe('success');
      const seconds = change?.finished_at
        ? (msFromIso(change.finished_at) - msFromIso(change.created_at)) / 1000
        : 0;
      expect(seconds).toBeGreaterThan(2.5);
      expect(seconds).toBeLessThan(3.5);
    } finally {
      await fast.close();
    }
  });
});

describe('failures', () => {
  it('in parallel children: running siblings finish, never-run steps are aborted, the change errors', async () => {
    const id = await h.create('operator', DEV, {
      action: 'deploy',
      ...ORIGIN,
      property_overrides: { fail_step: 'unit' },
    });
    const seq = await h.record(id);
    expect(seq.slice(-2)).toEqual([
      'running | deploy:running build:success test:running unit:error integration:running release:aborted',
      'error | deploy:error build:success test:error unit:error integration:success release:aborted',
    ]);
  });

  it('in a parallel fan-out: other hosts finish what runs, their pending steps are aborted', async () => {
    const id = await h.create('operator', DEV, {
      action: 'provision',
      ...ORIGIN,
      property_overrides: { fail_step: 'host-3/install_packages' },
    });
    const seq = await h.record(id);
    const last = seq[seq.length - 1] ?? '';
    expect(last.startsWith('error | provision:error')).toBe(true);
    // host-1 and host-2 were configuring when host-3 failed: configure finished, verify never ran.
    expect(last).toContain('host-1:error install_packages:success configure:success verify:aborted');
    expect(last).toContain('host-3:error install_packages:error configure:aborted verify:aborted');
    // host-5 was still installing: the install finished, nothing after it ran.
    expect(last).toContain('host-5:error install_packages:success configure:aborted verify:aborted');
    const failing = seq.find((s) => s.includes('host-3:error install_packages:error'));
    expect(failing).toContain('host-5:running install_packages:running configure:aborted');
  });

  it('a failed step logs a multi-line stack trace', async () => {
    const id = await h.create('operator', DEV, { action: 'failing', ...ORIGIN });
    await h.record(id);
    const res = await h.request('operator', 'GET', `/api/steps/${stepId(id, 'migrate_schema')}/log_lines`);
    const lines = (res.body as { data: { attributes: { message: string; logged_at: string } }[] }).data;
    const trace = lines.filter((l) => l.attributes.message.includes('.rb:'));
    expect(trace.length).toBeGreaterThanOrEqual(5);
    // A stack trace is written at one instant: its lines share a timestamp.
    expect(new Set(trace.map((l) => l.attributes.logged_at)).size).toBe(1);
    expect(lines.some((l) => l.attributes.message.includes('\u001b[31m'))).toBe(true);
  });
});

describe('cancel', () => {
  it('mid-run: finished steps keep their state, unfinished ones and the change are cancelled', async () => {
    const id = await h.create('operator', DEV, { action: 'deploy', ...ORIGIN });
    await h.record(id, { until: (s) => s.includes('unit:running') });
    const res = await h.request('operator', 'DELETE', `/api/changes/${id}`);
    expect(res.status).toBe(204);
    expect(h.state(id)).toBe(
      'cancelled | deploy:cancelled build:success test:cancelled unit:cancelled integration:cancelled release:cancelled',
    );
    // Work stops at once: nothing moves or logs afterwards.
    const lines = () =>
      h.app.emulator.db.prepare('SELECT COUNT(*) AS n FROM log_lines WHERE change_id = ?').get(id) as {
        n: number;
      };
    const count = lines().n;
    h.advance(120_000);
    expect(h.state(id)).toContain('cancelled | deploy:cancelled');
    expect(lines().n).toBe(count);
    expect(getChange(h.app.emulator, id)?.finished_at).not.toBeNull();
  });

  it('of a finished change is a 422', async () => {
    const id = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    await h.record(id);
    const res = await h.request('operator', 'DELETE', `/api/changes/${id}`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      errors: [
        {
          status: 422,
          title: 'Cannot cancel change because it is in the "success" state',
          source: { pointer: '/data/attributes/base' },
        },
      ],
    });
  });

  it('while initializing and while waiting for approval', async () => {
    const a = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    expect((await h.request('operator', 'DELETE', `/api/changes/${a}`)).status).toBe(204);
    expect(h.state(a)).toBe('cancelled | hello:cancelled');
    const b = await h.create('operator', '/api/projects/bank/environments/prod/changes', {
      action: 'hello',
      ...ORIGIN,
    });
    await h.record(b, { until: (s) => s.startsWith('waiting_for_approval') });
    expect((await h.request('approver', 'DELETE', `/api/changes/${b}`)).status).toBe(204);
    expect(h.state(b)).toBe('cancelled | hello:cancelled');
  });
});

describe('one change at a time per target', () => {
  it('a second change waits pending behind a running one, then starts in creation order', async () => {
    const first = await h.create('operator', DEV, { action: 'slow', ...ORIGIN });
    h.advance(2000);
    const second = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    const third = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    h.advance(2000);
    expect(h.state(second)).toBe('pending | hello:pending');
    expect(h.state(third)).toBe('pending | hello:pending');

    const show = async (id: string) =>
      (
        (await h.contract('operator', 'GET', `/api/changes/${id}`, '/api/changes/{change_id}')).body as {
          data: { meta: unknown };
        }
      ).data.meta;
    expect(await show(first)).toEqual({
      parallel_changes_allowed: false,
      blocked_by_change_in_same_parent: false,
      blocked_by_queue: [],
    });
    expect(await show(second)).toEqual({
      parallel_changes_allowed: false,
      blocked_by_change_in_same_parent: true,
      blocked_by_queue: [],
    });
    expect(await show(third)).toEqual({
      parallel_changes_allowed: false,
      blocked_by_change_in_same_parent: true,
      blocked_by_queue: [second],
    });

    // A change on another target is not blocked.
    const other = await h.create('operator', '/api/projects/bank/environments/test/changes', {
      action: 'hello',
      ...ORIGIN,
    });
    h.advance(2000);
    expect(h.state(other)).toBe('running | hello:running');

    await h.record(first, { stepMs: 1000 });
    h.advance(600);
    expect(h.state(second)).toBe('running | hello:running');
    expect(h.state(third)).toBe('pending | hello:pending');
    expect(await show(third)).toEqual({
      parallel_changes_allowed: false,
      blocked_by_change_in_same_parent: true,
      blocked_by_queue: [],
    });
    await h.record(third);
    expect(h.state(third)).toBe('success | hello:success');
  });

  it('cancelling the running change lets the next one start', async () => {
    const first = await h.create('operator', DEV, { action: 'slow', ...ORIGIN });
    const second = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    h.advance(3000);
    expect(h.state(second)).toBe('pending | hello:pending');
    await h.request('operator', 'DELETE', `/api/changes/${first}`);
    h.advance(600);
    expect(h.state(second)).toBe('running | hello:running');
  });

  it('allow_parallel_changes lets changes on one target run together (retail)', async () => {
    const url = '/api/projects/retail/environments/dev/changes';
    const a = await h.create('operator', url, { action: 'slow', ...ORIGIN });
    const b = await h.create('operator', url, { action: 'slow', ...ORIGIN });
    h.advance(2000);
    expect(h.state(a)).toBe('running | slow:running');
    expect(h.state(b)).toBe('running | slow:running');
    const meta = (
      (await h.request('operator', 'GET', `/api/changes/${b}`)).body as { data: { meta: unknown } }
    ).data.meta;
    expect(meta).toEqual({
      parallel_changes_allowed: true,
      blocked_by_change_in_same_parent: false,
      blocked_by_queue: [],
    });
  });
});

describe('change-level approval (bank/prod requires approval from "approvers")', () => {
  const PROD = '/api/projects/bank/environments/prod/changes';

  it('waits for approval before queueing; the root step and change carry requires_approval_from', async () => {
    const id = await h.create('operator', PROD, { action: 'hello', ...ORIGIN });
    await h.record(id, { until: (s) => s.startsWith('waiting_for_approval') });
    h.advance(60_000);
    expect(h.state(id)).toBe('waiting_for_approval | hello:waiting_for_approval');
    const change = (
      await h.contract('viewer', 'GET', `/api/changes/${id}?include=steps`, '/api/changes/{change_id}')
    ).body as {
      data: { attributes: Record<string, unknown>; relationships: { root_step: { data: { id: string } } } };
      included: { id: string; attributes: Record<string, unknown>; links: Record<string, string> }[];
    };
    expect(change.data.attributes.requires_approval_from).toBe('approvers');
    const root = change.included.find((r) => r.id === change.data.relationships.root_step.data.id);
    expect(root?.attributes.requires_approval_from).toBe('approvers');
    expect(root?.links.approve).toBe(`/api/steps/${root?.id ?? ''}/approve`);
    expect(root?.links.reject).toBe(`/api/steps/${root?.id ?? ''}/reject`);
    expect(root?.links.continue).toBeUndefined();

    const res = await h.contract(
      'approver',
      'POST',
      `/api/steps/${root?.id ?? ''}/approve`,
      '/api/steps/{step_id}/approve',
      attrs({ message: 'As per CR 7' }),
    );
    expect(res.status).toBe(200);
    const approved = (
      res.body as { data: { attributes: Record<string, unknown>; links: Record<string, string> } }
    ).data;
    expect(approved.attributes.status_code).toBe('queued');
    expect(approved.attributes.approved_by).toEqual([{ username: 'approver', message: 'As per CR 7' }]);
    expect(approved.links.approve).toBeUndefined();
    await h.record(id);
    expect(h.state(id)).toBe('success | hello:success');
    const shown = (await h.request('viewer', 'GET', `/api/changes/${id}`)).body as {
      data: { attributes: Record<string, unknown> };
    };
    expect(shown.data.attributes.approved_by).toEqual([{ username: 'approver', message: 'As per CR 7' }]);
  });

  it('a rejection leaves the root step rejected and cancels the change', async () => {
    const id = await h.create('operator', PROD, { action: 'deploy', ...ORIGIN });
    await h.record(id, { until: (s) => s.startsWith('waiting_for_approval') });
    const root = stepsOf(h.app.emulator, id)[0];
    const res = await h.request(
      'approver',
      'POST',
      `/api/steps/${root?.id ?? ''}/reject`,
      attrs({ message: 'Not during the freeze' }),
    );
    expect(res.status).toBe(200);
    expect(h.state(id)).toBe('cancelled | deploy:rejected');
    const shown = (await h.request('viewer', 'GET', `/api/changes/${id}`)).body as {
      data: { attributes: Record<string, unknown> };
    };
    expect(shown.data.attributes.rejected_by).toEqual([
      { username: 'approver', message: 'Not during the freeze' },
    ]);
    expect(shown.data.attributes.finished_at).not.toBeNull();
  });

  it('an approved change still waits for its target when another change holds it', async () => {
    const first = await h.create('operator', PROD, { action: 'slow', ...ORIGIN });
    await h.record(first, { until: (s) => s.startsWith('waiting_for_approval') });
    await h.request('approver', 'POST', `/api/steps/${stepsOf(h.app.emulator, first)[0]?.id ?? ''}/approve`);
    h.advance(1000);
    const second = await h.create('operator', PROD, { action: 'hello', ...ORIGIN });
    await h.record(second, { until: (s) => s.startsWith('waiting_for_approval') });
    await h.request('approver', 'POST', `/api/steps/${stepsOf(h.app.emulator, second)[0]?.id ?? ''}/approve`);
    h.advance(1000);
    expect(h.state(second)).toBe('pending | hello:queued');
  });
});

describe('events', () => {
  it('records change and step transitions as api:changes:* and api:steps:* system events', async () => {
    const id = await h.create('operator', DEV, { action: 'failing', ...ORIGIN });
    await h.record(id);
    const types = (
      h.app.emulator.db
        .prepare(
          `SELECT type FROM events WHERE (type LIKE 'api:changes:%' OR type LIKE 'api:steps:%')
             AND json_extract(payload, '$.change_id') = ? ORDER BY created_at`,
        )
        .all(id) as { type: string }[]
    ).map((e) => e.type);
    expect(types).toContain('api:changes:create');
    expect(types).toContain('api:changes:start');
    expect(types).toContain('api:changes:error');
    expect(types).toContain('api:steps:start');
    expect(types).toContain('api:steps:success');
    expect(types).toContain('api:steps:error');
    expect(types).toContain('api:steps:abort');
    expect(types.filter((t) => t === 'api:changes:create')).toHaveLength(1);
    const source = h.app.emulator.db
      .prepare(
        "SELECT source_type, source_id, source_path, username, system FROM events WHERE type = 'api:changes:start' AND source_id = ?",
      )
      .get(id);
    expect(source).toEqual({
      source_type: 'change',
      source_id: id,
      source_path: `/api/projects/bank/environments/dev/changes/${id}`,
      username: 'operator',
      system: 1,
    });
  });

  it("records the step transitions the engine makes by itself under the change creator's name", async () => {
    // The vendor schema requires a string username on every event; a null one broke the console's Events page.
    const id = await h.create('operator', DEV, { action: 'failing', ...ORIGIN });
    await h.record(id);
    const rows = h.app.emulator.db
      .prepare(
        `SELECT DISTINCT type, username FROM events
          WHERE type LIKE 'api:steps:%' AND json_extract(payload, '$.change_id') = ? ORDER BY type`,
      )
      .all(id);
    expect(rows).toEqual([
      { type: 'api:steps:abort', username: 'operator' },
      { type: 'api:steps:error', username: 'operator' },
      { type: 'api:steps:start', username: 'operator' },
      { type: 'api:steps:success', username: 'operator' },
    ]);
  });

  it('records cancel, approve, continue and a denied approval', async () => {
    const gate = await h.create('operator', DEV, { action: 'approval_gate', ...ORIGIN });
    await h.record(gate, { until: (s) => s.startsWith('waiting_for_approval') });
    const approveUrl = `/api/steps/${stepId(gate, 'approve_release')}/approve`;
    expect((await h.request('operator', 'POST', approveUrl)).status).toBe(403);
    expect((await h.request('approver', 'POST', approveUrl)).status).toBe(200);
    await h.record(gate);
    const wait = await h.create('operator', DEV, { action: 'manual_wait', ...ORIGIN });
    await h.record(wait, { until: (s) => s.startsWith('waiting') });
    await h.request('operator', 'POST', `/api/steps/${stepId(wait, 'wait_for_confirmation')}/continue`);
    await h.request('operator', 'DELETE', `/api/changes/${wait}`);
    const rows = h.app.emulator.db
      .prepare(
        "SELECT type, username FROM events WHERE type IN ('api:steps:approve', 'api:steps:approve:denied', 'api:steps:continue', 'api:changes:cancel', 'api:steps:cancel')",
      )
      .all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { type: 'api:steps:approve:denied', username: 'operator' },
        { type: 'api:steps:approve', username: 'approver' },
        { type: 'api:steps:continue', username: 'operator' },
        { type: 'api:changes:cancel', username: 'operator' },
        { type: 'api:steps:cancel', username: 'operator' },
      ]),
    );
  });
});
