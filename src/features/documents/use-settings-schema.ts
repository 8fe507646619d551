import { useMemo } from 'react';
import { settingsJsonSchema, type JsonSchema, type SettingLevel } from '@/lib/settings-schema';
import { useApproverNames } from './use-approver-names';

/** The settings JSON Schema for Monaco at a level, completing the server's user and group names. */
export function useSettingsSchema(level: SettingLevel): JsonSchema {
  const { users, groups } = useApproverNames();
  // Stable while the lists are: Monaco re-validates whenever the schema object changes.
  const key = `${users.join('\n')}\u0000${groups.join('\n')}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the joined names stand for the two lists
  return useMemo(() => settingsJsonSchema({ users, groups, level }), [key, level]);
}
