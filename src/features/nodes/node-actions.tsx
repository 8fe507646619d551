import { Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import type { AnyNode } from '@/api/node-mutations';
import { denial } from '@/lib/permissions';
import { GuardedButton } from '@/ui/guarded-button';
import { ArchiveNodeDialog } from './archive-node-dialog';
import { EditNodeDialog } from './edit-node-dialog';

export interface NodeActionsProps {
  node: AnyNode;
}

/** The node page header's actions: edit name and description, archive or restore. */
export function NodeActions({ node }: NodeActionsProps) {
  const [isEditing, edit] = useDisclosure(false);
  const [isArchiving, archive] = useDisclosure(false);
  const authorisations = node.meta.authorisations;
  const editDenied = denial(authorisations, {
    nodePath: node.path,
    facet: 'self',
    permission: 'update',
    purpose: 'rename it',
  });
  const archiveDenied = denial(authorisations, {
    nodePath: node.path,
    facet: 'self',
    permission: 'update',
    purpose: node.archived ? 'restore it' : 'archive it',
  });

  return (
    <Group gap="xs">
      <GuardedButton
        variant="default"
        size="sm"
        leftSection={<IconPencil size={16} aria-hidden />}
        deniedReason={editDenied}
        onClick={edit.open}
      >
        Edit
      </GuardedButton>
      <GuardedButton
        variant="default"
        size="sm"
        color={node.archived ? undefined : 'red'}
        leftSection={
          node.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
        }
        deniedReason={archiveDenied}
        onClick={archive.open}
      >
        {node.archived ? 'Restore' : 'Archive'}
      </GuardedButton>
      <EditNodeDialog node={node} opened={isEditing} onClose={edit.close} />
      <ArchiveNodeDialog node={node} opened={isArchiving} onClose={archive.close} />
    </Group>
  );
}
