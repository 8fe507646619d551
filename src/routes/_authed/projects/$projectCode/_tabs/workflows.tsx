import { createFileRoute } from '@tanstack/react-router';
import { projectQuery } from '@/api/projects';
import { workflowListQuery } from '@/api/workflows';
import { WorkflowsPanel } from '@/features/workflows/workflows-panel';
import { toWorkflowQuery, workflowsSearchSchema } from '@/features/workflows/workflows-search';
import { ensureLoaded, prefetch } from '@/routes/-loaders';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useProjectNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/workflows')({
  validateSearch: workflowsSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context, params, deps }) => {
    // A Standard project answers 422 to a workflow list: ask only an Enterprise one.
    const project = await ensureLoaded(context.queryClient, projectQuery(params.projectCode));
    if (!project.meta.can_have_workflows) return;
    prefetch(context.queryClient, workflowListQuery(params.projectCode, toWorkflowQuery(deps.search)));
  },
  pendingComponent: NodeTabPending,
  component: function ProjectWorkflowsRoute() {
    const project = useProjectNode(Route.useParams());
    return (
      <WorkflowsPanel
        projectCode={project.code}
        projectName={project.name}
        canHaveWorkflows={project.meta.can_have_workflows}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
