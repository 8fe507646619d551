import { describe, expect, it } from 'vitest';
import { cancelRunVerdict, workflowStepVerdicts } from './workflow-step-permissions';

const canRun = { workflow_runs: { read: true, update: false, execute: true } };
const cannotRun = { workflow_runs: { read: true, update: false, execute: false } };
const alice = { username: 'alice', groups: ['qa'] };

describe('workflowStepVerdicts', () => {
  it('lets a named approver with execute approve and reject a step waiting for approval', () => {
    const verdicts = workflowStepVerdicts({
      step: { status_code: 'waiting_for_approval', requires_approval_from: 'bob,qa' },
      asker: alice,
      authorisations: canRun,
    });
    expect(verdicts).toEqual({ approve: null, reject: null, continue: 'The step is not waiting' });
  });

  it('names the approvers to someone not among them', () => {
    const verdicts = workflowStepVerdicts({
      step: { status_code: 'waiting_for_approval', requires_approval_from: 'bob,ops' },
      asker: alice,
      authorisations: canRun,
      groupNames: new Set(['ops']),
    });
    expect(verdicts.approve).toBe('Requires approval from bob or group ops');
  });

  it('needs execute on workflow runs to continue a waiting step', () => {
    const step = { status_code: 'waiting', requires_approval_from: null };
    expect(workflowStepVerdicts({ step, asker: alice, authorisations: canRun }).continue).toBeNull();
    expect(workflowStepVerdicts({ step, asker: alice, authorisations: cannotRun }).continue).toBe(
      'You may not execute workflow runs in this project',
    );
  });
});

describe('cancelRunVerdict', () => {
  it('refuses finished runs and callers without execute', () => {
    expect(cancelRunVerdict('success', canRun)).toBe('The run has finished');
    expect(cancelRunVerdict('running', cannotRun)).toBe('You may not execute workflow runs in this project');
    expect(cancelRunVerdict('waiting', canRun)).toBeNull();
  });
});
