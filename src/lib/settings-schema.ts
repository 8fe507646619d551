// The settings keys OpsChain documents (domain §6.3) and a JSON Schema of them for Monaco's JSON language
// service: types, the levels a key belongs to, hover text, and user/group names to complete
// `requires_approval_from`. Keys OpsChain does not document stay allowed (the API accepts any key).

export type SettingLevel = 'project' | 'environment' | 'asset';

export const SETTING_LEVELS: readonly SettingLevel[] = ['project', 'environment', 'asset'];

export const SETTING_KEYS = [
  'allow_parallel_changes',
  'allow_parallel_runs_of_same_workflow',
  'requires_approval_from',
  'change_log_retention_days',
  'event_retention_days',
  'notifications',
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

/**
 * Where each key may be set. The docs list project-only keys and project-or-environment keys; environment
 * values override project values and, inferred (domain §6.3), an asset's override its environment's, so
 * keys an environment may set an asset may set too.
 */
export const settingKeyLevels: Readonly<Record<SettingKey, readonly SettingLevel[]>> = {
  allow_parallel_changes: ['project'],
  allow_parallel_runs_of_same_workflow: ['project'],
  requires_approval_from: ['project', 'environment', 'asset'],
  change_log_retention_days: ['project', 'environment', 'asset'],
  event_retention_days: ['project', 'environment', 'asset'],
  notifications: ['project', 'environment', 'asset'],
};

/** The value OpsChain uses when no level sets the key; undefined for "unset" (no approval, keep forever). */
export const settingDefaults: Readonly<Record<SettingKey, boolean | undefined>> = {
  allow_parallel_changes: false,
  allow_parallel_runs_of_same_workflow: false,
  requires_approval_from: undefined,
  change_log_retention_days: undefined,
  event_retention_days: undefined,
  notifications: undefined,
};

/** Short labels for forms and tables. */
export const settingLabels: Readonly<Record<SettingKey, string>> = {
  allow_parallel_changes: 'Allow parallel changes',
  allow_parallel_runs_of_same_workflow: 'Allow parallel runs of the same workflow',
  requires_approval_from: 'Requires approval from',
  change_log_retention_days: 'Change log retention (days)',
  event_retention_days: 'Event retention (days)',
  notifications: 'Notifications',
};

/** One sentence per key, as plain text (form help) and the start of the hover text. */
export const settingDescriptions: Readonly<Record<SettingKey, string>> = {
  allow_parallel_changes:
    'Several changes may run at once on one target (project, environment or asset). By default one change runs at a time per target and the others wait in creation order.',
  allow_parallel_runs_of_same_workflow: 'Several runs of one workflow may run at the same time.',
  requires_approval_from:
    'Changes wait until a listed user, or a member of a listed group, approves them. A comma-separated list, e.g. "some_username, an_ldap_group".',
  change_log_retention_days:
    'Delete change logs this many days after the change finished. 0 deletes them at every clean-up run; null keeps them forever, even when a higher level sets a number.',
  event_retention_days:
    'Delete events this many days after they happened. 0 deletes them at every clean-up run; null keeps them forever, even when a higher level sets a number.',
  notifications:
    'Where to send notifications (named lists of URLs) and for which change and workflow run events. A change can override the events in its metadata.notifications.events.',
};

export const NOTIFICATION_SUBJECTS = ['change', 'workflow_run'] as const;
export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[number];
export const NOTIFICATION_MOMENTS = ['start', 'success', 'failure', 'all_events'] as const;
export type NotificationMoment = (typeof NOTIFICATION_MOMENTS)[number];

const LEVEL_NAMES: Readonly<Record<SettingLevel, string>> = {
  project: 'projects',
  environment: 'environments',
  asset: 'assets',
};

/** "projects and environments" */
export function levelList(levels: readonly SettingLevel[]): string {
  const names = levels.map((level) => LEVEL_NAMES[level]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Why a key set at `level` has no documented effect there, or null when the key belongs to the level. */
export function levelWarning(key: SettingKey, level: SettingLevel): string | null {
  const levels = settingKeyLevels[key];
  return levels.includes(level)
    ? null
    : `${key} is a setting for ${levelList(levels)}; OpsChain does not document it for ${LEVEL_NAMES[level]}.`;
}

/** The subset of JSON Schema (draft-07) plus the VS Code extensions Monaco's JSON service reads. */
// A type alias (not an interface) so it is assignable to Record<string, unknown>, the editor wrapper's schema type.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- see above
export type JsonSchema = {
  $schema?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  /** Monaco shows a warning marker with this text wherever the property is used. */
  deprecationMessage?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  examples?: unknown[];
  default?: unknown;
  minimum?: number;
  uniqueItems?: boolean;
  format?: string;
};

export interface SettingsSchemaInput {
  /** Usernames, offered for `requires_approval_from`. */
  users: readonly string[];
  /** Group names (LDAP `cn`), offered for `requires_approval_from`. */
  groups: readonly string[];
  /** The level being edited; keys that do not belong there get a warning marker. */
  level?: SettingLevel | undefined;
}

function hover(key: SettingKey, extra = ''): Pick<JsonSchema, 'description' | 'markdownDescription'> {
  const levels = `Set on ${levelList(settingKeyLevels[key])}.`;
  const fallback = settingDefaults[key];
  const defaultText = fallback === undefined ? 'Unset by default.' : `Default: \`${String(fallback)}\`.`;
  return {
    description: `${settingDescriptions[key]} ${levels} ${defaultText}${extra}`,
    markdownDescription: `**${settingLabels[key]}**\n\n${settingDescriptions[key]}\n\n${levels} ${defaultText}${extra}`,
  };
}

function notificationEventSchema(): JsonSchema {
  const moment: JsonSchema = {
    type: 'object',
    properties: {
      notify: { type: 'boolean', description: 'Send a notification for this event.' },
      notify_to: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Names of the targets (keys of notifications.targets) to notify.',
      },
    },
  };
  const subject = (what: string): JsonSchema => ({
    type: 'object',
    description: `Notifications for ${what}.`,
    properties: {
      start: { ...moment, description: `When a ${what} starts.` },
      success: { ...moment, description: `When a ${what} succeeds.` },
      failure: { ...moment, description: `When a ${what} fails.` },
      all_events: { ...moment, description: `For every event of a ${what}.` },
    },
  });
  return {
    type: 'object',
    description: 'Which events notify which targets.',
    properties: { change: subject('change'), workflow_run: subject('workflow run') },
  };
}

function dedupe(names: readonly string[]): string[] {
  return [...new Set(names.filter((name) => name.trim() !== ''))].sort((a, b) => a.localeCompare(b));
}

/** The settings document's schema for Monaco (`jsonDefaults.setDiagnosticsOptions({ schemas })`). */
export function settingsJsonSchema({ users, groups, level }: SettingsSchemaInput): JsonSchema {
  const names = dedupe([...users, ...groups]);
  const retention: JsonSchema = { type: ['integer', 'null'], minimum: 0 };
  const keys: Record<SettingKey, JsonSchema> = {
    allow_parallel_changes: { type: 'boolean', default: false, ...hover('allow_parallel_changes') },
    allow_parallel_runs_of_same_workflow: {
      type: 'boolean',
      default: false,
      ...hover('allow_parallel_runs_of_same_workflow'),
    },
    requires_approval_from: {
      type: ['string', 'null'],
      examples: names,
      ...hover(
        'requires_approval_from',
        names.length > 0 ? ' Completion offers the users and groups this server knows.' : '',
      ),
    },
    change_log_retention_days: { ...retention, ...hover('change_log_retention_days') },
    event_retention_days: { ...retention, ...hover('event_retention_days') },
    notifications: {
      type: ['object', 'null'],
      ...hover('notifications'),
      properties: {
        targets: {
          type: 'object',
          description: 'Named lists of URLs to send notifications to.',
          additionalProperties: { type: 'array', items: { type: 'string', format: 'uri' } },
        },
        events: notificationEventSchema(),
      },
    },
  };
  if (level !== undefined) {
    for (const key of SETTING_KEYS) {
      const warning = levelWarning(key, level);
      if (warning !== null) keys[key] = { ...keys[key], deprecationMessage: warning };
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'OpsChain settings',
    type: 'object',
    properties: keys,
    // OpsChain accepts keys it does not document; they are kept as they are.
    additionalProperties: true,
  };
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}
