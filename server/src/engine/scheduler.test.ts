import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attrs, basicAuth } from '@server/test/emulator.ts';
import { buildApp } from '../app.ts';
import type { FastifyInstance } from 'fastify';
import { getChange, stepsOf } from './store.ts';
import { fakeClock, ORIGIN, START_MS } from './testing.ts';
import { tick } from './scheduler.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opschain-engine-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function create(
  app: FastifyInstance,
  url: string,
  attributes: Record<string, unknown>,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { authorization: basicAuth('operator'), 'content-type': 'application/vnd.api+json' },
    payload: JSON.stringify(attrs(attributes)),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ data: { id: string } }>().data.id;
}

function advance(
  app: FastifyInstance,
  clock: { now(): number; set(ms: number): void },
  ms: number,
  step = 100,
): void {
  for (let elapsed = 0; elapsed < ms; elapsed += step) {
    clock.set(clock.now() + step);
    app.emulator.runTickers();
  }
}

function state(app: FastifyInstance, id: string): string {
  return `${getChange(app.emulator, id)?.status_code ?? '?'} | ${stepsOf(app.emulator, id)
    .map((s) => `${s.name ?? s.action}:${s.status_code}`)
    .join(' ')}`;
}

describe('restart', () => {
  it('resumes waiting, queued and pending work; a step that was running ends in error with a log line', async () => {
    const db = join(dir, 'emulator.db');
    const clock = fakeClock();
    const first = await buildApp({ db, seed: 'demo', clock, drive: false });
    const DEV = '/api/projects/bank/environments/dev/changes';
    const RETAIL = '/api/projects/retail/environments/dev/changes';
    const slow = await create(first, DEV, { action: 'slow', ...ORIGIN });
    const behind = await create(first, DEV, { action: 'hello', ...ORIGIN });
    const waiting = await create(first, RETAIL, { action: 'manual_wait', ...ORIGIN });
    const approval = await create(first, '/api/projects/bank/environments/prod/changes', {
      action: 'hello',
      ...ORIGIN,
    });
    advance(first, clock, 5000);
    const fresh = await create(first, '/api/projects/bank/environments/test/changes', {
      action: 'hello',
      ...ORIGIN,
    });
    expect(state(first, slow)).toBe('running | slow:running');
    expect(state(first, behind)).toBe('pending | hello:pending');
    expect(state(first, waiting)).toBe(
      'waiting | manual_wait:running wait_for_confirmation:waiting resume_service:pending',
    );
    expect(state(first, approval)).toBe('waiting_for_approval | hello:waiting_for_approval');
    expect(state(first, fresh)).toBe('initializing | hello:initializing');
    await first.close();

    clock.set(clock.now() + 60_000);
    const second = await buildApp({ db, seed: 'demo', clock, drive: false });
    try {
      // The running step lost its runner.
      expect(state(second, slow)).toBe('error | slow:error');
      const logs = second.emulator.db
        .prepare('SELECT message FROM log_lines WHERE change_id = ? ORDER BY logged_at, seq')
        .all(slow) as {
        message: string;
      }[];
      expect(logs.some((l) => l.message.includes('The emulator restarted while this step was running'))).toBe(
        true,
      );
      // Everything else carries on where it was.
      advance(second, clock, 10_000);
      expect(state(second, behind)).toBe('success | hello:success');
      expect(state(second, fresh)).toBe('success | hello:success');
      expect(state(second, waiting)).toBe(
        'waiting | manual_wait:running wait_for_confirmation:waiting resume_service:pending',
      );
      expect(state(second, approval)).toBe('waiting_for_approval | hello:waiting_for_approval');
      const wait = stepsOf(second.emulator, waiting).find((s) => s.kind === 'wait');
      const res = await second.inject({
        method: 'POST',
        url: `/api/steps/${wait?.id ?? ''}/continue`,
        headers: { authorization: basicAuth('operator') },
      });
      expect(res.statusCode).toBe(200);
      advance(second, clock, 10_000);
      expect(state(second, waiting)).toBe(
        'success | manual_wait:success wait_for_confirmation:success resume_service:success',
      );
      // Log ids keep increasing across the restart.
      const ids = (
        second.emulator.db.prepare('SELECT seq FROM log_lines ORDER BY logged_at, seq').all() as {
          seq: number;
        }[]
      ).map((r) => r.seq);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      await second.close();
    }
  });
});

describe('ticker', () => {
  it('rolls a tick back as a whole when a transition fails, leaving no half-written state', async () => {
    const clock = fakeClock();
    const app = await buildApp({ db: ':memory:', seed: 'demo', clock, drive: false });
    try {
      const id = await create(app, '/api/projects/retail/environments/dev/changes', {
        action: 'deploy',
        ...ORIGIN,
      });
      const before = state(app, id);
      const lines = () =>
        (app.emulator.db.prepare('SELECT COUNT(*) AS n FROM log_lines').get() as { n: number }).n;
      const count = lines();
      // A broken root step (its change's node vanished from the join) makes the transition throw mid-tick.
      app.emulator.db.pragma('foreign_keys = OFF');
      app.emulator.db.prepare("UPDATE changes SET node_id = 'missing' WHERE id = ?").run(id);
      clock.set(START_MS + 5000);
      expect(() => tick(app.emulator)).toThrow();
      app.emulator.db
        .prepare('UPDATE changes SET node_id = (SELECT id FROM nodes WHERE path = ?) WHERE id = ?')
        .run('/projects/retail/environments/dev', id);
      app.emulator.db.pragma('foreign_keys = ON');
      expect(state(app, id)).toBe(before);
      expect(lines()).toBe(count);
      tick(app.emulator);
      expect(state(app, id)).toBe('running | deploy:running build:running test:pending release:pending');
    } finally {
      await app.close();
    }
  });

  it('drives changes on its own timer when the app is built with drive', async () => {
    const app = await buildApp({ db: ':memory:', seed: 'demo', speed: 100, tickIntervalMs: 5 });
    try {
      const id = await create(app, '/api/projects/retail/environments/dev/changes', {
        action: 'hello',
        ...ORIGIN,
      });
      // The app's own timer drives it: poll for the outcome rather than sleep for a guessed time.
      await vi.waitFor(
        () => {
          expect(getChange(app.emulator, id)?.status_code).toBe('success');
        },
        { timeout: 5000, interval: 10 },
      );
    } finally {
      await app.close();
    }
  });
});
