import { Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { failureMessage } from '@/api/failures';
import { mintmodelListQuery } from '@/api/mintmodels';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { TableSkeleton } from '@/ui/table-skeleton';
import { Timestamp } from '@/ui/timestamp';
import { GeneratedMintmodel } from './generated-mintmodel';
import { MintmodelView } from './mintmodel-view';
import { Dialog } from '@/ui/dialog';
import { WarningAlert } from '@/ui/warning-alert';
import { UnreadableRowsNotice } from '@/ui/unreadable-rows-notice';

export interface MintmodelsPanelProps {
  assetPath: string;
  /** `mintmodel_valid` of the asset: whether its MintModel currently renders. */
  isValid: boolean;
  /** The MintModel shown (from the URL). */
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}

/** The MintModels rendered for the asset's changes, and a fresh render on request (not stored). */
export function MintmodelsPanel({ assetPath, isValid, selectedId, onSelect }: MintmodelsPanelProps) {
  const mintmodels = useQuery(mintmodelListQuery(assetPath));
  const [isGenerating, setGenerating] = useState(false);

  let body: ReactNode;
  if (mintmodels.isPending) body = <TableSkeleton label="Loading MintModels" rows={3} />;
  else if (mintmodels.isError) {
    body = (
      <ErrorState
        title="The MintModels could not be loaded"
        message={failureMessage(mintmodels.error)}
        onRetry={() => void mintmodels.refetch()}
        isRetrying={mintmodels.isFetching}
      />
    );
  } else if (mintmodels.data.items.length === 0 && mintmodels.data.unreadable.length === 0) {
    body = (
      <EmptyState title="No MintModels yet">
        Each change on the asset renders one from its properties.
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" highlightOnHover aria-label="MintModels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rendered</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>Used by</Table.Th>
              <Table.Th>View</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...mintmodels.data.items].reverse().map((mintmodel) => (
              <Table.Tr key={mintmodel.id}>
                <Table.Td>
                  <Text size="sm">
                    <Timestamp value={mintmodel.created_at} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code title={mintmodel.sha256}>{mintmodel.sha256.slice(0, 16)}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {(() => {
                      const data = mintmodel.relationships.mintmodel_history?.data;
                      const count = Array.isArray(data) ? data.length : 0;
                      return count === 1 ? '1 history record' : `${String(count)} history records`;
                    })()}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      onSelect(mintmodel.id);
                    }}
                    aria-label={`View the MintModel rendered ${mintmodel.created_at}`}
                  >
                    View
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          MintModels
        </Title>
        <Button
          size="sm"
          variant="default"
          leftSection={<IconSparkles size={16} aria-hidden />}
          onClick={() => {
            setGenerating(true);
          }}
        >
          Generate now
        </Button>
      </Group>
      {isValid ? null : (
        <WarningAlert title="The MintModel does not render">
          OpsChain reports that this asset's MintModel cannot be rendered from its current properties.
          Generate it to see the error.
        </WarningAlert>
      )}
      {mintmodels.isSuccess ? (
        <UnreadableRowsNotice rows={mintmodels.data.unreadable} what="MintModels" />
      ) : null}
      {body}
      <Dialog
        opened={selectedId !== undefined}
        onClose={() => {
          onSelect(undefined);
        }}
        title="MintModel"
        size="xl"
      >
        {selectedId === undefined ? null : <MintmodelView assetPath={assetPath} id={selectedId} />}
      </Dialog>
      <Dialog
        opened={isGenerating}
        onClose={() => {
          setGenerating(false);
        }}
        title="MintModel rendered now"
        size="xl"
      >
        {isGenerating ? <GeneratedMintmodel assetPath={assetPath} /> : null}
      </Dialog>
    </Stack>
  );
}
