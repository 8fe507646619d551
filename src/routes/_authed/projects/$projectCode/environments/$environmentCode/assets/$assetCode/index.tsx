import { createFileRoute } from '@tanstack/react-router';
import { NodeOverview } from '@/features/nodes/node-overview';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/',
)({
  component: function EnvironmentAssetOverviewRoute() {
    return <NodeOverview node={useAssetNode(Route.useParams())} />;
  },
});
