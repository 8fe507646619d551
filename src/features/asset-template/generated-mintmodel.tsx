import { Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { generatedMintmodelQuery } from '@/api/mintmodels';
import { ErrorState } from '@/ui/error-state';
import { JsonView } from '@/ui/json-view';
import { TableSkeleton } from '@/ui/table-skeleton';

export interface GeneratedMintmodelProps {
  assetPath: string;
}

/** Renders the asset's MintModel from its current data; OpsChain does not store it. */
export function GeneratedMintmodel({ assetPath }: GeneratedMintmodelProps) {
  const generated = useQuery(generatedMintmodelQuery(assetPath));
  if (generated.isPending) return <TableSkeleton label="Rendering the MintModel" rows={6} />;
  if (generated.isError) {
    return (
      <ErrorState
        title="The MintModel could not be rendered"
        message={failureMessage(generated.error)}
        onRetry={() => void generated.refetch()}
        isRetrying={generated.isFetching}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        Rendered from the asset's current properties; not stored. SHA-256 <Code>{generated.data.sha256}</Code>
      </Text>
      <JsonView value={generated.data.data} label="Generated MintModel" maxHeight={560} />
    </Stack>
  );
}
