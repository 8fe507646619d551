import { createFileRoute } from '@tanstack/react-router';
import { activitySearchSchema } from '@/features/changes/activity-search';
import { NodeActivityTab } from '@/routes/-activity/node-activity-tab';
import { prefetchNodeActivity } from '@/routes/-activity/prefetch-node-activity';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useEnvironmentNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/_tabs/activity',
)({
  validateSearch: activitySearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, params, deps }) => {
    prefetchNodeActivity(
      context.queryClient,
      { kind: 'environment', projectCode: params.projectCode, environmentCode: params.environmentCode },
      deps.search,
    );
  },
  pendingComponent: NodeTabPending,
  component: function EnvironmentActivityRoute() {
    const environment = useEnvironmentNode(Route.useParams());
    return (
      <NodeActivityTab
        nodePath={environment.path}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
