import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { distinctProblems, parseRows } from './list-rows';

const row = z.object({ id: z.string(), attributes: z.object({ username: z.string() }) });

describe('parseRows', () => {
  it('keeps the rows that match and flags the one that does not, with its id, position and problem', () => {
    const members = [
      { id: '1', attributes: { username: 'ana' } },
      { id: '2', attributes: { username: null } },
      { id: '3', attributes: { username: 'bo' } },
    ];

    const { items, unreadable } = parseRows(row, members, 10);

    expect(items.map((item) => item.id)).toEqual(['1', '3']);
    expect(unreadable).toEqual([
      { index: 11, id: '2', problems: [expect.stringMatching(/^attributes\.username: .*expected string/)] },
    ]);
  });

  it('flags a member without a readable id with a null id', () => {
    const { items, unreadable } = parseRows(row, ['not a resource', { id: { nested: true } }]);

    expect(items).toEqual([]);
    expect(unreadable.map((entry) => entry.id)).toEqual([null, null]);
  });
});

describe('distinctProblems', () => {
  it('names each problem once across rows', () => {
    const problems = ['attributes.username: expected string'];
    expect(
      distinctProblems([
        { index: 0, id: 'a', problems },
        { index: 1, id: 'b', problems },
      ]),
    ).toEqual(problems);
  });
});
