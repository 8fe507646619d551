import { Accordion, Code, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { convergedPropertiesQuery, type ConvergedSource } from '@/api/converged-properties';
import { failureMessage } from '@/api/failures';
import { ownerLayerKind, type OriginLayer } from '@/lib/converged-origins';
import { ErrorState } from '@/ui/error-state';
import { JsonView } from '@/ui/json-view';
import { TableSkeleton } from '@/ui/table-skeleton';
import { ConvergedOriginsTable } from './converged-origins-table';

export interface ConvergedPropertiesPanelProps {
  assetPath: string;
}

const KIND_LABELS = { project: 'Project', environment: 'Environment', asset: 'Asset' } as const;

/** Short layer names for the origins table: "Project /projects/bank", "Repository file .opschain/…". */
function layerLabel(source: ConvergedSource): string {
  if (source.kind === 'repository') return `Repository file ${source.repositoryPath ?? source.id}`;
  const kind = ownerLayerKind(source.ownerLink);
  const owner = source.ownerLink?.replace(/^\/api(?=\/)/, '') ?? `properties ${source.id}`;
  return kind === null ? `Properties of ${owner}` : `${KIND_LABELS[kind]} ${owner}`;
}

function toOriginLayers(sources: readonly ConvergedSource[]): OriginLayer[] {
  return sources.map((source) => ({ label: layerLabel(source), data: source.data }));
}

function sourceTitle(source: ConvergedSource): string {
  if (source.kind === 'repository') return `Repository file ${source.repositoryPath ?? source.id}`;
  const owner = source.ownerLink?.replace(/^\/api(?=\/)/, '') ?? 'unknown owner';
  return `Properties of ${owner} (version ${String(source.version)})`;
}

/** What the asset's actions see: every properties layer merged, and each layer on its own. */
export function ConvergedPropertiesPanel({ assetPath }: ConvergedPropertiesPanelProps) {
  const converged = useQuery(convergedPropertiesQuery(assetPath));
  const layers = useMemo(
    () => (converged.data === undefined ? [] : toOriginLayers(converged.data.sources)),
    [converged.data],
  );
  if (converged.isPending) return <TableSkeleton label="Loading the converged properties" rows={6} />;
  if (converged.isError) {
    return (
      <ErrorState
        title="The converged properties could not be loaded"
        message={failureMessage(converged.error)}
        onRetry={() => void converged.refetch()}
        isRetrying={converged.isFetching}
      />
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        Repository property files, then the project, environment and asset properties, merged in that order:
        later layers win, arrays are replaced.
      </Text>
      <JsonView value={converged.data.data} label="Converged properties" />
      <Title order={3} size="h5">
        Where each key comes from
      </Title>
      <ConvergedOriginsTable layers={layers} />
      <Title order={3} size="h5">
        Layers, lowest precedence first
      </Title>
      {converged.data.sources.length === 0 ? (
        <Text size="sm" c="dimmed">
          No layers contributed.
        </Text>
      ) : (
        <Accordion variant="separated" multiple>
          {converged.data.sources.map((source) => (
            <Accordion.Item key={`${source.kind}:${source.id}`} value={`${source.kind}:${source.id}`}>
              <Accordion.Control>
                <Text size="sm">
                  {sourceTitle(source)} {source.kind === 'repository' ? <Code>{source.id}</Code> : null}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <JsonView value={source.data} label={sourceTitle(source)} maxHeight={320} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
