import { describe, expect, it } from 'vitest';
import type { ChangeStep } from '@/api/changes';
import { nextStepWith, stepsToStop } from './steps-to-stop';

function step(id: string, status: string, parent: string | null, children: string[] = []): ChangeStep {
  return {
    id,
    status_code: status,
    parent_id: parent,
    child_ids: children,
    action: id,
    name: null,
    approved_by: [],
    rejected_by: [],
    continued_by: [],
    requires_approval_from: null,
    step_type: 'standard',
    child_execution_strategy: 'sequential',
    change_id: 'c1',
    skip_on_retry: false,
    created_at: '2026-01-05T10:00:00Z',
    started_at: null,
    finished_at: null,
    updated_at: '2026-01-05T10:00:00Z',
    relationships: {},
    links: {},
    meta: undefined,
  };
}

// root (sequential): a (success), b (parallel: b1 error, b2 error), c (aborted)
const failed = [
  step('root', 'error', null, ['a', 'b', 'c']),
  step('a', 'success', 'root'),
  step('b', 'error', 'root', ['b1', 'b2']),
  step('b1', 'error', 'b'),
  step('b2', 'error', 'b'),
  step('c', 'aborted', 'root'),
];

describe('nextStepWith', () => {
  it('jumps between the failed steps themselves, not the parents their failure rolled up to', () => {
    expect(nextStepWith(failed, ['error'], undefined)?.id).toBe('b1');
    expect(nextStepWith(failed, ['error'], 'b1')?.id).toBe('b2');
    expect(nextStepWith(failed, ['error'], 'b2')?.id).toBe('b1');
  });

  it('is null when no step has the status', () => {
    expect(nextStepWith(failed, ['waiting'], undefined)).toBeNull();
  });
});

describe('stepsToStop', () => {
  it('lists the unfinished steps without unfinished children', () => {
    const running = [
      step('root', 'running', null, ['a', 'b']),
      step('a', 'success', 'root'),
      step('b', 'running', 'root', ['b1', 'b2']),
      step('b1', 'waiting', 'b'),
      step('b2', 'pending', 'b'),
    ];

    expect(stepsToStop(running).map((s) => s.id)).toEqual(['b1', 'b2']);
    expect(stepsToStop(failed)).toEqual([]);
  });
});
