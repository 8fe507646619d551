import { Code, Table, Text } from '@mantine/core';
import {
  describeSettingSource,
  describeSettingValue,
  effectiveSettings,
  type SettingsLayer,
} from '@/lib/effective-settings';
import { SETTING_KEYS, settingLabels } from '@/lib/settings-schema';

export interface EffectiveSettingsTableProps {
  /** Project first, the node itself last. */
  layers: readonly SettingsLayer[];
}

/** Each documented setting's value in force at the last layer, and the node it comes from. */
export function EffectiveSettingsTable({ layers }: EffectiveSettingsTableProps) {
  const effective = effectiveSettings(layers);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} fz="sm" aria-label="Effective settings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Setting</Table.Th>
            <Table.Th scope="col">Value in force</Table.Th>
            <Table.Th scope="col">Comes from</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SETTING_KEYS.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw="normal">
                {settingLabels[key]}
                <Text span size="xs" c="dimmed" display="block">
                  <Code>{key}</Code>
                </Text>
              </Table.Th>
              <Table.Td>{describeSettingValue(key, effective[key].value)}</Table.Td>
              <Table.Td>{describeSettingSource(effective[key])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
