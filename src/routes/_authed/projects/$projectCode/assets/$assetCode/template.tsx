import { createFileRoute } from '@tanstack/react-router';
import { AssetTemplateTab } from '@/routes/-node-page/asset-template-tab';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode/template')({
  pendingComponent: NodeTabPending,
  component: function ProjectAssetTemplateRoute() {
    return <AssetTemplateTab asset={useAssetNode(Route.useParams())} />;
  },
});
