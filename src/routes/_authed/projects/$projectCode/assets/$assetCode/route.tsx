import { createFileRoute } from '@tanstack/react-router';
import { assetQuery } from '@/api/assets';
import { NodeNotFoundPage } from '@/app/node-not-found-page';
import { assetPath } from '@/lib/node-path';
import { ensureNode } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode')({
  loader: ({ context, params: { projectCode, assetCode } }) =>
    ensureNode(context.queryClient, assetQuery({ projectCode }, assetCode)),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `${loaderData.name} · OpsChain Console` }],
  }),
  notFoundComponent: function ProjectAssetNotFound() {
    const { projectCode, assetCode } = Route.useParams();
    return <NodeNotFoundPage kind="asset" path={assetPath({ projectCode }, assetCode)} />;
  },
});
