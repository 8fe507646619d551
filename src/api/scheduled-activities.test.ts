import { describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { ApiError } from './errors';
import {
  createScheduledActivity,
  deleteScheduledActivity,
  listScheduledActivities,
} from './scheduled-activities';

const emulator = setUpEmulator();

const DEV = { kind: 'environment', projectCode: 'bank', environmentCode: 'dev' } as const;
const SOA_DEV = { kind: 'asset', projectCode: 'bank', environmentCode: 'dev', assetCode: 'soa_dev' } as const;
const BANK = { kind: 'project', projectCode: 'bank' } as const;

describe('scheduled activities', () => {
  it('creates a scheduled change on an environment and lists it there with the node and permissions', async () => {
    signInAs('opschain');
    const created = await createScheduledActivity({
      node: DEV,
      attributes: {
        action: 'hello',
        git_remote_name: 'origin',
        git_rev: 'main',
        cron_schedule: '0 3 * * *',
        repeat: true,
        new_commits_only: false,
        metadata: { ticket: 'OPS-1' },
      },
    });

    expect(created).toMatchObject({ type: 'scheduled_change', action: 'hello', node: DEV });
    const list = await listScheduledActivities(DEV);
    const row = list.items.find((item) => item.id === created.id);
    expect(row).toMatchObject({ cron_schedule: '0 3 * * *', metadata: { ticket: 'OPS-1' }, node: DEV });
    expect(row?.authorisations?.scheduled_activities?.update).toBe(true);
    expect(list.hasAny).toBe(true);
  });

  it('schedules a change on an asset without a Git remote, and finds it by filter in the global list', async () => {
    signInAs('opschain');
    const created = await createScheduledActivity({
      node: SOA_DEV,
      attributes: {
        action: 'deploy',
        cron_schedule: '15 4 * * 1',
        repeat: false,
        new_commits_only: true,
        metadata: {},
      },
    });

    const list = await listScheduledActivities(null, {
      filters: { asset_code_eq: 'soa_dev', action_eq: 'deploy' },
    });
    expect(list.items.map((item) => item.id)).toContain(created.id);
    expect(list.items.find((item) => item.id === created.id)).toMatchObject({
      node: SOA_DEV,
      git_remote_name: null,
      repeat: false,
    });
  });

  it('lists scheduled workflows of the demo with their workflow', async () => {
    signInAs('opschain');
    const list = await listScheduledActivities(BANK, { filters: { type_eq: 'scheduled_workflow' } });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((item) => item.type === 'scheduled_workflow')).toBe(true);
  });

  it('answers a bad cron expression with a 422 on cron_schedule', async () => {
    signInAs('opschain');
    const failure = await createScheduledActivity({
      node: DEV,
      attributes: {
        action: 'hello',
        git_remote_name: 'origin',
        git_rev: 'main',
        cron_schedule: '0 0 30 2 *',
        repeat: true,
        new_commits_only: false,
        metadata: {},
      },
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure instanceof ApiError ? failure.byPointer() : null).toEqual({
      cron_schedule: 'Cron schedule never fires',
    });
  });

  it('deletes a schedule (204), after which it is gone', async () => {
    signInAs('opschain');
    const created = await createScheduledActivity({
      node: SOA_DEV,
      attributes: {
        action: 'deploy',
        cron_schedule: '0 1 * * *',
        repeat: true,
        new_commits_only: false,
        metadata: {},
      },
    });
    await deleteScheduledActivity({ id: created.id });

    const list = await listScheduledActivities(SOA_DEV);
    expect(list.items.map((item) => item.id)).not.toContain(created.id);
  });

  it('tells a viewer they may read but not change schedules', async () => {
    signInAs('viewer');
    const list = await listScheduledActivities(BANK);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items[0]?.authorisations?.scheduled_activities?.update).not.toBe(true);
  });

  it('keeps the readable schedules of a list and marks one it cannot read', async () => {
    signInAs('opschain');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const odd = await createScheduledActivity({
      node: SOA_DEV,
      attributes: {
        action: 'odd',
        cron_schedule: '0 5 * * *',
        repeat: true,
        new_commits_only: false,
        metadata: {},
      },
    });
    // A creation time that is not ISO 8601, as a misbehaving server might send.
    emulator()
      .app.emulator.sql("UPDATE scheduled_activities SET created_at = 'yesterday' WHERE id = ?")
      .run(odd.id);

    const all = await listScheduledActivities(null);
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.unreadable).toMatchObject([{ id: odd.id }]);
    expect(all.items.map((item) => item.id)).not.toContain(odd.id);
  });
});
