import { describe, expect, it } from 'vitest';
import { listSearchSchema, resolveSort, sortSpec, toggleSort } from './list-search';

const columns = ['code', 'name', 'archived'] as const;
const byName = { column: 'name', direction: 'asc' } as const;

describe('listSearchSchema', () => {
  it('keeps valid values and drops bad ones instead of failing', () => {
    expect(listSearchSchema.parse({ q: 'soa', sort: 'code', dir: 'desc', archived: true })).toEqual({
      q: 'soa',
      sort: 'code',
      dir: 'desc',
      archived: true,
    });
    expect(listSearchSchema.parse({ dir: 'sideways', archived: 'maybe', q: 7 })).toEqual({});
  });
});

describe('resolveSort', () => {
  it('uses a column the list has, ascending unless asked otherwise', () => {
    expect(resolveSort({ sort: 'code' }, columns, byName)).toEqual({ column: 'code', direction: 'asc' });
    expect(resolveSort({ sort: 'code', dir: 'desc' }, columns, byName)).toEqual({
      column: 'code',
      direction: 'desc',
    });
  });

  it('falls back to the default for an unknown column', () => {
    expect(resolveSort({ sort: 'password', dir: 'desc' }, columns, byName)).toEqual(byName);
  });
});

describe('sortSpec and toggleSort', () => {
  it('writes ransack sorts', () => {
    expect(sortSpec(byName)).toBe('name');
    expect(sortSpec({ column: 'code', direction: 'desc' })).toBe('code desc');
  });

  it('sorts a new column ascending and flips the current one', () => {
    expect(toggleSort(byName, 'code')).toEqual({ sort: 'code', dir: 'asc' });
    expect(toggleSort(byName, 'name')).toEqual({ sort: 'name', dir: 'desc' });
    expect(toggleSort({ column: 'name', direction: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' });
  });
});
