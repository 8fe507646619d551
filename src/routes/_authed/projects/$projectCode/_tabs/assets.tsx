import { createFileRoute } from '@tanstack/react-router';
import { assetListQuery } from '@/api/assets';
import { AssetsList } from '@/features/nodes/assets-list';
import { nodeListQuery } from '@/features/nodes/list-filters';
import { listSearchSchema } from '@/lib/list-search';
import { prefetch } from '@/routes/-loaders';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useProjectNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/assets')({
  validateSearch: listSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, params: { projectCode }, deps }) => {
    prefetch(context.queryClient, assetListQuery({ projectCode }, nodeListQuery(deps.search)));
  },
  pendingComponent: NodeTabPending,
  component: function ProjectAssetsRoute() {
    const project = useProjectNode(Route.useParams());
    return <AssetsList node={project} search={Route.useSearch()} onSearchChange={useSearchPatch()} />;
  },
});
