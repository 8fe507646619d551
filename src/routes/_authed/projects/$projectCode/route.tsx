import { createFileRoute } from '@tanstack/react-router';
import { projectQuery } from '@/api/projects';
import { NodeNotFoundPage } from '@/app/node-not-found-page';
import { projectPath } from '@/lib/node-path';
import { ensureNode } from '@/routes/-loaders';

// Loads the project for every page below it (its own page, its environments' and assets' pages), so
// their breadcrumbs have its name. Renders only the child route.
export const Route = createFileRoute('/_authed/projects/$projectCode')({
  loader: ({ context, params }) => ensureNode(context.queryClient, projectQuery(params.projectCode)),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `${loaderData.name} · OpsChain Console` }],
  }),
  notFoundComponent: function ProjectNotFound() {
    const { projectCode } = Route.useParams();
    return <NodeNotFoundPage kind="project" path={projectPath(projectCode)} />;
  },
});
