import { createFileRoute } from '@tanstack/react-router';
import { NodeOverview } from '@/features/nodes/node-overview';
import { useProjectNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/')({
  component: function ProjectOverviewRoute() {
    return <NodeOverview node={useProjectNode(Route.useParams())} />;
  },
});
