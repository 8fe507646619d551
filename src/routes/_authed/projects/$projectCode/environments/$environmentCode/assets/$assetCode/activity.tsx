import { createFileRoute } from '@tanstack/react-router';
import { activitySearchSchema } from '@/features/changes/activity-search';
import { NodeActivityTab } from '@/routes/-activity/node-activity-tab';
import { prefetchNodeActivity } from '@/routes/-activity/prefetch-node-activity';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useAssetNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/activity',
)({
  validateSearch: activitySearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, params, deps }) => {
    prefetchNodeActivity(
      context.queryClient,
      {
        kind: 'asset',
        projectCode: params.projectCode,
        environmentCode: params.environmentCode,
        assetCode: params.assetCode,
      },
      deps.search,
    );
  },
  pendingComponent: NodeTabPending,
  component: function EnvironmentAssetActivityRoute() {
    const asset = useAssetNode(Route.useParams());
    return (
      <NodeActivityTab nodePath={asset.path} search={Route.useSearch()} onSearchChange={useSearchPatch()} />
    );
  },
});
