/**
 * The demo's past week, made by the engine itself: changes of the catalogue actions on project, environment
 * and asset targets, workflow runs, approvals, a continue, a cancellation and the demo schedules firing. The
 * seed drives the engine on its own clock (Emulator.withClock) from a week before the seed's "now" up to it,
 * so every row, log line, event and MintModel is what the engine writes, dated over the past days.
 *
 * Left unfinished on purpose (what a living installation shows): a change waiting for approval, a change
 * waiting to be continued and a release-train run waiting for its go / no-go approval. None of them holds a node another change would wait for
 * (the approval comes before the queue; the continue waits on Retail, which allows parallel changes).
 */
import { groupsOf, type Principal } from '../auth.ts';
import type { Clock } from '../clock.ts';
import type { Emulator } from '../context.ts';
import { cancelChange, createChange } from '../engine/changes.ts';
import { msFromIso } from '../engine/logs.ts';
import { tick } from '../engine/scheduler.ts';
import { operateOnStep as operateOnChangeStep, type StepOperation } from '../engine/steps.ts';
import { findNodeByPath, type NodeRow } from '../nodes.ts';
import { recordEvent } from '../events.ts';
import { tickRuns } from '../workflows/engine.ts';
import { createRun, getRun, getRunStep } from '../workflows/runs.ts';
import { tickSchedules } from '../workflows/schedules.ts';
import { operateOnStep as operateOnRunStep, type Actor } from '../workflows/step-actions.ts';
import { findWorkflow, latestPublished } from '../workflows/store.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A clock the seed moves forward by hand; it never goes back, so timestamps keep their order. */
export interface SeedClock extends Clock {
  /** Moves to `ms` (no-op when that is in the past of the clock). */
  advanceTo(ms: number): void;
}

export function seedClock(startMs: number): SeedClock {
  let t = startMs;
  return {
    now: () => t,
    advanceTo: (ms) => {
      t = Math.max(t, ms);
    },
  };
}

/** Upper bound of engine steps while catching up to one moment (a safety net against a timer loop). */
const MAX_STEPS = 100_000;

function nextTimer(emu: Emulator): number | null {
  const row = emu
    .sql(
      `SELECT MIN(t) AS t FROM (
         SELECT MIN(next_at) AS t FROM changes WHERE next_at IS NOT NULL
         UNION ALL SELECT MIN(next_at) FROM steps WHERE next_at IS NOT NULL
         UNION ALL SELECT MIN(next_run_ms) FROM scheduled_activities WHERE next_run_ms IS NOT NULL)`,
    )
    .get() as { t: number | null } | undefined;
  return row?.t ?? null;
}

function runEngines(emu: Emulator): void {
  tickSchedules(emu);
  tick(emu);
  tickRuns(emu);
}

/** Runs the engines (changes, workflow runs, schedules) up to `ms`, visiting every timer at its own time. */
function runUntil(emu: Emulator, clock: SeedClock, ms: number): void {
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    runEngines(emu);
    const next = nextTimer(emu);
    if (next === null || next > ms) break;
    clock.advanceTo(next);
  }
  clock.advanceTo(ms);
  runEngines(emu);
}

function node(emu: Emulator, path: string): NodeRow {
  const found = findNodeByPath(emu, path);
  if (!found) throw new Error(`demo seed: no node ${path}`);
  return found;
}

function actor(emu: Emulator, username: string): Actor {
  const principal: Principal = { username, groups: groupsOf(emu.db, username) };
  return { principal, authz: emu.authorizerFor(principal) };
}

const ORIGIN = { gitRemoteName: 'origin', gitRev: 'main' };

function change(
  emu: Emulator,
  path: string,
  action: string,
  extra: { metadata?: Record<string, unknown>; propertyOverrides?: Record<string, unknown> } = {},
): string {
  const target = node(emu, path);
  return createChange(emu, {
    target,
    action,
    createdBy: 'operator',
    ...(target.kind === 'asset' ? {} : ORIGIN),
    ...extra,
  });
}

/** The change's (first) step in `status`, found by the engine's own rows. */
function waitingStep(emu: Emulator, changeId: string, status: string): string {
  const row = emu
    .sql('SELECT id FROM steps WHERE change_id = ? AND status_code = ? ORDER BY sort_key LIMIT 1')
    .get(changeId, status) as { id: string } | undefined;
  if (!row) throw new Error(`demo seed: change ${changeId} has no ${status} step`);
  return row.id;
}

function operateOnChange(
  emu: Emulator,
  changeId: string,
  path: string,
  op: StepOperation,
  username: string,
  message: string | null,
): void {
  const status = op === 'continue' ? 'waiting' : 'waiting_for_approval';
  const result = operateOnChangeStep(
    emu,
    waitingStep(emu, changeId, status),
    op,
    actor(emu, username),
    path,
    message,
  );
  if (result.outcome !== 'done') throw new Error(`demo seed: ${op} on ${changeId}: ${result.outcome}`);
}

function startRun(emu: Emulator, code: string): string {
  const bank = node(emu, '/projects/bank');
  const workflow = findWorkflow(emu, bank.id, code);
  const version = workflow ? latestPublished(emu, workflow.id) : undefined;
  if (!workflow || !version) throw new Error(`demo seed: no published workflow ${code}`);
  return emu.tx(() => createRun(emu, { workflow, version, createdBy: 'operator' }));
}

function approveRunStep(emu: Emulator, runId: string, username: string, message: string): void {
  const row = emu
    .sql(
      "SELECT id FROM workflow_steps WHERE run_id = ? AND status_code = 'waiting_for_approval' ORDER BY sort_key LIMIT 1",
    )
    .get(runId) as { id: string } | undefined;
  const step = row ? getRunStep(emu, row.id) : undefined;
  if (!step) throw new Error(`demo seed: run ${runId} waits for no approval`);
  operateOnRunStep(emu, actor(emu, username), step, 'approve', message);
}

/**
 * The weekly maintenance run (fired by the demo's schedule on Sunday at 02:00) waits for someone to confirm
 * the replicas; someone does at the first of the seed's moments half an hour or more later. Fired in the last
 * hours of the week, it is still waiting when the seed ends, as it would be on a Sunday morning.
 */
function confirmReplicas(emu: Emulator, nowMs: number): void {
  const rows = emu
    .sql(
      `SELECT id, started_at FROM workflow_steps WHERE name = 'Confirm replicas are healthy' AND status_code = 'waiting'`,
    )
    .all() as { id: string; started_at: string | null }[];
  for (const row of rows) {
    const step = getRunStep(emu, row.id);
    if (!step || row.started_at === null || msFromIso(row.started_at) > nowMs - HOUR_MS / 2) continue;
    operateOnRunStep(emu, actor(emu, 'operator'), step, 'continue', 'Replication lag under a second');
  }
}

function expectStatus(emu: Emulator, table: 'changes' | 'workflow_runs', id: string, status: string): void {
  const row = emu.sql(`SELECT status_code FROM ${table} WHERE id = ?`).get(id) as
    { status_code: string } | undefined;
  if (row?.status_code !== status)
    throw new Error(`demo seed: ${table} ${id} is ${row?.status_code ?? 'missing'}, expected ${status}`);
}

function customEvent(emu: Emulator, type: string, payload: Record<string, unknown>): void {
  const bank = node(emu, '/projects/bank');
  recordEvent(emu, {
    type,
    username: 'operator',
    system: false,
    payload,
    source: { type: 'project', id: bank.id, path: '/api/projects/bank' },
  });
}

const SOA_DEV = '/projects/bank/environments/dev/assets/soa_dev';
const SOA_TEST = '/projects/bank/environments/test/assets/soa_test';
const LEDGER_PROD = '/projects/bank/environments/prod/assets/ledger_db_prod';

/** Plays the past week on `clock`, which starts at least a week before `endMs` and ends exactly there. */
export function seedDemoHistory(emu: Emulator, clock: SeedClock, endMs: number): void {
  const at = (daysAgo: number, hoursAgo = 0): void => {
    runUntil(emu, clock, endMs - daysAgo * DAY_MS - hoursAgo * HOUR_MS);
    confirmReplicas(emu, clock.now());
  };
  const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

  at(6, 22);
  customEvent(emu, 'maintenance window opened', { project: 'bank', environment: 'prod' });
  at(6, 21);
  change(emu, '/projects/bank', 'hello', { metadata: { ticket: 'OPS-1201' } });
  at(6, 20);
  change(emu, SOA_DEV, 'deploy', { metadata: { ticket: 'OPS-1202' } });
  at(6, 2);
  change(emu, '/projects/bank/environments/test', 'provision');
  at(5, 20);
  change(emu, SOA_TEST, 'deploy', { metadata: { ticket: 'OPS-1210' } });
  at(5, 3);
  const failed = change(emu, SOA_TEST, 'failing', { metadata: { ticket: 'OPS-1214' } });
  at(4, 22);
  const gate = change(emu, '/projects/bank/environments/dev', 'approval_gate');
  at(4, 21);
  operateOnChange(
    emu,
    gate,
    '/projects/bank/environments/dev',
    'approve',
    'approver',
    'Release notes checked',
  );
  at(4, 1);
  const slow = change(emu, '/projects/retail/environments/test', 'slow');
  // Cancelled well into its two simulated minutes (durations are divided by EMULATOR_SPEED).
  runUntil(emu, clock, clock.now() + 45_000 / emu.speed);
  if (!cancelChange(emu, slow, 'operator')) throw new Error('demo seed: the slow change was not running');
  at(3, 23);
  const smoke = startRun(emu, 'smoke_checks');
  at(3, 4);
  customEvent(emu, 'release notes published', {
    release: '2025.2',
    url: 'https://wiki.bank.example.com/releases/2025.2',
  });
  at(3, 2);
  change(emu, '/projects/retail/environments/dev/assets/cart_dev', 'noisy', {
    propertyOverrides: { log_lines: 400 },
  });
  at(2, 22);
  const release = startRun(emu, 'release_train');
  at(2, 20);
  approveRunStep(emu, release, 'approver', 'QA passed on development');
  at(2, 1);
  customEvent(emu, 'change freeze announced', {
    until: date(endMs + 30 * DAY_MS),
    reason: 'End of quarter freeze',
  });
  at(1, 20);
  const awaitingApproval = change(emu, LEDGER_PROD, 'deploy', { metadata: { ticket: 'OPS-1250' } });
  at(1, 3);
  const awaitingContinue = change(
    emu,
    '/projects/retail/environments/prod/assets/storefront_prod',
    'manual_wait',
  );
  at(0, 5);
  change(emu, '/projects/website/environments/dev', 'hello');
  at(0, 0);

  expectStatus(emu, 'changes', failed, 'error');
  expectStatus(emu, 'changes', gate, 'success');
  expectStatus(emu, 'changes', slow, 'cancelled');
  expectStatus(emu, 'changes', awaitingApproval, 'waiting_for_approval');
  expectStatus(emu, 'changes', awaitingContinue, 'waiting');
  expectStatus(emu, 'workflow_runs', smoke, 'success');
  if (getRun(emu, release)?.status_code !== 'waiting')
    throw new Error('demo seed: the release train should wait for its go / no-go');
}
