import { describe, expect, it } from 'vitest';
import { countDecidable, inboxDenial, waitsFor, type DecidableItem } from './inbox-permissions';

const approval: DecidableItem = {
  kind: 'approve',
  requiresApprovalFrom: 'approvers, lead',
  executePath: '/projects/bank/environments/prod/changes',
  mayExecute: true,
};
const wait: DecidableItem = { ...approval, kind: 'continue', requiresApprovalFrom: null };

describe('who may decide an inbox item', () => {
  it('lets a member of a listed group, or a listed user, approve', () => {
    expect(inboxDenial(approval, { username: 'approver', groups: ['approvers'] })).toBeNull();
    expect(inboxDenial(approval, { username: 'lead', groups: [] })).toBeNull();
  });

  it('tells anyone else who the approval waits for', () => {
    expect(inboxDenial(approval, { username: 'operator', groups: ['operators'] })).toBe(
      'Requires approval from approvers or lead; you are neither named nor in a named group',
    );
  });

  it('leaves it to the server when the user’s groups are unknown', () => {
    expect(inboxDenial(approval, { username: 'operator', groups: null })).toBeNull();
  });

  it('needs execute permission where the step runs, for approving and continuing', () => {
    const denied = { ...approval, mayExecute: false };
    expect(inboxDenial(denied, { username: 'approver', groups: ['approvers'] })).toBe(
      'You need execute permission on /projects/bank/environments/prod/changes to approve it',
    );
    expect(inboxDenial({ ...wait, mayExecute: false }, { username: 'viewer', groups: [] })).toMatch(
      /to continue it$/,
    );
  });

  it('lets anyone with execute permission continue, and leaves unknown permission to the server', () => {
    expect(inboxDenial(wait, { username: 'operator', groups: [] })).toBeNull();
    expect(inboxDenial({ ...wait, mayExecute: null }, { username: 'viewer', groups: [] })).toBeNull();
  });

  it('says who an item waits for, and counts what the user may decide', () => {
    expect(waitsFor(approval)).toBe('approvers or lead');
    expect(waitsFor(wait)).toBe('anyone with execute permission on /projects/bank/environments/prod/changes');
    expect(countDecidable([approval, wait], { username: 'operator', groups: ['operators'] })).toBe(1);
  });
});
