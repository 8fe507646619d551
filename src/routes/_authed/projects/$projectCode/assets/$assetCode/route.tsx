import { createFileRoute } from '@tanstack/react-router';
import { NodeNotFoundPage } from '@/app/node-not-found-page';
import { assetPath } from '@/lib/node-path';
import { AssetTabsLayout } from '@/routes/-node-page/asset-tabs-layout';
import { loadAssetPage, redirectLegacyAssetTab } from '@/routes/-node-page/asset-routing';
import { assetOwner } from '@/routes/-node-page/use-node';

// The asset's page around its tab routes; the same page as an environment's asset.
export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode')({
  beforeLoad: ({ location, params }) => {
    redirectLegacyAssetTab(location, params);
  },
  loader: ({ context, location, params }) => loadAssetPage(context.queryClient, location, params),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `${loaderData.name} · OpsChain Console` }],
  }),
  notFoundComponent: function ProjectAssetNotFound() {
    const params = Route.useParams();
    return <NodeNotFoundPage kind="asset" path={assetPath(assetOwner(params), params.assetCode)} />;
  },
  component: function ProjectAssetRoute() {
    return <AssetTabsLayout params={Route.useParams()} />;
  },
});
