import { describe, expect, it } from 'vitest';
import { nextHeldRows, releaseHeldRows, startHolding, visibleRows } from './held-rows';

const key = (row: string) => row;

describe('held rows', () => {
  it('shows every row of the first answer', () => {
    const state = startHolding(['b', 'a']);
    expect(visibleRows(['b', 'a'], state, key)).toEqual(['b', 'a']);
  });

  it('shows new rows at once while the reader is at the top', () => {
    const state = nextHeldRows(startHolding(['b', 'a']), ['c', 'b', 'a'], false);
    expect(state.held.size).toBe(0);
    expect(visibleRows(['c', 'b', 'a'], state, key)).toEqual(['c', 'b', 'a']);
  });

  it('holds new rows while the reader is scrolled down, and keeps showing updated ones', () => {
    const state = nextHeldRows(startHolding(['b', 'a']), ['d', 'c', 'b', 'a'], true);
    expect([...state.held]).toEqual(['d', 'c']);
    expect(visibleRows(['d', 'c', 'b', 'a'], state, key)).toEqual(['b', 'a']);
  });

  it('keeps holding across polls and counts each new row once', () => {
    let state = nextHeldRows(startHolding(['a']), ['b', 'a'], true);
    state = nextHeldRows(state, ['c', 'b', 'a'], true);
    state = nextHeldRows(state, ['c', 'b', 'a'], true);
    expect([...state.held].sort()).toEqual(['b', 'c']);
  });

  it('forgets held rows that left the list (a status filter no longer matches)', () => {
    let state = nextHeldRows(startHolding(['a']), ['b', 'a'], true);
    state = nextHeldRows(state, ['a'], true);
    expect(state.held.size).toBe(0);
  });

  it('shows the held rows when the reader asks, and does not hold them again', () => {
    let state = nextHeldRows(startHolding(['a']), ['b', 'a'], true);
    state = releaseHeldRows(state);
    expect(visibleRows(['b', 'a'], state, key)).toEqual(['b', 'a']);
    state = nextHeldRows(state, ['b', 'a'], true);
    expect(state.held.size).toBe(0);
  });

  it('shows the held rows once the reader is back at the top', () => {
    let state = nextHeldRows(startHolding(['a']), ['b', 'a'], true);
    state = nextHeldRows(state, ['b', 'a'], false);
    expect(visibleRows(['b', 'a'], state, key)).toEqual(['b', 'a']);
  });
});
