import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import type { AnyNode } from '@/api/node-mutations';
import { denial } from '@/lib/permissions';
import { GuardedButton } from '@/ui/guarded-button';
import { ApiLink } from './api-link';
import { ArchiveNodeDialog } from './archive-node-dialog';
import { EditNodeDialog } from './edit-node-dialog';

export interface NodeActionsProps {
  node: AnyNode;
  /** More buttons, before Edit and Archive (Run change). */
  extra?: ReactNode;
}

/** The node page header's actions: edit name and description, archive or restore, the API link. */
export function NodeActions({ node, extra }: NodeActionsProps) {
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
    <Stack gap={6} align="flex-end">
      <Group gap="xs">
        {extra}
        <GuardedButton
          variant="default"
          size="sm"
          leftSection={<IconPencil size={16} aria-hidden />}
          deniedReason={editDenied}
          deniable={{ resource: node.path, action: 'edit' }}
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
          deniable={{ resource: node.path, action: 'archive' }}
          onClick={archive.open}
        >
          {node.archived ? 'Restore' : 'Archive'}
        </GuardedButton>
      </Group>
      <ApiLink href={node.links.self ?? `/api${node.path}`} />
      <EditNodeDialog node={node} opened={isEditing} onClose={edit.close} />
      <ArchiveNodeDialog node={node} opened={isArchiving} onClose={archive.close} />
    </Stack>
  );
}
