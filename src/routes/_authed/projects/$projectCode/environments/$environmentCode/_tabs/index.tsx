import { createFileRoute } from '@tanstack/react-router';
import { NodeOverview } from '@/features/nodes/node-overview';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useEnvironmentNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute('/_authed/projects/$projectCode/environments/$environmentCode/_tabs/')({
  pendingComponent: NodeTabPending,
  component: function EnvironmentOverviewRoute() {
    return <NodeOverview node={useEnvironmentNode(Route.useParams())} />;
  },
});
