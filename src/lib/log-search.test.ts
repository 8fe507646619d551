import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, LogStore } from './log-store';
import { compileSearch, firstMatchFrom, matchRanges, searchLog, stepMatch } from './log-search';

function storeOf(lines: readonly string[]): LogStore {
  const store = new LogStore();
  for (const line of lines) store.push(line, 0, null);
  return store;
}

function patternOf(query: string, isCaseSensitive = false, isRegex = false): RegExp {
  const compiled = compileSearch({ query, isCaseSensitive, isRegex });
  if (compiled?.ok !== true) throw new Error('expected a pattern');
  return compiled.pattern;
}

describe('compileSearch', () => {
  it('treats plain text literally', () => {
    expect(patternOf('a.b(c)').test('xa.b(c)x')).toBe(true);
    expect(patternOf('a.b').test('axb')).toBe(false);
  });

  it('answers errors, not exceptions, for bad or empty-matching patterns', () => {
    const bad = compileSearch({ query: '(', isCaseSensitive: false, isRegex: true });
    expect(bad?.ok === false ? bad.error : '').toMatch(/^Not a valid regular expression/);
    expect(compileSearch({ query: 'x*', isCaseSensitive: false, isRegex: true })).toMatchObject({
      ok: false,
    });
    expect(compileSearch({ query: '', isCaseSensitive: false, isRegex: true })).toBeNull();
  });
});

describe('searchLog', () => {
  it('counts matches and lines, case-insensitively by default', () => {
    const store = storeOf(['Error one error', 'fine', 'ERROR two']);
    const result = searchLog(store, patternOf('error'));
    expect(result.count).toBe(3);
    expect(result.lineCount).toBe(2);
    expect([...result.lines]).toEqual([0, 0, 2]);
    expect(searchLog(store, patternOf('error', true)).count).toBe(1);
  });

  it('finds lines in sealed chunks and the open one, never across a line break', () => {
    const lines = Array.from({ length: CHUNK_SIZE + 10 }, (_, i) => `row ${String(i)}`);
    const store = storeOf(lines);
    const hit = searchLog(store, patternOf(`^row ${String(CHUNK_SIZE - 1)}$`, false, true));
    expect([...hit.lines]).toEqual([CHUNK_SIZE - 1]);
    expect([...searchLog(store, patternOf(`row ${String(CHUNK_SIZE + 3)}`)).lines]).toEqual([CHUNK_SIZE + 3]);
    expect(searchLog(store, patternOf('1\\s+row', false, true)).count).toBe(0);
  });

  it('searches only the lines a filter includes', () => {
    const store = storeOf(['a', 'a', 'a']);
    expect([...searchLog(store, patternOf('a'), (line) => line !== 1).lines]).toEqual([0, 2]);
  });
});

describe('moving between matches', () => {
  it('wraps around both ways', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });

  it('starts from the first match at or after a line', () => {
    const result = searchLog(storeOf(['x', 'a', 'x', 'a']), patternOf('a'));
    expect(firstMatchFrom(result, 2)).toBe(1);
    expect(firstMatchFrom(result, 4)).toBe(0);
  });

  it('gives the ranges to highlight in one line', () => {
    expect(matchRanges('abcabc', patternOf('bc'))).toEqual([
      [1, 3],
      [4, 6],
    ]);
  });
});
