/**
 * The engine's ticker. All state lives in SQLite: each change and step row carries `next_at`, the epoch ms of
 * its next timed transition. Each tick, inside one IMMEDIATE transaction, processes every due timer in time
 * order (each at its own due time, so a tick of 50 ms and a fake clock jumping a minute give the same
 * timestamps), then lets pending changes take free targets.
 *
 * Restart (installEngine at buildApp): timers and waits are plain rows, so initializing, pending, queued,
 * waiting and waiting_for_approval work simply resumes. A step whose own action was `running` has lost its
 * (simulated) runner: it ends `error` with the log line "The emulator restarted while this step was running",
 * and the change fails as for any step error. Parents waiting for their children resume.
 */
import type { Emulator } from '../context.ts';
import { advanceChange, advanceStep, failInterruptedStep, promotePending } from './lifecycle.ts';
import type { ChangeRow, StepRow } from './store.ts';
import { getChange, getStep } from './store.ts';

/** Upper bound of timers handled by one tick; the rest wait for the next tick (keeps a tick short). */
const MAX_EVENTS_PER_TICK = 50_000;

const installed = new WeakSet<Emulator>();

/** Recovers from a restart and registers the ticker (once per emulator). */
export function installEngine(emu: Emulator): void {
  if (installed.has(emu)) return;
  installed.add(emu);
  recoverAfterRestart(emu);
  emu.addTicker('changes', () => {
    tick(emu);
  });
}

export function recoverAfterRestart(emu: Emulator): void {
  const t = emu.clock.now();
  emu.tx(() => {
    const interrupted = emu
      .sql("SELECT * FROM steps WHERE status_code = 'running' AND phase = 'own' ORDER BY change_id, sort_key")
      .all() as StepRow[];
    for (const step of interrupted) {
      const fresh = getStep(emu, step.id);
      if (fresh?.status_code === 'running' && fresh.phase === 'own') failInterruptedStep(emu, fresh, t);
    }
  });
}

interface DueTimer {
  kind: number;
  id: string;
  next_at: number;
}

/** Advances every change and step whose next transition is due at the clock's current time. */
export function tick(emu: Emulator, maxEvents = MAX_EVENTS_PER_TICK): number {
  const now = emu.clock.now();
  return emu.tx(() => {
    let handled = 0;
    for (; handled < maxEvents; handled++) {
      const due = nextDue(emu, now);
      if (!due) break;
      // Cleared first: a handler sets a new time when there is more to do, so no timer can fire twice.
      if (due.kind === 0) {
        emu.sql('UPDATE changes SET next_at = NULL WHERE id = ?').run(due.id);
        const change = getChange(emu, due.id);
        if (change) advanceChange(emu, change, due.next_at);
      } else {
        emu.sql('UPDATE steps SET next_at = NULL WHERE id = ?').run(due.id);
        const step = getStep(emu, due.id);
        if (step) advanceStep(emu, step, due.next_at);
      }
    }
    // Settings (allow_parallel_changes) may have changed since; pending changes retry for free targets.
    const waiting = emu
      .sql("SELECT DISTINCT node_id FROM changes WHERE status_code = 'pending'")
      .all() as Pick<ChangeRow, 'node_id'>[];
    for (const { node_id } of waiting) promotePending(emu, node_id, now);
    return handled;
  });
}

function nextDue(emu: Emulator, now: number): DueTimer | undefined {
  return emu
    .sql(
      `SELECT kind, id, next_at FROM (
         SELECT 0 AS kind, id, next_at, seq AS ord FROM changes WHERE next_at IS NOT NULL AND next_at <= ?
         UNION ALL
         SELECT 1 AS kind, id, next_at, rowid AS ord FROM steps WHERE next_at IS NOT NULL AND next_at <= ?
       ) ORDER BY next_at, kind, ord LIMIT 1`,
    )
    .get(now, now) as DueTimer | undefined;
}
