import { describe, expect, it } from 'vitest';
import {
  advanceCursor,
  cursorAt,
  cursorParams,
  microsOf,
  nextTailStep,
  splitTimes,
  stampOfMicros,
  START_CURSOR,
  type TailLine,
} from './log-tail';

const line = (id: number, at: string): TailLine => ({ id: String(id), logged_at: `2025-04-25T06:00:${at}Z` });

/** A server answering `gteq T, not in S` from `all`, at most `limit` lines. */
function serve(all: readonly TailLine[], params: [string, string][], limit: number) {
  const gteq = params.find(([k]) => k === 'filter[logged_at_gteq]')?.[1];
  const lt = params.find(([k]) => k === 'filter[logged_at_lt]')?.[1];
  const excluded = new Set(params.filter(([k]) => k === 'filter[id_not_in][]').map(([, v]) => v));
  const matching = all.filter(
    (l) =>
      (gteq === undefined || microsOf(l.logged_at) >= microsOf(gteq)) &&
      (lt === undefined || microsOf(l.logged_at) < microsOf(lt)) &&
      !excluded.has(l.id),
  );
  return { lines: matching.slice(0, limit), isPartial: matching.length > limit };
}

describe('microsOf', () => {
  it('keeps micro-seconds and reads a missing offset as UTC', () => {
    expect(microsOf('2025-04-25T06:21:23.984222Z') - microsOf('2025-04-25T06:21:23.984221Z')).toBe(1);
    expect(microsOf('2025-04-25T06:21:23.5')).toBe(microsOf('2025-04-25T06:21:23.500000Z'));
    expect(microsOf('2025-04-25T08:21:23+02:00')).toBe(microsOf('2025-04-25T06:21:23Z'));
    expect(microsOf('yesterday')).toBeNaN();
  });

  it('reads stamps of the second read last as it reads any other', () => {
    const base = Date.parse('2025-04-25T06:21:23Z') * 1000;
    expect(microsOf('2025-04-25T06:21:23.000001Z')).toBe(base + 1);
    expect(microsOf('2025-04-25T06:21:23.984222Z')).toBe(base + 984222);
    expect(microsOf('2025-04-25T06:21:23.98422xZ')).toBeNaN();
    expect(microsOf('2025-04-25T06:21:23.984222+01:00')).toBe(base + 984222 - 3_600_000_000);
    expect(microsOf('2025-04-25T06:21:23.5Z')).toBe(base + 500000);
  });
});

describe('the tail cursor', () => {
  it('asks for everything first, then for lines at or after the newest, excluding those held', () => {
    expect(cursorParams(START_CURSOR)).toEqual([['filter[sorts]', 'logged_at asc']]);
    const { cursor } = advanceCursor(START_CURSOR, [
      line(1, '01.000001'),
      line(2, '02.000001'),
      line(3, '02.000001'),
    ]);
    expect(cursorParams(cursor)).toEqual([
      ['filter[sorts]', 'logged_at asc'],
      ['filter[logged_at_gteq]', '2025-04-25T06:00:02.000001Z'],
      ['filter[id_not_in][]', '2'],
      ['filter[id_not_in][]', '3'],
    ]);
  });

  it('drops repeated and older lines, also repeats within one answer', () => {
    const first = advanceCursor(START_CURSOR, [line(1, '01'), line(2, '02')]);
    const second = advanceCursor(first.cursor, [
      line(1, '01'),
      line(2, '02'),
      line(3, '02'),
      line(3, '02'),
      line(4, '03'),
    ]);
    expect(second.fresh.map((l) => l.id)).toEqual(['3', '4']);
    expect(second.cursor.idsAtLoggedAt).toEqual(['4']);
  });

  it('joins a group of lines at one instant split across two answers', () => {
    const first = advanceCursor(START_CURSOR, [line(1, '01'), line(2, '05'), line(3, '05')]);
    // Line 4 was written at 05 after the first poll; the second answer starts at 05.
    const second = advanceCursor(first.cursor, [line(4, '05'), line(5, '06')]);
    expect(second.fresh.map((l) => l.id)).toEqual(['4', '5']);
    const third = advanceCursor(first.cursor, [line(4, '05')]);
    expect(third.cursor.idsAtLoggedAt).toEqual(['2', '3', '4']);
  });

  it('receives a burst larger than one page, all at one instant, exactly once', () => {
    const burst = Array.from({ length: 2500 }, (_, i) => line(i + 1, '07'));
    const all = [line(0, '06'), ...burst, line(9999, '08')];
    let cursor = START_CURSOR;
    const received: string[] = [];
    let polls = 0;
    for (;;) {
      const answer = serve(all, cursorParams(cursor), 1000);
      const next = advanceCursor(cursor, answer.lines);
      received.push(...next.fresh.map((l) => l.id));
      cursor = next.cursor;
      polls++;
      if (
        nextTailStep({
          isPartial: answer.isPartial,
          freshCount: next.fresh.length,
          wasTerminalWhenSent: true,
        }) === 'stop'
      )
        break;
    }
    expect(received).toEqual(all.map((l) => l.id));
    expect(new Set(received).size).toBe(all.length);
    expect(polls).toBe(4);
  });
});

describe('a log read in parts', () => {
  it('writes timestamps the way OpsChain does, to the micro-second', () => {
    const micros = microsOf('2025-04-25T06:21:23.984222Z');
    expect(stampOfMicros(micros)).toBe('2025-04-25T06:21:23.984222Z');
    expect(stampOfMicros(microsOf('2025-04-25T06:21:23Z'))).toBe('2025-04-25T06:21:23.000000Z');
    expect(cursorAt(micros)).toEqual({ loggedAt: '2025-04-25T06:21:23.984222Z', micros, idsAtLoggedAt: [] });
  });

  it('splits a time span into parts of equal length, never an empty or repeated start', () => {
    expect(splitTimes(0, 300, 3)).toEqual([100, 200]);
    expect(splitTimes(0, 1, 3)).toEqual([]);
    expect(splitTimes(0, 2, 3)).toEqual([1]);
    expect(splitTimes(5, 5, 3)).toEqual([]);
    expect(splitTimes(Number.NEGATIVE_INFINITY, 5, 3)).toEqual([]);
  });

  it('reads every line exactly once when the parts are read one beside the other and joined', () => {
    // Groups at one instant straddle the part boundaries and are larger than a page.
    const all: TailLine[] = [];
    let id = 0;
    for (let second = 10; second < 40; second++)
      for (let n = 0; n < (second % 7 === 0 ? 1200 : 3); n++) all.push(line(++id, String(second)));
    const first = advanceCursor(START_CURSOR, serve(all, cursorParams(START_CURSOR), 500).lines);
    const newest = all[all.length - 1];
    const starts = splitTimes(first.cursor.micros, microsOf(newest?.logged_at ?? ''), 3);
    expect(starts).toHaveLength(2);
    const parts = [first.cursor, ...starts.map(cursorAt)].map((start, k) => {
      const end = starts[k];
      const before = end === undefined ? undefined : stampOfMicros(end);
      let cursor = start;
      const received: string[] = [];
      for (;;) {
        const answer = serve(all, cursorParams(cursor, before), 1000);
        const next = advanceCursor(cursor, answer.lines);
        received.push(...next.fresh.map((l) => l.id));
        cursor = next.cursor;
        if (!answer.isPartial) return received;
      }
    });
    const received = [...first.fresh.map((l) => l.id), ...parts.flat()];
    expect(received).toEqual(all.map((l) => l.id));
  });
});

describe('nextTailStep', () => {
  it('polls at once while answers are partial, stops only after an empty poll sent once the change ended', () => {
    expect(nextTailStep({ isPartial: true, freshCount: 1000, wasTerminalWhenSent: true })).toBe('poll-now');
    expect(nextTailStep({ isPartial: false, freshCount: 0, wasTerminalWhenSent: false })).toBe('wait');
    expect(nextTailStep({ isPartial: false, freshCount: 3, wasTerminalWhenSent: true })).toBe('wait');
    expect(nextTailStep({ isPartial: false, freshCount: 0, wasTerminalWhenSent: true })).toBe('stop');
  });
});
