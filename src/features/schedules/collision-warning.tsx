import { List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { formatUtc, nearCollisions, type ScheduleTiming } from '@/lib/cron';
import { WarningAlert } from '@/ui/warning-alert';

/** How close two schedules on one target may fire before the form warns. */
export const COLLISION_WINDOW_MINUTES = 5;

export interface CollisionWarningProps {
  expression: string;
  /** The other schedules on the same target. */
  others: readonly ScheduleTiming[];
  now: Date;
}

/**
 * Warns when another schedule on the same target fires within a few minutes of this one in the coming week:
 * OpsChain runs one change per target at a time unless the project allows parallel changes (domain §7.8), so
 * the later one waits for the earlier.
 */
export function CollisionWarning({ expression, others, now }: CollisionWarningProps) {
  const found = useMemo(
    () => nearCollisions(expression, others, { withinMinutes: COLLISION_WINDOW_MINUTES, from: now }),
    [expression, others, now],
  );
  if (found.length === 0) return null;
  return (
    <WarningAlert title="Another schedule on this target fires close to this one">
      <Text size="sm">
        Within {COLLISION_WINDOW_MINUTES} minutes in the coming week. Unless the project allows parallel
        changes, one change runs on a target at a time, so the later one waits for the earlier to finish.
      </Text>
      <List size="sm" mt={4}>
        {found.map((hit) => (
          <List.Item key={hit.schedule.id}>
            {hit.schedule.label}: fires {formatUtc(hit.otherAt)}, this one {formatUtc(hit.at)}
          </List.Item>
        ))}
      </List>
    </WarningAlert>
  );
}
