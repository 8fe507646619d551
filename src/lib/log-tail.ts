// The tail cursor (README "Tailing logs"): how the pane follows a running change without missing or repeating
// a line. The cursor is (T, S): T the `logged_at` of the newest line received, S the ids received at exactly
// T. Each poll asks for `logged_at >= T` excluding S, in `logged_at` order; lines may share a timestamp, so
// a group of lines at one instant can be split across answers, and S keeps growing while T stays.

export interface TailLine {
  id: string;
  logged_at: string;
}

export interface TailCursor {
  /** `logged_at` of the newest line received (the server's text, sent back as is); null before any. */
  loggedAt: string | null;
  /** Micro-seconds since the epoch of `loggedAt` (for comparing). */
  micros: number;
  /** Ids received whose `logged_at` is exactly `loggedAt`. */
  idsAtLoggedAt: readonly string[];
}

export const START_CURSOR: TailCursor = {
  loggedAt: null,
  micros: Number.NEGATIVE_INFINITY,
  idsAtLoggedAt: [],
};

const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Micro-seconds since the epoch of an OpsChain timestamp (`2025-04-25T06:21:23.984222Z`; no offset means
 * UTC), or NaN. Date.parse would drop the micro-seconds, which order lines within one millisecond.
 */
export function microsOf(stamp: string): number {
  // The emulator's and OpsChain's own form (`…:23.984222Z`) in the second read last: no pattern to match.
  if (stamp.length === 27 && stamp.endsWith('Z') && stamp.startsWith(lastSecondPrefix)) {
    const fraction = stamp.slice(20, 26);
    if (DIGITS6.test(fraction)) return lastSecondMs * 1000 + Number(fraction);
  }
  const m = STAMP.exec(stamp);
  if (m === null) return Number.NaN;
  const zone = m[3] === undefined || m[3] === 'Z' ? 'Z' : m[3];
  const seconds = secondsOf(`${m[1] ?? ''}${zone}`);
  const fraction = Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
  return seconds * 1000 + fraction;
}

// Date.parse is most of microsOf's cost, and consecutive lines of a log mostly fall in the same second:
// the last second parsed is remembered (a million-line log is read in seconds, issue 12).
let lastSecondText = '';
let lastSecondMs = Number.NaN;
/** `2025-04-25T06:21:23.` when the last second parsed was in UTC and valid; else a text no stamp starts with. */
let lastSecondPrefix = '\u0000';
const DIGITS6 = /^\d{6}$/;

function secondsOf(text: string): number {
  if (text !== lastSecondText) {
    lastSecondMs = Date.parse(text);
    lastSecondText = text;
    lastSecondPrefix =
      text.length === 20 && text.endsWith('Z') && !Number.isNaN(lastSecondMs)
        ? `${text.slice(0, 19)}.`
        : '\u0000';
  }
  return lastSecondMs;
}

/** An OpsChain timestamp (`2025-04-25T06:21:23.984222Z`, UTC) for micro-seconds since the epoch. */
export function stampOfMicros(micros: number): string {
  const whole = Math.floor(micros);
  const fraction = String(((whole % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0');
  return `${new Date(Math.floor(whole / 1000)).toISOString().slice(0, 19)}.${fraction}Z`;
}

/** A cursor that takes every line at or after `micros` (where a part of a log read in parts starts). */
export function cursorAt(micros: number): TailCursor {
  return { loggedAt: stampOfMicros(micros), micros, idsAtLoggedAt: [] };
}

/**
 * Splits the time from `fromMicros` to `toMicros` (the first and the newest line's) into `count` parts of
 * equal length: the instants where parts 2…count start, ascending, each after `fromMicros` and at most
 * `toMicros` (fewer when the span is too short to split).
 */
export function splitTimes(fromMicros: number, toMicros: number, count: number): number[] {
  const starts: number[] = [];
  if (!Number.isFinite(fromMicros) || !Number.isFinite(toMicros)) return starts;
  for (let k = 1; k < count; k++) {
    const at = Math.floor(fromMicros + ((toMicros - fromMicros) * k) / count);
    if (at > (starts[starts.length - 1] ?? fromMicros) && at <= toMicros) starts.push(at);
  }
  return starts;
}

/**
 * Query parameters of the next poll from `cursor` (the sort is always `logged_at asc`); with `before` (a
 * timestamp), only lines logged before it (one part of a log read in parts).
 */
export function cursorParams(cursor: TailCursor, before?: string): [string, string][] {
  const params: [string, string][] = [['filter[sorts]', 'logged_at asc']];
  if (before !== undefined) params.push(['filter[logged_at_lt]', before]);
  if (cursor.loggedAt === null) return params;
  params.push(['filter[logged_at_gteq]', cursor.loggedAt]);
  for (const id of cursor.idsAtLoggedAt) params.push(['filter[id_not_in][]', id]);
  return params;
}

/**
 * The lines of an answer not received before (in the answer's order), and the cursor after them. Lines
 * older than the cursor, ids already held at its instant and repeats within the answer are dropped, so a
 * server that ignores a filter still cannot make the pane show a line twice.
 */
export function advanceCursor<T extends TailLine>(
  cursor: TailCursor,
  lines: readonly T[],
): { cursor: TailCursor; fresh: T[]; freshMicros: number[] } {
  const fresh: T[] = [];
  /** microsOf each fresh line's `logged_at` (so the caller need not parse the times again). */
  const freshMicros: number[] = [];
  let { loggedAt, micros } = cursor;
  let heldIds: string[] = [...cursor.idsAtLoggedAt];
  // Built only when a second line comes at the same instant: most lines of a log have a time of their own.
  let held: Set<string> | null = null;
  for (const line of lines) {
    const at = microsOf(line.logged_at);
    if (Number.isNaN(at) || at < micros) continue;
    if (at === micros) {
      held ??= new Set(heldIds);
      if (held.has(line.id)) continue;
      held.add(line.id);
      heldIds.push(line.id);
    } else {
      micros = at;
      loggedAt = line.logged_at;
      heldIds = [line.id];
      held = null;
    }
    fresh.push(line);
    freshMicros.push(at);
  }
  return { cursor: { loggedAt, micros, idsAtLoggedAt: heldIds }, fresh, freshMicros };
}

export type TailStep = 'poll-now' | 'wait' | 'stop';

/**
 * What to do after an answer: poll again at once while the answer was cut by the limit; stop when the
 * change had already finished when the poll was sent and the poll brought nothing new; else wait.
 */
export function nextTailStep(answer: {
  isPartial: boolean;
  freshCount: number;
  wasTerminalWhenSent: boolean;
}): TailStep {
  if (answer.isPartial) return 'poll-now';
  if (answer.wasTerminalWhenSent && answer.freshCount === 0) return 'stop';
  return 'wait';
}
