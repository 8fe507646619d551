import { settingDefaults, type SettingKey, type SettingLevel } from './settings-schema';

// Settings inherit project → environment → asset: for each key the nearest node whose settings define it
// decides, so an environment's value overrides its project's (domain §6.3), and a value of null counts as
// defined ("keep forever" overrides a project's retention). A key is inherited whole: the nearest
// `notifications` object replaces a higher one (what the emulator does; OpsChain's docs do not say more).

/** One node's settings, project first in the list; `data` null when that document could not be read. */
export interface SettingsLayer {
  level: SettingLevel;
  /** How to name the node to the user: its name or path. */
  label: string;
  data: Readonly<Record<string, unknown>> | null;
}

export type SettingSource =
  /** The node being shown sets the key. */
  | { kind: 'here'; level: SettingLevel; label: string }
  /** A parent sets it. */
  | { kind: 'inherited'; level: SettingLevel; label: string }
  /** No node sets it; OpsChain's default applies. */
  | { kind: 'default' };

export interface EffectiveSetting {
  key: SettingKey;
  /** The value in force; undefined when nothing sets the key and it has no default ("unset"). */
  value: unknown;
  source: SettingSource;
  /**
   * A node between this one and the source (or above, when nothing sets the key) could not be read, so a
   * value there might be the one in force.
   */
  isUncertain: boolean;
}

/** For each documented key, the value in force at the last layer and which layer supplied it. */
export function effectiveSettings(
  layers: readonly SettingsLayer[],
): Readonly<Record<SettingKey, EffectiveSetting>> {
  const of = (key: SettingKey) => effectiveSetting(layers, key);
  return {
    allow_parallel_changes: of('allow_parallel_changes'),
    allow_parallel_runs_of_same_workflow: of('allow_parallel_runs_of_same_workflow'),
    requires_approval_from: of('requires_approval_from'),
    change_log_retention_days: of('change_log_retention_days'),
    event_retention_days: of('event_retention_days'),
    notifications: of('notifications'),
  };
}

export function effectiveSetting(layers: readonly SettingsLayer[], key: SettingKey): EffectiveSetting {
  let isUncertain = false;
  for (let index = layers.length - 1; index >= 0; index -= 1) {
    const layer = layers[index];
    if (layer === undefined) continue;
    if (layer.data === null) {
      isUncertain = true;
      continue;
    }
    if (Object.hasOwn(layer.data, key)) {
      const kind = index === layers.length - 1 ? 'here' : 'inherited';
      return {
        key,
        value: layer.data[key],
        source: { kind, level: layer.level, label: layer.label },
        isUncertain,
      };
    }
  }
  return { key, value: settingDefaults[key], source: { kind: 'default' }, isUncertain };
}

function plural(count: number, one: string): string {
  return `${String(count)} ${one}${count === 1 ? '' : 's'}`;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const valuesOf = (value: unknown): unknown[] => (isRecord(value) ? Object.values(value) : []);

function notificationsSummary(value: Readonly<Record<string, unknown>>): string {
  const targetCount = valuesOf(value.targets).length;
  const eventCount = valuesOf(value.events)
    .flatMap(valuesOf)
    .filter((moment) => isRecord(moment) && moment.notify === true).length;
  return `${plural(targetCount, 'target')}, ${plural(eventCount, 'event')} notified`;
}

/** A setting's value in words for tables: "Yes", "30 days", "Keep forever", "Not set". */
export function describeSettingValue(key: SettingKey, value: unknown): string {
  if (value === undefined) return 'Not set';
  switch (key) {
    case 'allow_parallel_changes':
    case 'allow_parallel_runs_of_same_workflow':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      break;
    case 'requires_approval_from':
      if (value === null || value === '') return 'No approval needed';
      if (typeof value === 'string') return value;
      break;
    case 'change_log_retention_days':
    case 'event_retention_days':
      if (value === null) return 'Keep forever';
      if (value === 0) return 'Delete at every clean-up run';
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) return plural(value, 'day');
      break;
    case 'notifications':
      if (value === null) return 'None';
      if (isRecord(value)) return notificationsSummary(value);
      break;
  }
  return `${JSON.stringify(value)} (not a valid value)`;
}

/** Where a setting's value comes from, in words: "Set here", "Inherited from project Bank". */
export function describeSettingSource({ source, value, isUncertain }: EffectiveSetting): string {
  const caveat = isUncertain ? " (a parent's settings could not be read)" : '';
  switch (source.kind) {
    case 'here':
      return `Set here${caveat}`;
    case 'inherited':
      return `Inherited from ${source.level} ${source.label}${caveat}`;
    case 'default':
      return `${value === undefined ? 'Not set anywhere' : 'OpsChain default'}${caveat}`;
  }
}
