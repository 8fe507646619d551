/** The emulator's source of time. Tests inject a fake; EMULATOR_SPEED scales simulated durations elsewhere. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

// Per clock: the demo seed runs on its own clock days in the past (seeds/demo-history.ts); one counter for
// the whole process would push its timestamps up to the latest real one handed out before it.
const lastMicros = new WeakMap<Clock, number>();

/**
 * OpsChain timestamps: UTC ISO-8601 with microseconds and `Z` (2025-04-25T06:21:23.984222Z).
 * Successive calls on one clock never return the same value, so ordering by time is a total order.
 */
export function isoTimestamp(clock: Clock): string {
  let micros = Math.floor(clock.now() * 1000);
  const last = lastMicros.get(clock) ?? 0;
  if (micros <= last) micros = last + 1;
  lastMicros.set(clock, micros);
  const ms = Math.floor(micros / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = String(micros % 1_000_000).padStart(6, '0');
  return `${base}.${frac}Z`;
}
