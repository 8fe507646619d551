import { Alert, Stack, Switch } from '@mantine/core';
import {
  describeSettingValue,
  effectiveSettings,
  type EffectiveSetting,
  type SettingsLayer,
} from '@/lib/effective-settings';
import { isJsonRecord, setIn, type JsonRecord } from '@/lib/settings-document';
import {
  levelWarning,
  settingDescriptions,
  settingKeyLevels,
  settingLabels,
  type SettingKey,
  type SettingLevel,
} from '@/lib/settings-schema';
import { ApproversInput } from './approvers-input';
import { NotificationsFieldset } from './notifications-fieldset';
import { RetentionInput } from './retention-input';
import { SettingField } from './setting-field';

export interface SettingsFormProps {
  /** The settings document being edited (parsed JSON); keys the form does not know are kept as they are. */
  value: unknown;
  onChange: (next: unknown) => void;
  readOnly?: boolean;
  /** The level of the node whose settings these are. */
  level: SettingLevel;
  /** Usernames and group names offered for `requires_approval_from`. */
  users: readonly string[];
  groups: readonly string[];
  /** The parents' settings, project first, to show what this node inherits; omit for a project. */
  inherited?: readonly SettingsLayer[];
}

const BOOLEAN_KEYS = ['allow_parallel_changes', 'allow_parallel_runs_of_same_workflow'] as const;
const RETENTION_KEYS = ['change_log_retention_days', 'event_retention_days'] as const;

/** A form for the documented settings keys (domain §6.3), editing the same JSON document as the raw view. */
export function SettingsForm({
  value,
  onChange,
  readOnly = false,
  level,
  users,
  groups,
  inherited = [],
}: SettingsFormProps) {
  if (!isJsonRecord(value)) {
    return (
      <Alert color="yellow" title="The form needs a JSON object">
        The settings are not a JSON object; correct them in the JSON view to use the form.
      </Alert>
    );
  }
  const document: JsonRecord = value;
  const effective = effectiveSettings([...inherited, { level, label: 'this node', data: document }]);
  const parentsOnly = effectiveSettings(inherited);
  const set = (key: SettingKey, next: unknown) => {
    onChange(setIn(document, [key], next));
  };
  const fieldProps = (key: SettingKey) => ({
    effective: effective[key],
    isSetHere: Object.hasOwn(document, key),
    hasFallback: parentsOnly[key].value !== undefined,
    readOnly,
    onUnset: () => {
      set(key, undefined);
    },
  });
  const placeholder = (setting: EffectiveSetting) =>
    Object.hasOwn(document, setting.key)
      ? ''
      : `Inherited: ${describeSettingValue(setting.key, parentsOnly[setting.key].value)}`;

  return (
    <Stack gap="lg">
      {BOOLEAN_KEYS.map((key) => {
        const isAllowed = settingKeyLevels[key].includes(level);
        const warning = levelWarning(key, level);
        return (
          <SettingField key={key} {...fieldProps(key)}>
            <Switch
              label={settingLabels[key]}
              // The label element wraps the description too; keep the accessible name to the label.
              aria-label={settingLabels[key]}
              description={isAllowed ? settingDescriptions[key] : `Set on projects only. ${warning ?? ''}`}
              checked={effective[key].value === true}
              disabled={readOnly || !isAllowed}
              onChange={(event) => {
                set(key, event.currentTarget.checked);
              }}
            />
          </SettingField>
        );
      })}
      <SettingField {...fieldProps('requires_approval_from')}>
        <ApproversInput
          value={document.requires_approval_from}
          users={users}
          groups={groups}
          readOnly={readOnly}
          description={settingDescriptions.requires_approval_from}
          placeholder={placeholder(effective.requires_approval_from) || 'Add users or groups'}
          onChange={(next) => {
            set('requires_approval_from', next);
          }}
        />
      </SettingField>
      {RETENTION_KEYS.map((key) => (
        <SettingField key={key} {...fieldProps(key)}>
          <RetentionInput
            label={settingLabels[key]}
            description={settingDescriptions[key]}
            value={document[key]}
            readOnly={readOnly}
            placeholder={placeholder(effective[key])}
            onChange={(next) => {
              set(key, next);
            }}
          />
        </SettingField>
      ))}
      <SettingField {...fieldProps('notifications')}>
        <NotificationsFieldset
          value={document.notifications}
          readOnly={readOnly}
          onChange={(next) => {
            set('notifications', next);
          }}
        />
      </SettingField>
    </Stack>
  );
}
