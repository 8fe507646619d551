import { createFileRoute } from '@tanstack/react-router';
import { ConvergedPropertiesPanel } from '@/features/asset-template/converged-properties-panel';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/converged-properties',
)({
  component: function EnvironmentAssetConvergedPropertiesRoute() {
    return <ConvergedPropertiesPanel assetPath={useAssetNode(Route.useParams()).path} />;
  },
});
