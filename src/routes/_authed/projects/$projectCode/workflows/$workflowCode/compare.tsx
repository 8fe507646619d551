import { createFileRoute } from '@tanstack/react-router';
import { workflowQuery, workflowVersionsQuery } from '@/api/workflows';
import { compareSearchSchema } from '@/features/workflows/compare-search';
import { CompareVersionsPage } from '@/features/workflows/compare-versions-page';
import { ensureNode, prefetch } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/projects/$projectCode/workflows/$workflowCode/compare')({
  validateSearch: compareSearchSchema,
  loader: ({ context, params }) => {
    prefetch(context.queryClient, workflowVersionsQuery(params.projectCode, params.workflowCode));
    return ensureNode(context.queryClient, workflowQuery(params.projectCode, params.workflowCode));
  },
  head: ({ loaderData }) => ({
    meta:
      loaderData === undefined
        ? []
        : [{ title: `Compare versions of ${loaderData.name} · OpsChain Console` }],
  }),
  component: function CompareVersionsRoute() {
    const { projectCode, workflowCode } = Route.useParams();
    const navigate = Route.useNavigate();
    return (
      <CompareVersionsPage
        projectCode={projectCode}
        workflowCode={workflowCode}
        search={Route.useSearch()}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
