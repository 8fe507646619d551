import { describe, expect, it } from 'vitest';
import { approverNames, inboxDenial, waitsFor, type DecidableItem } from './inbox-permissions';

const approval: DecidableItem = {
  kind: 'approve',
  requiresApprovalFrom: 'approvers, lead',
  executePath: '/projects/bank/environments/prod/changes',
  mayExecute: true,
};
const wait: DecidableItem = { ...approval, kind: 'continue', requiresApprovalFrom: null };

describe('who may decide an inbox item', () => {
  it('reads requires_approval_from as a trimmed comma list', () => {
    expect(approverNames(' approvers, lead ,,')).toEqual(['approvers', 'lead']);
    expect(approverNames(null)).toEqual([]);
  });

  it('lets a member of a listed group, or a listed user, approve', () => {
    expect(inboxDenial(approval, { username: 'approver', groupnames: ['approvers'] })).toBeNull();
    expect(inboxDenial(approval, { username: 'lead', groupnames: [] })).toBeNull();
  });

  it('tells anyone else who the approval waits for', () => {
    expect(inboxDenial(approval, { username: 'operator', groupnames: ['operators'] })).toBe(
      'Waits for approval from approvers, lead; you are not one of them and in none of those groups',
    );
    expect(inboxDenial(approval, { username: 'operator', groupnames: null })).toMatch(
      /your groups could not be read/,
    );
  });

  it('needs execute permission where the step runs, for approving and continuing', () => {
    const denied = { ...approval, mayExecute: false };
    expect(inboxDenial(denied, { username: 'approver', groupnames: ['approvers'] })).toBe(
      'You need execute permission on /projects/bank/environments/prod/changes to approve it',
    );
    expect(inboxDenial({ ...wait, mayExecute: false }, { username: 'viewer', groupnames: [] })).toMatch(
      /to continue it$/,
    );
  });

  it('lets anyone with execute permission continue, and leaves unknown permission to the server', () => {
    expect(inboxDenial(wait, { username: 'operator', groupnames: [] })).toBeNull();
    expect(inboxDenial({ ...wait, mayExecute: null }, { username: 'viewer', groupnames: [] })).toBeNull();
  });

  it('says who an item waits for', () => {
    expect(waitsFor(approval)).toBe('approvers, lead');
    expect(waitsFor(wait)).toBe('anyone with execute permission on /projects/bank/environments/prod/changes');
  });
});
