import { createFileRoute } from '@tanstack/react-router';
import { MintmodelsPanel } from '@/features/asset-template/mintmodels-panel';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { mintmodelsTabSearchSchema } from '@/routes/-node-page/tab-search';
import { useAssetNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/mintmodels',
)({
  validateSearch: mintmodelsTabSearchSchema,
  pendingComponent: NodeTabPending,
  component: function EnvironmentAssetMintmodelsRoute() {
    const asset = useAssetNode(Route.useParams());
    const onSearchChange = useSearchPatch<{ mintmodel?: string | undefined }>();
    return (
      <MintmodelsPanel
        assetPath={asset.path}
        isValid={asset.mintmodel_valid}
        selectedId={Route.useSearch().mintmodel}
        onSelect={(mintmodel) => {
          onSearchChange({ mintmodel });
        }}
      />
    );
  },
});
