import type { NodeAuthorisations } from '@contract/node';
import type { Asset } from '@/api/assets';
import { ownerPath, type AssetOwner } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { CreateAssetForm } from './create-asset-form';
import { CreateDialogButton } from './create-dialog-button';

export interface CreateAssetButtonProps {
  owner: AssetOwner;
  /** The owner's `meta.authorisations`: creating needs `assets.update`. */
  authorisations: NodeAuthorisations;
  onCreated: (asset: Asset) => void;
}

export function CreateAssetButton({ owner, authorisations, onCreated }: CreateAssetButtonProps) {
  const deniable: DeniableAction = { resource: ownerPath(owner), action: 'create-asset' };
  return (
    <CreateDialogButton
      label="New asset"
      size="sm"
      dialogSize="lg"
      deniedReason={denial(authorisations, {
        nodePath: ownerPath(owner),
        facet: 'assets',
        permission: 'update',
        purpose: 'create assets',
      })}
      deniable={deniable}
      form={(close) => (
        <CreateAssetForm
          owner={owner}
          deniable={deniable}
          onCancel={close}
          onCreated={(asset) => {
            close();
            onCreated(asset);
          }}
        />
      )}
    />
  );
}
