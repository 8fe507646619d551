import { createFileRoute } from '@tanstack/react-router';
import { ConvergedPropertiesPanel } from '@/features/asset-template/converged-properties-panel';
import { useAssetNode } from '@/routes/-node-page/use-node';

export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode/converged-properties')(
  {
    component: function ProjectAssetConvergedPropertiesRoute() {
      return <ConvergedPropertiesPanel assetPath={useAssetNode(Route.useParams()).path} />;
    },
  },
);
