import { Text } from '@mantine/core';
import { failureMessage, isForbidden } from '@/api/failures';
import { useUpdateNode, type AnyNode } from '@/api/node-mutations';
import { useRecordDenial } from '@/api/record-denial';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { NODE_KIND_LABELS } from './node-labels';
import { ConfirmDialog } from '@/ui/confirm-dialog';

export interface ArchiveNodeDialogProps {
  node: AnyNode;
  opened: boolean;
  onClose: () => void;
}

const CONSEQUENCES: Record<AnyNode['kind'], string> = {
  project:
    'Its environments and assets are archived too. Archived nodes keep their history and can be restored.',
  environment: 'Its assets are archived too, and its scheduled activities stop. It can be restored later.',
  asset: 'New changes on it are refused until it is restored. Its history is kept.',
};

// Archiving cascades down (the API archives everything below a project or environment); restoring does not.
const RESTORE_CONSEQUENCES: Record<AnyNode['kind'], string> = {
  project:
    'Its environments and assets are not restored with it; archived ones stay archived until you restore them one by one.',
  environment:
    'Its assets are not restored with it; archived ones stay archived until you restore them one by one.',
  asset: 'New changes on it are accepted again.',
};

/** Asks before archiving (or restoring) a node; OpsChain never deletes nodes. */
export function ArchiveNodeDialog({ node, opened, onClose }: ArchiveNodeDialogProps) {
  const recordDenial = useRecordDenial();
  const update = useUpdateNode();
  const isRestore = node.archived;
  const verb = isRestore ? 'Restore' : 'Archive';
  const kind = NODE_KIND_LABELS[node.kind];

  const handleClose = () => {
    update.reset();
    onClose();
  };

  const handleConfirm = () => {
    update.mutate(
      { node, changes: { archived: !isRestore } },
      {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name} is ${saved.archived ? 'archived' : 'restored'}.`);
          handleClose();
        },
        onError: (error) => {
          if (isForbidden(error)) {
            notifyFailure(
              `${node.name} was not ${isRestore ? 'restored' : 'archived'}`,
              failureMessage(error),
            );
            recordDenial(error, { resource: node.path, action: 'archive' });
          }
        },
      },
    );
  };

  return (
    <ConfirmDialog
      opened={opened}
      title={`${verb} ${kind} ${node.code}?`}
      confirmLabel={`${verb} ${kind}`}
      isDestructive={!isRestore}
      pending={update.isPending}
      failure={update.isError ? failureMessage(update.error) : null}
      failureTitle={`Not ${isRestore ? 'restored' : 'archived'}`}
      onConfirm={handleConfirm}
      onClose={handleClose}
    >
      <Text size="sm">
        {isRestore
          ? `${node.name} becomes active again. ${RESTORE_CONSEQUENCES[node.kind]}`
          : `${node.name} will be archived. ${CONSEQUENCES[node.kind]}`}
      </Text>
    </ConfirmDialog>
  );
}
