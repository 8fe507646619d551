import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { decideInboxItem } from './approval-decisions';
import { parseInboxSnapshot, runOfLink, targetOfChangeLink, type InboxItem } from './approvals';
import { createInboxFetcher } from './approvals-fetch';

// Against the demo seed, which has a change waiting for approval (ticket OPS-1250), a manual_wait change and
// the release_train workflow waiting at "Go / no-go".

const emulator = setUpEmulator();
const fetchInbox = () => createInboxFetcher()(new AbortController().signal);

function find(items: readonly InboxItem[], predicate: (item: InboxItem) => boolean): InboxItem {
  const item = items.find(predicate);
  if (item === undefined) throw new Error('expected item missing');
  return item;
}

describe('the approvals inbox', () => {
  it('lists waiting change steps and workflow wait steps with who started them and where', async () => {
    emulator();
    signInAs('approver');
    const snapshot = await fetchInbox();

    expect(snapshot.unreadable).toBe(0);
    expect(find(snapshot.items, (item) => item.metadata.ticket === 'OPS-1250')).toMatchObject({
      source: 'change',
      kind: 'approve',
      startedBy: 'operator',
      requiresApprovalFrom: 'approvers',
      targetPath: '/projects/bank/environments/prod/assets/ledger_db_prod',
      executePath: '/projects/bank/environments/prod/assets/ledger_db_prod/changes',
      mayExecute: true,
    });
    expect(find(snapshot.items, (item) => item.changeAction === 'manual_wait')).toMatchObject({
      kind: 'continue',
      name: 'wait_for_confirmation',
    });
    expect(find(snapshot.items, (item) => item.name === 'Go / no-go')).toMatchObject({
      source: 'workflow',
      kind: 'approve',
      run: { projectCode: 'bank', workflowCode: 'release_train' },
      executePath: '/projects/bank/workflow_runs',
    });
    expect(parseInboxSnapshot(structuredClone(snapshot))).toEqual(snapshot);
  });

  it('reports the viewer’s missing execute permission with the item', async () => {
    emulator();
    signInAs('viewer');
    const snapshot = await fetchInbox();

    expect(snapshot.items.length).toBeGreaterThan(0);
    expect(snapshot.items.every((item) => item.mayExecute === false)).toBe(true);
  });

  it('decides once; a second decision says who was quicker; a refusal carries the server’s reason', async () => {
    emulator();
    signInAs('operator');
    const gate = find((await fetchInbox()).items, (item) => item.name === 'Go / no-go');
    await expect(decideInboxItem({ item: gate, decision: 'approve' })).resolves.toEqual({
      outcome: 'refused',
      message: 'You are not permitted to approve this step',
    });

    signInAs('approver');
    await expect(decideInboxItem({ item: gate, decision: 'approve', message: 'Ship it' })).resolves.toEqual({
      outcome: 'done',
    });
    await expect(decideInboxItem({ item: gate, decision: 'reject' })).resolves.toMatchObject({
      outcome: 'already-decided',
      message: 'Already approved by approver',
    });

    const change = find((await fetchInbox()).items, (item) => item.metadata.ticket === 'OPS-1250');
    await expect(decideInboxItem({ item: change, decision: 'approve' })).resolves.toEqual({
      outcome: 'done',
    });
    signInAs('opschain');
    await expect(decideInboxItem({ item: change, decision: 'approve' })).resolves.toMatchObject({
      outcome: 'already-decided',
      message: 'Already approved by approver',
    });
  });

  it('reads targets and runs from the step links', () => {
    expect(targetOfChangeLink('/api/projects/bank/environments/dev/changes/c1')).toBe(
      '/projects/bank/environments/dev',
    );
    expect(targetOfChangeLink(undefined)).toBeNull();
    expect(runOfLink('/api/projects/bank/workflows/release_train/runs/r1')).toEqual({
      projectCode: 'bank',
      workflowCode: 'release_train',
      runId: 'r1',
    });
    expect(runOfLink('/api/somewhere/else')).toBeNull();
  });
});
