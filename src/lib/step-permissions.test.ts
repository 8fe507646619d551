import { describe, expect, it } from 'vitest';
import {
  alreadyDecidedMessage,
  cancelVerdict,
  describeApprovers,
  isListedApprover,
  stepVerdicts,
  type Asker,
  type ChangeTarget,
} from './step-permissions';

const executor: ChangeTarget = {
  kind: 'environment',
  authorisations: { changes: { read: true, execute: true } },
};
const reader: ChangeTarget = { kind: 'asset', authorisations: { changes: { read: true, execute: false } } };
const approver: Asker = { username: 'approver', groups: ['approvers', 'qa'] };
const operator: Asker = { username: 'operator', groups: ['operators'] };
const running = { status_code: 'running' };
const gate = { status_code: 'waiting_for_approval', requires_approval_from: 'approvers' };

describe('stepVerdicts', () => {
  it('lets a member of a listed group approve and reject a step waiting for approval', () => {
    const verdicts = stepVerdicts({ step: gate, change: running, asker: approver, target: executor });

    expect(verdicts.approve).toBeNull();
    expect(verdicts.reject).toBeNull();
  });

  it('lets a user named in the list approve, whatever their groups', () => {
    const step = { ...gate, requires_approval_from: 'approvers, operator' };

    expect(stepVerdicts({ step, change: running, asker: operator, target: executor }).approve).toBeNull();
  });

  it('tells someone not listed who must approve, naming known groups as groups', () => {
    const verdicts = stepVerdicts({
      step: { ...gate, requires_approval_from: 'approvers,alice' },
      change: running,
      asker: operator,
      target: executor,
      groupNames: new Set(['approvers']),
    });

    expect(verdicts.approve).toBe('Requires approval from group approvers or alice');
    expect(verdicts.reject).toBe('Requires approval from group approvers or alice');
  });

  it('refuses a listed approver without execute permission on the target', () => {
    const verdicts = stepVerdicts({ step: gate, change: running, asker: approver, target: reader });

    expect(verdicts.approve).toBe('You may not execute changes on this asset');
  });

  it('says the step is not waiting when it no longer waits for approval', () => {
    const verdicts = stepVerdicts({
      step: { ...gate, status_code: 'success' },
      change: running,
      asker: approver,
      target: executor,
    });

    expect(verdicts.approve).toBe('The step is not waiting for approval');
    expect(verdicts.continue).toBe('The step is not waiting');
  });

  it('leaves the decision to the server when the asker’s groups are unknown', () => {
    const verdicts = stepVerdicts({
      step: gate,
      change: running,
      asker: { username: 'someone', groups: null },
      target: executor,
    });

    expect(verdicts.approve).toBeNull();
  });

  it('lets anyone who may execute changes continue a waiting step', () => {
    const step = { status_code: 'waiting', requires_approval_from: null };

    expect(stepVerdicts({ step, change: running, asker: operator, target: executor }).continue).toBeNull();
    expect(stepVerdicts({ step, change: running, asker: operator, target: reader }).continue).toBe(
      'You may not execute changes on this asset',
    );
  });

  it('says permissions are being checked while the target is not known', () => {
    const step = { status_code: 'waiting', requires_approval_from: null };
    const target: ChangeTarget = { kind: 'project', authorisations: null };

    expect(stepVerdicts({ step, change: running, asker: operator, target }).continue).toBe(
      'Checking your permissions on this target…',
    );
  });

  it('offers skip on retry only for failed steps of a finished change', () => {
    const failed = { status_code: 'error', requires_approval_from: null };
    const verdict = (step: typeof failed, change: { status_code: string }) =>
      stepVerdicts({ step, change, asker: operator, target: executor }).skip_on_retry;

    expect(verdict(failed, { status_code: 'error' })).toBeNull();
    expect(verdict(failed, running)).toBe('The change is still running');
    expect(verdict({ ...failed, status_code: 'aborted' }, { status_code: 'error' })).toBe(
      'Only a failed step can be skipped on retry',
    );
  });
});

describe('isListedApprover', () => {
  it('matches names and groups exactly, ignoring spaces around commas', () => {
    expect(isListedApprover(approver, ' qa , ops ')).toBe(true);
    expect(isListedApprover(approver, 'approvers-eu')).toBe(false);
    expect(isListedApprover(approver, null)).toBe(false);
  });
});

describe('describeApprovers', () => {
  it('joins several names with commas and a final "or"', () => {
    expect(describeApprovers(['a', 'b', 'c'], new Set(['b']))).toBe('a, group b or c');
    expect(describeApprovers(['a'], new Set())).toBe('a');
  });
});

describe('cancelVerdict', () => {
  it('allows cancelling an unfinished change with execute permission only', () => {
    expect(cancelVerdict({ status_code: 'pending' }, executor)).toBeNull();
    expect(cancelVerdict({ status_code: 'waiting_for_approval' }, reader)).toBe(
      'You may not execute changes on this asset',
    );
    expect(cancelVerdict({ status_code: 'cancelled' }, executor)).toBe('The change has finished');
  });
});

describe('alreadyDecidedMessage', () => {
  const step = { approved_by: [], rejected_by: [], continued_by: [], status_code: 'running' };

  it('names who decided first', () => {
    expect(alreadyDecidedMessage({ ...step, approved_by: [{ username: 'alice', message: 'ok' }] })).toBe(
      'Already approved by alice',
    );
    expect(alreadyDecidedMessage({ ...step, rejected_by: [{ username: 'bob' }] })).toBe(
      'Already rejected by bob',
    );
  });

  it('falls back to the step’s status when nobody is recorded', () => {
    expect(alreadyDecidedMessage({ ...step, status_code: 'cancelled' })).toBe(
      'The step is no longer waiting (it is cancelled)',
    );
    expect(alreadyDecidedMessage(null)).toBe('The step is no longer waiting');
  });
});
