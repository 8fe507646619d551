import { createFileRoute } from '@tanstack/react-router';
import { environmentQuery } from '@/api/environments';
import { NodeNotFoundPage } from '@/app/node-not-found-page';
import { environmentPath } from '@/lib/node-path';
import { ensureNode } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/projects/$projectCode/environments/$environmentCode')({
  loader: ({ context, params }) =>
    ensureNode(context.queryClient, environmentQuery(params.projectCode, params.environmentCode)),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `${loaderData.name} · OpsChain Console` }],
  }),
  notFoundComponent: function EnvironmentNotFound() {
    const { projectCode, environmentCode } = Route.useParams();
    return <NodeNotFoundPage kind="environment" path={environmentPath(projectCode, environmentCode)} />;
  },
});
