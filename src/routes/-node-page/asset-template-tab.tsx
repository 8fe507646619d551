import { useQuery } from '@tanstack/react-query';
import { projectQuery } from '@/api/projects';
import type { Asset } from '@/api/assets';
import { AssetTemplatePanel } from '@/features/asset-template/asset-template-panel';

/** An asset's template and versions; assigning another version checks the project's permissions too. */
export function AssetTemplateTab({ asset }: { asset: Asset }) {
  // Loaded by the project's route already.
  const project = useQuery(projectQuery(asset.owner.projectCode));
  return <AssetTemplatePanel asset={asset} projectAuthorisations={project.data?.meta.authorisations} />;
}
