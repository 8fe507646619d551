import { createFileRoute } from '@tanstack/react-router';
import { assetQuery } from '@/api/assets';
import { NodeNotFoundPage } from '@/app/node-not-found-page';
import { assetPath } from '@/lib/node-path';
import { ensureNode } from '@/routes/-loaders';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode',
)({
  loader: ({ context, params: { projectCode, environmentCode, assetCode } }) =>
    ensureNode(context.queryClient, assetQuery({ projectCode, environmentCode }, assetCode)),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `${loaderData.name} · OpsChain Console` }],
  }),
  notFoundComponent: function EnvironmentAssetNotFound() {
    const { projectCode, environmentCode, assetCode } = Route.useParams();
    return <NodeNotFoundPage kind="asset" path={assetPath({ projectCode, environmentCode }, assetCode)} />;
  },
});
