import { Button, Group, Stack, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listQueryState, newestFirst } from '@/api/list-query-state';
import { mintmodelListQuery } from '@/api/mintmodels';
import { GeneratedMintmodel } from './generated-mintmodel';
import { MintmodelView } from './mintmodel-view';
import { MintmodelsTable } from './mintmodels-table';
import { Dialog } from '@/ui/dialog';
import { WarningAlert } from '@/ui/warning-alert';

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
      <MintmodelsTable
        list={listQueryState(mintmodels, newestFirst)}
        selectedId={selectedId}
        onView={(mintmodel) => {
          onSelect(mintmodel.id);
        }}
      />
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
