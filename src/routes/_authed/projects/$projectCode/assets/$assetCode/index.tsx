import { createFileRoute } from '@tanstack/react-router';
import { NodeOverview } from '@/features/nodes/node-overview';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode/')({
  pendingComponent: NodeTabPending,
  component: function ProjectAssetOverviewRoute() {
    return <NodeOverview node={useAssetNode(Route.useParams())} />;
  },
});
