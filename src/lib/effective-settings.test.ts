import { describe, expect, it } from 'vitest';
import {
  describeSettingSource,
  describeSettingValue,
  effectiveSetting,
  effectiveSettings,
} from './effective-settings';

const project = (data: Record<string, unknown> | null) => ({
  level: 'project' as const,
  label: 'Bank',
  data,
});
const environment = (data: Record<string, unknown> | null) => ({
  level: 'environment' as const,
  label: 'Production',
  data,
});

describe('effectiveSettings', () => {
  it('takes the nearest node that sets a key; the environment overrides its project', () => {
    const result = effectiveSettings([
      project({ requires_approval_from: 'admins', allow_parallel_changes: true }),
      environment({ requires_approval_from: 'approvers' }),
    ]);
    expect(result.requires_approval_from).toEqual({
      key: 'requires_approval_from',
      value: 'approvers',
      source: { kind: 'here', level: 'environment', label: 'Production' },
      isUncertain: false,
    });
    expect(result.allow_parallel_changes).toMatchObject({
      value: true,
      source: { kind: 'inherited', level: 'project', label: 'Bank' },
    });
  });

  it('counts null as set: an environment keeps logs forever although its project deletes them', () => {
    const result = effectiveSetting(
      [project({ change_log_retention_days: 30 }), environment({ change_log_retention_days: null })],
      'change_log_retention_days',
    );
    expect(result.value).toBeNull();
    expect(result.source.kind).toBe('here');
  });

  it("falls back to OpsChain's default when no node sets the key", () => {
    const result = effectiveSettings([project({}), environment({})]);
    expect(result.allow_parallel_changes).toMatchObject({ value: false, source: { kind: 'default' } });
    expect(result.requires_approval_from).toMatchObject({ value: undefined, source: { kind: 'default' } });
  });

  it('is uncertain when a node nearer than the source could not be read', () => {
    const layers = [
      project({ event_retention_days: 7 }),
      environment(null),
      { level: 'asset' as const, label: 'db', data: {} },
    ];
    expect(effectiveSetting(layers, 'event_retention_days')).toMatchObject({
      value: 7,
      isUncertain: true,
      source: { kind: 'inherited', level: 'project' },
    });
    expect(
      effectiveSetting([project(null), environment({ event_retention_days: 1 })], 'event_retention_days'),
    ).toMatchObject({ isUncertain: false, source: { kind: 'here' } });
  });

  it('replaces a notifications block whole rather than merging it', () => {
    const result = effectiveSetting(
      [
        project({ notifications: { targets: { slack: ['https://a'] } } }),
        environment({ notifications: { events: {} } }),
      ],
      'notifications',
    );
    expect(result.value).toEqual({ events: {} });
  });
});

describe('describeSettingValue and describeSettingSource', () => {
  it('puts values in words and flags values of the wrong type', () => {
    expect(describeSettingValue('allow_parallel_changes', true)).toBe('Yes');
    expect(describeSettingValue('requires_approval_from', 'alice, approvers')).toBe('alice, approvers');
    expect(describeSettingValue('requires_approval_from', undefined)).toBe('Not set');
    expect(describeSettingValue('event_retention_days', 1)).toBe('1 day');
    expect(describeSettingValue('event_retention_days', 0)).toBe('Delete at every clean-up run');
    expect(describeSettingValue('change_log_retention_days', null)).toBe('Keep forever');
    expect(
      describeSettingValue('notifications', {
        targets: { slack: ['https://hooks'], mail: [] },
        events: { change: { failure: { notify: true }, start: { notify: false } } },
      }),
    ).toBe('2 targets, 1 event notified');
    expect(describeSettingValue('allow_parallel_changes', 'yes')).toBe('"yes" (not a valid value)');
  });

  it('says where the value comes from', () => {
    const layers = [project({ allow_parallel_changes: true }), environment(null), environment({})];
    expect(describeSettingSource(effectiveSetting(layers, 'allow_parallel_changes'))).toBe(
      "Inherited from project Bank (a parent's settings could not be read)",
    );
    expect(describeSettingSource(effectiveSetting([project({})], 'allow_parallel_changes'))).toBe(
      'OpsChain default',
    );
    expect(describeSettingSource(effectiveSetting([project({})], 'notifications'))).toBe('Not set anywhere');
    expect(describeSettingSource(effectiveSetting([project({ notifications: null })], 'notifications'))).toBe(
      'Set here',
    );
  });
});
