import { createFileRoute } from '@tanstack/react-router';
import { AssetPage } from '@/features/nodes/asset-page';

export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode/')({
  component: function ProjectAssetRoute() {
    const { projectCode, assetCode } = Route.useParams();
    return <AssetPage owner={{ projectCode }} assetCode={assetCode} />;
  },
});
