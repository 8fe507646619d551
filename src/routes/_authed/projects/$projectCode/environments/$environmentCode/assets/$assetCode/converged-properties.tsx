import { createFileRoute } from '@tanstack/react-router';
import { ConvergedPropertiesPanel } from '@/features/asset-template/converged-properties-panel';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/converged-properties',
)({
  pendingComponent: NodeTabPending,
  component: function EnvironmentAssetConvergedPropertiesRoute() {
    return <ConvergedPropertiesPanel assetPath={useAssetNode(Route.useParams()).path} />;
  },
});
