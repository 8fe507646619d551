import { describe, expect, it } from 'vitest';
import { stepFilterOptions } from './log-toolbar';

describe('stepFilterOptions', () => {
  it('names steps, tells apart steps that share a name, and shows the id of a step it cannot name', () => {
    const names = new Map([
      ['aaaaaaaa-1', 'build'],
      ['bbbbbbbb-2', 'verify'],
      ['cccccccc-3', 'verify'],
    ]);
    expect(stepFilterOptions(['aaaaaaaa-1', 'bbbbbbbb-2', 'cccccccc-3', 'dddd'], names)).toEqual([
      { value: 'aaaaaaaa-1', label: 'build' },
      { value: 'bbbbbbbb-2', label: 'verify (bbbbbbbb)' },
      { value: 'cccccccc-3', label: 'verify (cccccccc)' },
      { value: 'dddd', label: 'Step dddd' },
    ]);
  });

  it('shows ids when no names are given', () => {
    expect(stepFilterOptions(['s1'], undefined)).toEqual([{ value: 's1', label: 'Step s1' }]);
  });
});
