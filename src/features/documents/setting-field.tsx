import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { describeSettingSource, describeSettingValue, type EffectiveSetting } from '@/lib/effective-settings';
import { settingLabels } from '@/lib/settings-schema';

export interface SettingFieldProps {
  effective: EffectiveSetting;
  /** Whether this node's document has the key (so it can be removed again). */
  isSetHere: boolean;
  /** Whether a parent or a default would take over once the key is removed here. */
  hasFallback: boolean;
  readOnly: boolean;
  onUnset: () => void;
  children: ReactNode;
}

// 4.5:1 or better in both schemes.
const NOTE_TEXT = 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))';

/** One setting's control, with the value in force, where it comes from and a way back to inheriting. */
export function SettingField({
  effective,
  isSetHere,
  hasFallback,
  readOnly,
  onUnset,
  children,
}: SettingFieldProps) {
  const label = settingLabels[effective.key];
  const action = hasFallback ? 'Inherit instead' : 'Remove';
  return (
    <Stack gap={4}>
      {children}
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c={NOTE_TEXT}>
          In force: {describeSettingValue(effective.key, effective.value)} ·{' '}
          {describeSettingSource(effective)}
        </Text>
        {isSetHere && !readOnly ? (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={onUnset}
            aria-label={`${action}: remove ${label} from this document`}
          >
            {action}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
