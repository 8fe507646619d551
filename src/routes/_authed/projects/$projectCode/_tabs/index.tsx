import { createFileRoute } from '@tanstack/react-router';
import { NodeOverview } from '@/features/nodes/node-overview';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useProjectNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/')({
  pendingComponent: NodeTabPending,
  component: function ProjectOverviewRoute() {
    return <NodeOverview node={useProjectNode(Route.useParams())} />;
  },
});
