import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { NodeAuthorisations } from '@contract/node';
import type { Asset } from '@/api/assets';
import { ownerPath, type AssetOwner } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { CreateAssetForm } from './create-asset-form';
import { Dialog } from '@/ui/dialog';

export interface CreateAssetButtonProps {
  owner: AssetOwner;
  /** The owner's `meta.authorisations`: creating needs `assets.update`. */
  authorisations: NodeAuthorisations;
  onCreated: (asset: Asset) => void;
}

export function CreateAssetButton({ owner, authorisations, onCreated }: CreateAssetButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  const denied = denial(authorisations, {
    nodePath: ownerPath(owner),
    facet: 'assets',
    permission: 'update',
    purpose: 'create assets',
  });
  const deniable: DeniableAction = { on: authorisations, action: 'create-asset' };
  return (
    <>
      <GuardedButton
        size="sm"
        leftSection={<IconPlus size={16} aria-hidden />}
        deniedReason={denied}
        deniable={deniable}
        onClick={dialog.open}
      >
        New asset
      </GuardedButton>
      <Dialog opened={isOpen} onClose={dialog.close} title="New asset" size="lg">
        {isOpen ? (
          <CreateAssetForm
            owner={owner}
            deniable={deniable}
            onCancel={dialog.close}
            onCreated={(asset) => {
              dialog.close();
              onCreated(asset);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
