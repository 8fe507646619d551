import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { msFromIso } from '../engine/logs.ts';
import { fakeClock, START_MS } from '../engine/testing.ts';

// The demo seed shows a living installation (issue 9, item 12): a week of history made by the engine, all of
// it dated before the seed's "now" (the emulator's clock when the database is seeded).

let app: FastifyInstance;
const rows = <T>(sql: string): T[] => app.emulator.db.prepare(sql).all() as T[];

beforeAll(async () => {
  app = await buildApp({ db: ':memory:', seed: 'demo', drive: false, clock: fakeClock() });
});
afterAll(async () => {
  await app.close();
});

describe('the demo seed', () => {
  it('has changes that succeeded, failed, were cancelled, wait for approval and wait to be continued', () => {
    const statuses = rows<{ status_code: string; scheduled: number }>(
      'SELECT status_code, scheduled FROM changes',
    );
    expect(new Set(statuses.map((c) => c.status_code))).toEqual(
      new Set(['success', 'error', 'cancelled', 'waiting_for_approval', 'waiting']),
    );
    expect(statuses.filter((c) => c.status_code === 'success').length).toBeGreaterThan(10);
    // The schedules fired during the week: the nightly change, the weekly maintenance run's changes.
    expect(statuses.filter((c) => c.scheduled === 1).length).toBeGreaterThan(0);
  });

  it('has workflow runs, schedules, bookmarks, MintModels and the events all of that produced', () => {
    const runs = rows<{ status_code: string }>('SELECT status_code FROM workflow_runs');
    expect(new Set(runs.map((r) => r.status_code))).toEqual(new Set(['success', 'waiting']));
    expect(rows('SELECT id FROM scheduled_activities')).toHaveLength(2);
    expect(rows('SELECT id FROM bookmarks').length).toBeGreaterThan(0);
    expect(rows('SELECT id FROM mintmodel_history WHERE change_id IS NOT NULL').length).toBeGreaterThan(5);
    const types = new Set(rows<{ type: string }>('SELECT DISTINCT type FROM events').map((e) => e.type));
    for (const type of [
      'api:changes:create',
      'api:changes:error',
      'api:changes:cancel',
      'api:steps:approve',
      'api:workflow_runs:success',
      'api:workflow_steps:success',
      'change freeze announced',
    ])
      expect(types).toContain(type);
    expect(rows('SELECT id FROM events WHERE username IS NULL')).toEqual([]);
  });

  it('dates everything before the seed time, spread over the past week, template versions apart', () => {
    const stamps = rows<{ t: string }>(
      `SELECT created_at AS t FROM events UNION ALL SELECT updated_at FROM changes
       UNION ALL SELECT updated_at FROM steps UNION ALL SELECT logged_at FROM log_lines
       UNION ALL SELECT created_at FROM template_versions UNION ALL SELECT updated_at FROM workflow_runs`,
    ).map((r) => msFromIso(r.t));
    expect(Math.max(...stamps)).toBeLessThanOrEqual(START_MS);
    const changes = rows<{ t: string }>('SELECT created_at AS t FROM changes').map((r) => msFromIso(r.t));
    expect(START_MS - Math.min(...changes)).toBeGreaterThan(6 * 24 * 3_600_000);
    const versions = rows<{ t: string }>('SELECT created_at AS t FROM template_versions').map((r) => r.t);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('announces a change freeze until a date after the announcement', () => {
    const [freeze] = rows<{ created_at: string; payload: string }>(
      "SELECT created_at, payload FROM events WHERE type = 'change freeze announced'",
    );
    const until = (JSON.parse(freeze?.payload ?? '{}') as { until?: string }).until ?? '';
    expect(until > (freeze?.created_at.slice(0, 10) ?? '')).toBe(true);
  });
});
