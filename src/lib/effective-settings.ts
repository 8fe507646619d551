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
