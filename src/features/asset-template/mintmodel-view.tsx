import { Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { mintmodelQuery } from '@/api/mintmodels';
import { ErrorState } from '@/ui/error-state';
import { JsonView } from '@/ui/json-view';
import { TableSkeleton } from '@/ui/table-skeleton';
import { Timestamp } from '@/ui/timestamp';

export interface MintmodelViewProps {
  assetPath: string;
  id: string;
}

/** One stored MintModel. */
export function MintmodelView({ assetPath, id }: MintmodelViewProps) {
  const mintmodel = useQuery(mintmodelQuery(assetPath, id));
  if (mintmodel.isPending) return <TableSkeleton label="Loading the MintModel" rows={6} />;
  if (mintmodel.isError) {
    return (
      <ErrorState
        title="The MintModel could not be loaded"
        message={failureMessage(mintmodel.error)}
        onRetry={() => void mintmodel.refetch()}
        isRetrying={mintmodel.isFetching}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        Rendered <Timestamp value={mintmodel.data.created_at} />, SHA-256 <Code>{mintmodel.data.sha256}</Code>
      </Text>
      <JsonView value={mintmodel.data.data} label="MintModel" maxHeight={560} />
    </Stack>
  );
}
