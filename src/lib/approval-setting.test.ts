import { describe, expect, it } from 'vitest';
import { effectiveSetting, requiredApprovers } from './approval-setting';

describe('requiredApprovers', () => {
  it('is empty when no level sets requires_approval_from', () => {
    expect(requiredApprovers([{}, { allow_parallel_changes: true }])).toEqual([]);
  });

  it("inherits the project's list, split on commas and trimmed", () => {
    expect(requiredApprovers([{ requires_approval_from: ' ops_lead,  approvers ' }, {}])).toEqual([
      'ops_lead',
      'approvers',
    ]);
  });

  it('lets a lower level override a higher one', () => {
    expect(
      requiredApprovers([{ requires_approval_from: 'approvers' }, { requires_approval_from: 'release' }]),
    ).toEqual(['release']);
  });

  it('lets a lower level lift the requirement with null or blank', () => {
    expect(
      requiredApprovers([{ requires_approval_from: 'approvers' }, { requires_approval_from: null }]),
    ).toEqual([]);
    expect(
      requiredApprovers([{ requires_approval_from: 'approvers' }, { requires_approval_from: ' ' }]),
    ).toEqual([]);
  });
});

describe('effectiveSetting', () => {
  it('reads the lowest level that names the key', () => {
    expect(effectiveSetting([{ a: 1 }, { b: 2 }, { a: 3 }], 'a')).toBe(3);
    expect(effectiveSetting([{ a: 1 }, { b: 2 }], 'a')).toBe(1);
    expect(effectiveSetting([], 'a')).toBeUndefined();
  });
});
