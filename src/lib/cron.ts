import { Cron } from 'croner';
import cronstrue from 'cronstrue';

// Cron expressions of scheduled activities (domain §10): 5 fields (minute hour day month weekday), or 6 with
// seconds first, evaluated in UTC, read the way the server reads them (croner, `5-or-6-parts`, day of month
// OR day of week as in Vixie cron). Everything here is pure: the current time is always passed in.

const CRON_OPTIONS = { paused: true, timezone: 'UTC', mode: '5-or-6-parts' } as const;

function fieldsOf(expression: string): string[] {
  const text = expression.trim();
  return text === '' ? [] : text.split(/\s+/);
}

function compile(expression: string): Cron {
  return new Cron(expression.trim(), CRON_OPTIONS);
}

/** Croner's message without its prefix: "Invalid value for minute: 61". */
function croneMessage(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
}

/**
 * Why the expression is refused, or null when it is usable: the wrong number of fields, a pattern croner
 * cannot read, one that never fires after `now`, or (6 fields) one that fires more than once a minute.
 */
export function cronProblem(expression: string, now: Date): string | null {
  const fields = fieldsOf(expression);
  if (fields.length === 0) return 'Enter a cron expression.';
  if (fields.length !== 5 && fields.length !== 6) {
    return `A cron expression has 5 fields (minute hour day month weekday), or 6 with seconds first; this one has ${String(fields.length)}.`;
  }
  let cron: Cron;
  try {
    cron = compile(expression);
  } catch (error) {
    return `Not a valid cron expression: ${croneMessage(error)}.`;
  }
  if (cron.nextRun(now) === null) return 'This schedule never fires (no such date follows today).';
  if (fields.length === 6 && firesTwiceInAMinute(fields[0] ?? '0')) {
    return 'This schedule fires more than once a minute: give the seconds field a single value (e.g. 0).';
  }
  return null;
}

/** Whether a seconds field matches more than one second of a minute. */
function firesTwiceInAMinute(seconds: string): boolean {
  // Every other field a wildcard: the first two runs after hh:mm:59 fall in one minute exactly when the
  // seconds field matches two or more values.
  const runs = compile(`${seconds} * * * * *`).nextRuns(2, new Date(Date.UTC(2025, 0, 1, 0, 0, 59)));
  const [first, second] = runs;
  if (first === undefined || second === undefined) return false;
  return second.getTime() - first.getTime() < 60_000;
}

/** "At 02:30, only on Monday" (24-hour clock, UTC); null when cronstrue cannot read the expression. */
export function describeCron(expression: string): string | null {
  try {
    return cronstrue.toString(expression.trim(), {
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
      verbose: true,
    });
  } catch {
    return null;
  }
}

/** The next `count` occurrences strictly after `from` (fewer when the schedule runs out); [] if invalid. */
export function nextRuns(expression: string, count: number, from: Date): Date[] {
  try {
    return compile(expression).nextRuns(count, from);
  } catch {
    return [];
  }
}

// ---- Builder: the common cases as form fields ----

/** Weekdays as cron numbers them: 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  0: 'Sunday',
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
};

export type CronPlan =
  | { kind: 'every-minute' }
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; days: readonly Weekday[]; hour: number; minute: number };
export type CronPlanKind = CronPlan['kind'];

/** The expression of a plan (5 fields, UTC). Weekdays are sorted and deduplicated. */
export function planToCron(plan: CronPlan): string {
  switch (plan.kind) {
    case 'every-minute':
      return '* * * * *';
    case 'hourly':
      return `${String(plan.minute)} * * * *`;
    case 'daily':
      return `${String(plan.minute)} ${String(plan.hour)} * * *`;
    case 'weekly': {
      const days = [...new Set(plan.days)].sort((a, b) => a - b);
      return `${String(plan.minute)} ${String(plan.hour)} * * ${days.length === 0 ? '*' : days.join(',')}`;
    }
  }
}

function number(text: string, max: number): number | null {
  if (!/^\d{1,2}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

function toWeekday(value: number): Weekday | null {
  const day = value === 7 ? 0 : value;
  return WEEKDAYS.find((candidate) => candidate === day) ?? null;
}

/** Weekdays of a field such as `1-5` or `1,3,5` (7 is Sunday too); null for anything else. */
function weekdays(field: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (range === null) return null;
    const start = Number(range[1]);
    const end = range[2] === undefined ? start : Number(range[2]);
    if (end < start) return null;
    for (let value = start; value <= end; value += 1) {
      const day = toWeekday(value);
      if (day === null) return null;
      days.add(day);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** The plan an expression is, when it is one of the common cases; null for anything else. */
export function cronToPlan(expression: string): CronPlan | null {
  const fields = fieldsOf(expression);
  if (fields.length !== 5) return null;
  const [minuteField = '', hourField = '', dayField = '', monthField = '', weekdayField = ''] = fields;
  if (dayField !== '*' || monthField !== '*') return null;
  if (minuteField === '*' && hourField === '*' && weekdayField === '*') return { kind: 'every-minute' };
  const minute = number(minuteField, 59);
  if (minute === null) return null;
  if (hourField === '*') return weekdayField === '*' ? { kind: 'hourly', minute } : null;
  const hour = number(hourField, 23);
  if (hour === null) return null;
  if (weekdayField === '*') return { kind: 'daily', hour, minute };
  const days = weekdays(weekdayField);
  return days === null ? null : { kind: 'weekly', days, hour, minute };
}

// ---- Near collisions: two schedules on one target firing close together ----

export interface ScheduleTiming {
  id: string;
  /** How the warning names it: `deploy (every day at 02:00)`. */
  label: string;
  cron_schedule: string;
}

export interface NearCollision {
  schedule: ScheduleTiming;
  /** When this schedule fires… */
  at: Date;
  /** …and when the other one fires, within the window. */
  otherAt: Date;
}

export interface NearCollisionOptions {
  /** How close counts as a collision, in minutes (both ways, equal times included). */
  withinMinutes: number;
  from: Date;
  /** How far ahead to look. @default 7 days */
  horizonMs?: number;
  /** At most this many runs of each schedule are looked at. @default 500 */
  maxRuns?: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The first run of `a` whose closest run of `b` is within `windowMs`, looking at `a`'s runs in order. */
function firstClose(
  a: Cron,
  b: Cron,
  { from, windowMs, until, maxRuns }: { from: Date; windowMs: number; until: number; maxRuns: number },
): { at: Date; otherAt: Date } | null {
  let cursor = from;
  for (let index = 0; index < maxRuns; index += 1) {
    const at = a.nextRun(cursor);
    if (at === null || at.getTime() > until) return null;
    // The first run of b at or after `at - window` (nextRun is strictly after its argument).
    const near = b.nextRun(new Date(at.getTime() - windowMs - 1));
    if (near !== null && near.getTime() <= at.getTime() + windowMs) return { at, otherAt: near };
    cursor = at;
  }
  return null;
}

/**
 * The other schedules (same target) that fire within `withinMinutes` of `expression` in the horizon, each
 * with the first such pair. Both schedules' runs are walked, so a dense schedule next to a sparse one is
 * found however far the sparse one's runs are. Invalid expressions are ignored.
 */
export function nearCollisions(
  expression: string,
  others: readonly ScheduleTiming[],
  options: NearCollisionOptions,
): NearCollision[] {
  let own: Cron;
  try {
    own = compile(expression);
  } catch {
    return [];
  }
  const windowMs = options.withinMinutes * 60_000;
  const settings = {
    from: options.from,
    windowMs,
    until: options.from.getTime() + (options.horizonMs ?? WEEK_MS),
    maxRuns: options.maxRuns ?? 500,
  };
  const found: NearCollision[] = [];
  for (const schedule of others) {
    let other: Cron;
    try {
      other = compile(schedule.cron_schedule);
    } catch {
      continue;
    }
    const mine = firstClose(own, other, settings);
    const theirs = mine === null ? firstClose(other, own, settings) : null;
    if (mine !== null) found.push({ schedule, at: mine.at, otherAt: mine.otherAt });
    else if (theirs !== null) found.push({ schedule, at: theirs.otherAt, otherAt: theirs.at });
  }
  return found;
}

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `Wed 2026-12-02 18:31 UTC` (seconds only when not zero): the same in every locale. */
export function formatUtc(date: Date): string {
  const iso = date.toISOString();
  const seconds = date.getUTCSeconds() === 0 ? '' : iso.slice(16, 19);
  return `${WEEKDAY_SHORT[date.getUTCDay()] ?? ''} ${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
}
