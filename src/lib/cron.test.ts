import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cronProblem,
  cronToPlan,
  describeCron,
  formatUtc,
  nearCollisions,
  nextRuns,
  planToCron,
  type CronPlan,
  type Weekday,
} from './cron';

const NOW = new Date('2026-12-02T18:30:20Z');
const iso = (dates: readonly Date[]) => dates.map((date) => date.toISOString());

describe('cronProblem', () => {
  it('accepts 5 fields, and 6 with a single seconds value', () => {
    expect(cronProblem('* * * * *', NOW)).toBeNull();
    expect(cronProblem('  30 2 * * 1-5 ', NOW)).toBeNull();
    expect(cronProblem('0 */5 * * * *', NOW)).toBeNull();
  });

  it('refuses the wrong number of fields, naming how many there are', () => {
    expect(cronProblem('', NOW)).toBe('Enter a cron expression.');
    expect(cronProblem('* * * *', NOW)).toMatch(/5 fields .* this one has 4/);
    expect(cronProblem('0 0 0 1 1 * 2030', NOW)).toMatch(/this one has 7/);
  });

  it('refuses what croner cannot read, with its reason', () => {
    expect(cronProblem('61 * * * *', NOW)).toBe('Not a valid cron expression: Invalid value for minute: 61.');
  });

  it('refuses a schedule that never fires', () => {
    expect(cronProblem('0 0 30 2 *', NOW)).toMatch(/never fires/);
  });

  it('refuses a schedule that fires more than once a minute', () => {
    for (const expression of ['* * * * * *', '*/30 * * * * *', '0,1 0 0 * * *', '10-11 * * * * *']) {
      expect(cronProblem(expression, NOW)).toMatch(/more than once a minute/);
    }
  });
});

describe('describeCron', () => {
  it('reads expressions in words on a 24-hour clock', () => {
    expect(describeCron('* * * * *')).toBe('Every minute, every hour, every day');
    expect(describeCron('30 2 * * 1')).toBe('At 02:30, only on Monday');
    expect(describeCron('30 0 12 * * *')).toBe('At 12:00:30, every day');
  });

  it('is null for what it cannot read', () => {
    expect(describeCron('not cron')).toBeNull();
  });
});

describe('nextRuns', () => {
  it('lists the next occurrences in UTC, strictly after the given time', () => {
    expect(iso(nextRuns('* * * * *', 3, NOW))).toEqual([
      '2026-12-02T18:31:00.000Z',
      '2026-12-02T18:32:00.000Z',
      '2026-12-02T18:33:00.000Z',
    ]);
    expect(iso(nextRuns('30 2 * * 1', 2, NOW))).toEqual([
      '2026-12-07T02:30:00.000Z',
      '2026-12-14T02:30:00.000Z',
    ]);
  });

  it('reads day of month and day of week as either, like cron', () => {
    // 1 January 2027 is a Friday: the 1st or any Friday.
    expect(iso(nextRuns('0 0 1 * 5', 2, new Date('2026-12-30T00:00:00Z')))).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2027-01-08T00:00:00.000Z',
    ]);
  });

  it('is empty for an invalid expression', () => {
    expect(nextRuns('61 * * * *', 5, NOW)).toEqual([]);
  });
});

describe('the builder', () => {
  it('writes the common cases as expressions', () => {
    expect(planToCron({ kind: 'every-minute' })).toBe('* * * * *');
    expect(planToCron({ kind: 'hourly', minute: 15 })).toBe('15 * * * *');
    expect(planToCron({ kind: 'daily', hour: 2, minute: 30 })).toBe('30 2 * * *');
    expect(planToCron({ kind: 'weekly', days: [5, 1, 1], hour: 9, minute: 0 })).toBe('0 9 * * 1,5');
  });

  it('reads those expressions back, including ranges and 7 for Sunday', () => {
    expect(cronToPlan('15 * * * *')).toEqual({ kind: 'hourly', minute: 15 });
    expect(cronToPlan('0 9 * * 1-5')).toEqual({ kind: 'weekly', days: [1, 2, 3, 4, 5], hour: 9, minute: 0 });
    expect(cronToPlan('0 9 * * 7,6')).toEqual({ kind: 'weekly', days: [0, 6], hour: 9, minute: 0 });
  });

  it('leaves anything else to the expression field', () => {
    for (const expression of [
      '*/5 * * * *',
      '0 0 1 * *',
      '0 0 * 1 *',
      '0 0 0 * * *',
      '60 * * * *',
      '0 24 * * *',
    ]) {
      expect(cronToPlan(expression)).toBeNull();
    }
  });

  it('round-trips every plan', () => {
    const time = { hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) };
    const weekday = fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6);
    const plan: fc.Arbitrary<CronPlan> = fc.oneof(
      fc.constant({ kind: 'every-minute' as const }),
      fc.record({ kind: fc.constant('hourly' as const), minute: time.minute }),
      fc.record({ kind: fc.constant('daily' as const), ...time }),
      fc.record({
        kind: fc.constant('weekly' as const),
        days: fc.uniqueArray(weekday, { minLength: 1 }).map((days) => [...days].sort((a, b) => a - b)),
        ...time,
      }),
    );
    fc.assert(
      fc.property(plan, (value) => {
        expect(cronToPlan(planToCron(value))).toEqual(value);
        expect(cronProblem(planToCron(value), NOW)).toBeNull();
      }),
    );
  });
});

describe('nearCollisions', () => {
  const other = (id: string, cron_schedule: string) => ({ id, label: id, cron_schedule });

  it('finds another schedule firing within the window, with both times', () => {
    const found = nearCollisions('0 2 * * *', [other('backup', '3 2 * * *'), other('far', '0 5 * * *')], {
      withinMinutes: 5,
      from: NOW,
    });
    expect(found.map((hit) => hit.schedule.id)).toEqual(['backup']);
    expect(found[0]?.at.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(found[0]?.otherAt.toISOString()).toBe('2026-12-03T02:03:00.000Z');
  });

  it('counts the same time and the window edge, not one minute beyond it', () => {
    const others = [other('same', '0 2 * * *'), other('edge', '5 2 * * *'), other('beyond', '6 2 * * *')];
    const found = nearCollisions('0 2 * * *', others, { withinMinutes: 5, from: NOW });
    expect(found.map((hit) => hit.schedule.id)).toEqual(['same', 'edge']);
  });

  it('finds a weekly schedule next to an every-minute one whatever the order of looking', () => {
    const found = nearCollisions('* * * * *', [other('weekly', '0 9 * * 1')], {
      withinMinutes: 1,
      from: NOW,
      maxRuns: 10,
    });
    expect(found[0]?.otherAt.toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('ignores schedules beyond the horizon and invalid expressions', () => {
    const found = nearCollisions('0 2 1 6 *', [other('june', '0 2 1 6 *'), other('bad', 'x')], {
      withinMinutes: 5,
      from: NOW,
    });
    expect(found).toEqual([]);
  });
});

describe('formatUtc', () => {
  it('writes a time in UTC with its weekday, seconds only when set', () => {
    expect(formatUtc(new Date('2026-12-02T18:31:00Z'))).toBe('Wed 2026-12-02 18:31 UTC');
    expect(formatUtc(new Date('2026-12-06T00:00:30Z'))).toBe('Sun 2026-12-06 00:00:30 UTC');
  });
});
