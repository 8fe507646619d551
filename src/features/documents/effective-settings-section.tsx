import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { toOneId } from '@contract/json-api';
import { failureMessage } from '@/api/failures';
import type { AnyNode } from '@/api/node-mutations';
import { documentQuery } from '@/api/properties';
import { ErrorState } from '@/ui/error-state';
import { TableSkeleton } from '@/ui/table-skeleton';
import { EffectiveSettingsTable } from './effective-settings-table';
import { useParentSettings } from './use-parent-settings';

export interface EffectiveSettingsSectionProps {
  node: AnyNode;
}

const INHERITANCE: Record<AnyNode['kind'], string> = {
  project: 'What applies to changes on this project and, unless they set their own, below it.',
  environment: "This environment's settings override its project's, key by key.",
  asset: "This asset's settings override its environment's and its project's, key by key.",
};

/** The current settings in force on a node, each with the node it comes from (this one or a parent). */
export function EffectiveSettingsSection({ node }: EffectiveSettingsSectionProps) {
  const settingsId = toOneId(node.relationships.settings);
  const isReadable = node.meta.authorisations.settings?.read !== false;
  // The same query as the settings panel above: no second request.
  const own = useQuery({
    ...documentQuery('settings', settingsId ?? ''),
    enabled: settingsId !== null && isReadable,
  });
  const parents = useParentSettings(node);

  let body: ReactNode;
  if (parents.status === 'error') {
    body = (
      <ErrorState
        title="The settings of the parents could not be loaded"
        message={failureMessage(parents.error)}
        onRetry={parents.retry}
      />
    );
  } else if (own.isError) {
    body = null; // The settings panel above reports it.
  } else if (parents.status === 'pending' || (own.isPending && settingsId !== null && isReadable)) {
    body = <TableSkeleton label="Loading the effective settings" rows={6} />;
  } else {
    const data = settingsId !== null && isReadable && own.data !== undefined ? own.data.data : null;
    body = (
      <EffectiveSettingsTable layers={[...parents.layers, { level: node.kind, label: node.name, data }]} />
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="effective-settings-heading">
      <Title order={3} size="h5" id="effective-settings-heading">
        Effective settings
      </Title>
      <Text size="sm" c="dimmed">
        {INHERITANCE[node.kind]} Current versions.
      </Text>
      {body}
    </Stack>
  );
}
