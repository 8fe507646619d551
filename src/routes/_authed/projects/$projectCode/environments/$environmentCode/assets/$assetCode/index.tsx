import { createFileRoute } from '@tanstack/react-router';
import { AssetPage } from '@/features/nodes/asset-page';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/',
)({
  component: function EnvironmentAssetRoute() {
    const { projectCode, environmentCode, assetCode } = Route.useParams();
    return <AssetPage owner={{ projectCode, environmentCode }} assetCode={assetCode} />;
  },
});
