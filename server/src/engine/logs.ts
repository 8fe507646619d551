import type { Emulator } from '../context.ts';

/** OpsChain timestamp text (`2025-04-25T06:21:23.984222Z`) for a whole number of microseconds since the epoch. */
export function isoFromMicros(micros: number): string {
  const whole = Math.floor(micros);
  const ms = Math.floor(whole / 1000);
  const frac = String(((whole % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac}Z`;
}

/** OpsChain timestamp text for an epoch time in (fractional) milliseconds — the engine's simulated times. */
export function isoFromMs(ms: number): string {
  return isoFromMicros(Math.floor(ms * 1000));
}

/** Inverse of isoFromMicros for the timestamps the emulator stores. */
export function microsFromIso(iso: string): number {
  const seconds = Date.parse(`${iso.slice(0, 19)}Z`);
  const frac = Number(iso.slice(20, 26).padEnd(6, '0'));
  return seconds * 1000 + (Number.isFinite(frac) ? frac : 0);
}

export function msFromIso(iso: string): number {
  return microsFromIso(iso) / 1000;
}

export interface LogEntry {
  stepId: string;
  message: string;
  /** Simulated time of the line, epoch ms. */
  atMs: number;
}

/**
 * At most this many lines share one logged_at (a line beyond it moves to the next microsecond), so the ids a
 * tailing client must exclude at its cursor timestamp stay few (routes/log-lines.ts).
 */
export const MAX_LINES_PER_TIMESTAMP = 100;

interface LastLogged {
  micros: number;
  /** Lines stored at exactly `micros`. */
  count: number;
}

/** The newest stored logged_at per emulator, so the next line never goes back in time. */
const lastLogged = new WeakMap<Emulator, LastLogged>();

function lastLoggedOf(emu: Emulator): LastLogged {
  const known = lastLogged.get(emu);
  if (known !== undefined) return known;
  const row = emu.sql('SELECT logged_at FROM log_lines ORDER BY logged_at DESC, seq DESC LIMIT 1').get() as
    { logged_at: string } | undefined;
  if (!row) return { micros: 0, count: 0 };
  const count = (
    emu.sql('SELECT COUNT(*) AS n FROM log_lines WHERE logged_at = ?').get(row.logged_at) as { n: number }
  ).n;
  return { micros: microsFromIso(row.logged_at), count };
}

/**
 * Appends log lines of one change. `logged_at` never decreases in insertion (= id) order: a line whose
 * simulated time is older than the newest stored line is stamped with that newest time instead. So ordering
 * by (logged_at, id) is insertion order, and a reader that has seen every line up to logged_at T can only
 * ever receive new lines at T or later — the property the log-tail cursor relies on (routes/log-lines.ts).
 * Lines may share a timestamp (a stack trace is written at one instant), at most MAX_LINES_PER_TIMESTAMP.
 */
export function appendLog(emu: Emulator, changeId: string, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  let { micros: last, count } = lastLoggedOf(emu);
  const insert = emu.sql(
    'INSERT INTO log_lines (change_id, step_id, message, logged_at) VALUES (?, ?, ?, ?)',
  );
  for (const entry of entries) {
    let micros = Math.max(Math.floor(entry.atMs * 1000), last);
    if (micros === last && count >= MAX_LINES_PER_TIMESTAMP) micros = last + 1;
    count = micros === last ? count + 1 : 1;
    last = micros;
    insert.run(changeId, entry.stepId, entry.message, isoFromMicros(micros));
  }
  lastLogged.set(emu, { micros: last, count });
}
