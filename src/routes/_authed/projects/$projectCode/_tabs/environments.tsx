import { createFileRoute } from '@tanstack/react-router';
import { environmentListQuery } from '@/api/environments';
import { EnvironmentsList } from '@/features/nodes/environments-list';
import { nodeListQuery } from '@/features/nodes/list-filters';
import { listSearchSchema } from '@/lib/list-search';
import { prefetch } from '@/routes/-loaders';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useProjectNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/environments')({
  validateSearch: listSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, params, deps }) => {
    prefetch(context.queryClient, environmentListQuery(params.projectCode, nodeListQuery(deps.search)));
  },
  pendingComponent: NodeTabPending,
  component: function ProjectEnvironmentsRoute() {
    const project = useProjectNode(Route.useParams());
    return (
      <EnvironmentsList project={project} search={Route.useSearch()} onSearchChange={useSearchPatch()} />
    );
  },
});
