import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ActivitySearch } from './activity-search';
import { ActivityList } from './activity-list';

export interface ActivityPageProps {
  search: ActivitySearch;
  onSearchChange: (patch: Partial<ActivitySearch>) => void;
  /** Buttons beside the list's export (Run change). */
  actions?: ReactNode;
}

/** Every change and workflow run the user may see, newest first, live. */
export function ActivityPage({ search, onSearchChange, actions }: ActivityPageProps) {
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Activity</Title>
        <Text c="dimmed">
          Changes and workflow runs, newest first. The list follows them live while this page is open.
        </Text>
      </Stack>
      <ActivityList scope={null} search={search} onSearchChange={onSearchChange} actions={actions} />
    </Stack>
  );
}
