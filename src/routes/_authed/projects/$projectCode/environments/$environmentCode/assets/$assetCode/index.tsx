import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { assetQuery } from '@/api/assets';
import { AssetPage } from '@/features/nodes/asset-page';
import { nodeLinkOptions } from '@/lib/node-links';
import { nodePageSearchSchema } from '@/routes/-node-page/node-search';
import { NodeTabs } from '@/routes/-node-page/node-tabs';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/',
)({
  validateSearch: nodePageSearchSchema,
  component: function EnvironmentAssetRoute() {
    const { projectCode, environmentCode, assetCode } = Route.useParams();
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const navigateAnywhere = useNavigate();
    const owner = { projectCode, environmentCode };
    const { data: asset } = useSuspenseQuery(assetQuery(owner, assetCode));
    return (
      <AssetPage owner={owner} assetCode={assetCode}>
        <NodeTabs
          node={asset}
          search={search}
          onSearchChange={(patch) =>
            void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
          }
          onTabChange={(tab) => void navigate({ search: tab === 'overview' ? {} : { tab } })}
          onOpenNode={(ref) => void navigateAnywhere(nodeLinkOptions(ref))}
        />
      </AssetPage>
    );
  },
});
