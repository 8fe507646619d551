import { describe, expect, it } from 'vitest';
import { formatLineHash, parseLineHash, selectLine } from './log-line-link';

describe('parseLineHash', () => {
  it('reads one line and a range, with or without the #', () => {
    expect(parseLineHash('#L12')).toEqual({ start: 12, end: 12 });
    expect(parseLineHash('L12-L40')).toEqual({ start: 12, end: 40 });
  });

  it('puts a reversed range in order', () => {
    expect(parseLineHash('#L40-L12')).toEqual({ start: 12, end: 40 });
  });

  it.each(['', '#', '#L', '#L0', '#Labc', '#L12-40', '#L1-L0', '#section', '#L12x'])('rejects %j', (hash) => {
    expect(parseLineHash(hash)).toBeNull();
  });

  it('round-trips through formatLineHash', () => {
    expect(parseLineHash(formatLineHash({ start: 7, end: 7 }))).toEqual({ start: 7, end: 7 });
    expect(formatLineHash({ start: 7, end: 9 })).toBe('L7-L9');
  });
});

describe('selectLine', () => {
  it('selects one line on a plain click and extends on a Shift-click', () => {
    const one = selectLine(null, 10, false);
    expect(one).toEqual({ start: 10, end: 10 });
    expect(selectLine(one, 20, true)).toEqual({ start: 10, end: 20 });
    expect(selectLine(one, 5, true)).toEqual({ start: 5, end: 10 });
    expect(selectLine(one, 5, false)).toEqual({ start: 5, end: 5 });
  });
});
