import { describe, expect, it } from 'vitest';
import { initialScheduleValues, parseMetadata, scheduleBody, validateSchedule } from './schedule-form-values';

const NOW = new Date('2026-12-02T18:30:00Z');

describe('the new-schedule form', () => {
  it('asks for the action, remote and revision of a change off an asset', () => {
    expect(validateSchedule(initialScheduleValues('change'), { isAsset: false, now: NOW })).toMatchObject({
      action: 'Enter the action to run.',
      git_remote_name: 'Pick a Git remote.',
      git_rev: 'Enter a branch, tag or commit.',
      workflow_code: null,
      cron_schedule: null,
    });
  });

  it('needs no remote or revision on an asset, and a workflow for a scheduled workflow', () => {
    const values = { ...initialScheduleValues('change'), action: 'deploy' };
    expect(validateSchedule(values, { isAsset: true, now: NOW })).toMatchObject({
      git_remote_name: null,
      git_rev: null,
    });
    expect(validateSchedule(initialScheduleValues('workflow'), { isAsset: false, now: NOW })).toMatchObject({
      action: null,
      workflow_code: 'Pick a workflow.',
    });
  });

  it('refuses a cron expression with the reason, and metadata that is not an object', () => {
    const values = { ...initialScheduleValues('change'), cron_schedule: '* * * * * *', metadata: '[1]' };
    const errors = validateSchedule(values, { isAsset: true, now: NOW });
    expect(errors.cron_schedule).toMatch(/more than once a minute/);
    expect(errors.metadata).toMatch(/must be a JSON object/);
    expect(parseMetadata('{')).toMatchObject({ error: expect.stringMatching(/^Not valid JSON/) as unknown });
  });

  it('sends exactly the contract attributes for each kind of target', () => {
    const values = {
      ...initialScheduleValues('change'),
      action: ' deploy ',
      git_remote_name: 'origin',
      git_rev: ' main ',
      metadata: '{"ticket":"OPS-1"}',
      new_commits_only: true,
    };
    expect(scheduleBody(values, { isAsset: false })).toEqual({
      cron_schedule: '0 2 * * *',
      repeat: true,
      metadata: { ticket: 'OPS-1' },
      action: 'deploy',
      new_commits_only: true,
      git_remote_name: 'origin',
      git_rev: 'main',
    });
    expect(scheduleBody(values, { isAsset: true })).toEqual({
      cron_schedule: '0 2 * * *',
      repeat: true,
      metadata: { ticket: 'OPS-1' },
      action: 'deploy',
      new_commits_only: true,
    });
    expect(
      scheduleBody(
        { ...initialScheduleValues('workflow'), workflow_code: 'smoke_checks', repeat: false },
        { isAsset: false },
      ),
    ).toEqual({ cron_schedule: '0 2 * * *', repeat: false, metadata: {}, workflow_code: 'smoke_checks' });
  });
});
