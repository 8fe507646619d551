import { describe, expect, it } from 'vitest';
import { SETTING_KEYS, levelWarning, settingKeyLevels, settingsJsonSchema } from './settings-schema';

describe('settingsJsonSchema', () => {
  it('describes every documented key with a type and hover text, and lets other keys through', () => {
    const schema = settingsJsonSchema({ users: [], groups: [] });
    expect(Object.keys(schema.properties ?? {})).toEqual([...SETTING_KEYS]);
    for (const key of SETTING_KEYS) {
      const property = schema.properties?.[key];
      expect(property?.type).toBeDefined();
      expect(property?.description).toMatch(/Set on /);
      expect(property?.markdownDescription).toMatch(/^\*\*/);
    }
    expect(schema.additionalProperties).toBe(true);
    expect(schema.properties?.allow_parallel_changes).toMatchObject({ type: 'boolean', default: false });
    expect(schema.properties?.change_log_retention_days).toMatchObject({
      type: ['integer', 'null'],
      minimum: 0,
    });
  });

  it('offers user and group names for requires_approval_from, sorted and without duplicates', () => {
    const schema = settingsJsonSchema({ users: ['operator', 'admin', ''], groups: ['approvers', 'admin'] });
    expect(schema.properties?.requires_approval_from).toMatchObject({
      type: ['string', 'null'],
      examples: ['admin', 'approvers', 'operator'],
    });
  });

  it('warns (a deprecation marker in Monaco) about project-only keys in an environment or asset', () => {
    const environment = settingsJsonSchema({ users: [], groups: [], level: 'environment' });
    expect(environment.properties?.allow_parallel_changes?.deprecationMessage).toBe(
      'allow_parallel_changes is a setting for projects; OpsChain does not document it for environments.',
    );
    expect(environment.properties?.requires_approval_from?.deprecationMessage).toBeUndefined();
    const project = settingsJsonSchema({ users: [], groups: [], level: 'project' });
    for (const key of SETTING_KEYS) expect(project.properties?.[key]?.deprecationMessage).toBeUndefined();
  });

  it('describes the notifications block down to notify and notify_to', () => {
    const notifications = settingsJsonSchema({ users: [], groups: [] }).properties?.notifications;
    const events = notifications?.properties?.events;
    expect(events?.properties?.change?.properties?.failure?.properties?.notify?.type).toBe('boolean');
    expect(events?.properties?.workflow_run?.properties?.all_events?.properties?.notify_to?.type).toBe(
      'array',
    );
    expect(notifications?.properties?.targets?.additionalProperties).toMatchObject({ type: 'array' });
  });
});

describe('settingKeyLevels', () => {
  it('keeps parallelism keys on projects and lets environments and assets set the rest', () => {
    expect(settingKeyLevels.allow_parallel_changes).toEqual(['project']);
    expect(settingKeyLevels.requires_approval_from).toEqual(['project', 'environment', 'asset']);
    expect(levelWarning('event_retention_days', 'asset')).toBeNull();
    expect(levelWarning('allow_parallel_runs_of_same_workflow', 'asset')).toMatch(/for projects;/);
  });
});
