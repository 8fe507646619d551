import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff';

describe('diffLines', () => {
  it('finds nothing between texts with the same lines, final newline or not', () => {
    expect(diffLines('a\nb\n', 'a\nb')).toEqual([]);
    expect(diffLines('', '')).toEqual([]);
  });

  it('reports a changed line with its numbers on both sides', () => {
    expect(
      diffLines('code: x\nsteps:\n  action: deploy\nend\n', 'code: x\nsteps:\n  action: release\nend\n'),
    ).toEqual([
      { originalStart: 3, removed: ['  action: deploy'], modifiedStart: 3, added: ['  action: release'] },
    ]);
  });

  it('reports added and removed lines as separate regions where common lines lie between', () => {
    expect(diffLines('a\nb\nc\nd', 'a\nx\nb\nc')).toEqual([
      { originalStart: 2, removed: [], modifiedStart: 2, added: ['x'] },
      { originalStart: 4, removed: ['d'], modifiedStart: 5, added: [] },
    ]);
  });

  it('keeps the longest run of common lines', () => {
    const changes = diffLines('p\nq\nr\ns\nt', 'q\nr\ns\nu');
    expect(changes).toEqual([
      { originalStart: 1, removed: ['p'], modifiedStart: 1, added: [] },
      { originalStart: 5, removed: ['t'], modifiedStart: 4, added: ['u'] },
    ]);
  });

  it('gives up (null) on texts too large to compare, after setting aside their common start and end', () => {
    const many = (prefix: string) => Array.from({ length: 50 }, (_, n) => `${prefix}${String(n)}`).join('\n');
    expect(diffLines(many('a'), many('b'), 100)).toBeNull();
    expect(diffLines(`${many('a')}\nx`, `${many('a')}\ny`, 100)).toHaveLength(1);
  });
});
