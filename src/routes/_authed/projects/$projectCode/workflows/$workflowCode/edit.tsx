import { createFileRoute } from '@tanstack/react-router';
import { workflowQuery } from '@/api/workflows';
import { WorkflowEditor } from '@/features/workflows/workflow-editor';
import { ensureNode } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/projects/$projectCode/workflows/$workflowCode/edit')({
  loader: ({ context, params }) =>
    ensureNode(context.queryClient, workflowQuery(params.projectCode, params.workflowCode)),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `Edit ${loaderData.name} · OpsChain Console` }],
  }),
  component: function WorkflowEditRoute() {
    const { projectCode, workflowCode } = Route.useParams();
    const navigate = Route.useNavigate();
    return (
      <WorkflowEditor
        projectCode={projectCode}
        workflowCode={workflowCode}
        onSaved={() =>
          void navigate({
            to: '/projects/$projectCode/workflows/$workflowCode',
            params: { projectCode, workflowCode },
          })
        }
      />
    );
  },
});
