import { createFileRoute } from '@tanstack/react-router';
import { AssetTemplateTab } from '@/routes/-node-page/asset-template-tab';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/template',
)({
  component: function EnvironmentAssetTemplateRoute() {
    return <AssetTemplateTab asset={useAssetNode(Route.useParams())} />;
  },
});
