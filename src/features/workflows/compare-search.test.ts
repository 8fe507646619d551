import { describe, expect, it } from 'vitest';
import { compareSearchSchema, comparedVersions, previousVersion } from './compare-search';

describe('compare search', () => {
  it('drops numbers that are not version numbers', () => {
    expect(compareSearchSchema.parse({ from: 'x', to: 0 })).toEqual({});
    expect(compareSearchSchema.parse({ from: 1, to: 3 })).toEqual({ from: 1, to: 3 });
  });

  it('compares the latest version with the one before it by default', () => {
    expect(comparedVersions([1, 2, 4], {})).toEqual({ from: 2, to: 4 });
    expect(comparedVersions([4, 1, 2], { to: 2 })).toEqual({ from: 1, to: 2 });
  });

  it('keeps the versions the address names, listed or not', () => {
    expect(comparedVersions([1, 2], { from: 2, to: 1 })).toEqual({ from: 2, to: 1 });
    expect(comparedVersions([1, 2], { from: 7, to: 2 })).toEqual({ from: 7, to: 2 });
  });

  it('has nothing to compare with fewer than two versions', () => {
    expect(comparedVersions([], {})).toBeNull();
    expect(comparedVersions([1], {})).toBeNull();
  });

  it('finds the previous version across gaps left by deleted drafts', () => {
    expect(previousVersion([5, 1, 3], 5)).toBe(3);
    expect(previousVersion([5, 1, 3], 1)).toBeUndefined();
  });
});
