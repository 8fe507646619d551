/** The emulator's source of time. Tests inject a fake; EMULATOR_SPEED scales simulated durations elsewhere. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

let lastMicros = 0;

/**
 * OpsChain timestamps: UTC ISO-8601 with microseconds and `Z` (2025-04-25T06:21:23.984222Z).
 * Successive calls never return the same value, so ordering by time is a total order within a process.
 */
export function isoTimestamp(clock: Clock): string {
  let micros = Math.floor(clock.now() * 1000);
  if (micros <= lastMicros) micros = lastMicros + 1;
  lastMicros = micros;
  const ms = Math.floor(micros / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = String(micros % 1_000_000).padStart(6, '0');
  return `${base}.${frac}Z`;
}
