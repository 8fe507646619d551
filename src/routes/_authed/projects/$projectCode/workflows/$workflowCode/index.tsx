import { Code, Stack, Text, Title } from '@mantine/core';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { projectQuery } from '@/api/projects';
import { workflowDetailKeys, workflowQuery } from '@/api/workflows';
import { schedulesSearchSchema } from '@/features/schedules/schedules-search';
import { WorkflowSchedules } from '@/features/schedules/workflow-schedules';
import { WorkflowPage } from '@/features/workflows/workflow-page';
import { ensureNode } from '@/routes/-loaders';
import { ButtonLink } from '@/ui/router-links';

// The page's address holds the sort of its schedules list (`?sort=cron_schedule&dir=desc`).
const workflowSearchSchema = schedulesSearchSchema.pick({ sort: true, dir: true });

/** The workflow's schedules, from the schedules feature, shown on the workflow's page. */
function WorkflowSchedulesSection({
  projectCode,
  workflowCode,
}: {
  projectCode: string;
  workflowCode: string;
}) {
  const project = useSuspenseQuery(projectQuery(projectCode)).data;
  const workflow = useSuspenseQuery(workflowQuery(projectCode, workflowCode)).data;
  const navigate = Route.useNavigate();
  return (
    <WorkflowSchedules
      project={project}
      workflow={workflow}
      search={Route.useSearch()}
      onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
    />
  );
}

export const Route = createFileRoute('/_authed/projects/$projectCode/workflows/$workflowCode/')({
  validateSearch: workflowSearchSchema,
  loader: ({ context, params }) =>
    ensureNode(context.queryClient, workflowQuery(params.projectCode, params.workflowCode)),
  head: ({ loaderData }) => ({
    meta: loaderData === undefined ? [] : [{ title: `Workflow ${loaderData.name} · OpsChain Console` }],
  }),
  notFoundComponent: function WorkflowNotFound() {
    const { projectCode, workflowCode } = Route.useParams();
    return (
      <Stack gap="md" align="flex-start" py="md">
        <Title order={1}>Workflow not found</Title>
        <Text>
          The project has no workflow <Code>{workflowCode}</Code> that you may see. The address may be
          mistyped, or you may not have permission to read its workflows.
        </Text>
        <ButtonLink to="/projects/$projectCode/workflows" params={{ projectCode }}>
          Go to the project&apos;s workflows
        </ButtonLink>
      </Stack>
    );
  },
  component: function WorkflowRoute() {
    const { projectCode, workflowCode } = Route.useParams();
    const navigate = Route.useNavigate();
    const queryClient = useQueryClient();
    return (
      <WorkflowPage
        projectCode={projectCode}
        workflowCode={workflowCode}
        onRunStarted={(runId) =>
          void navigate({
            to: '/projects/$projectCode/workflows/$workflowCode/runs/$runId',
            params: { projectCode, workflowCode, runId },
          })
        }
        onCompare={(from, to) =>
          void navigate({
            to: '/projects/$projectCode/workflows/$workflowCode/compare',
            params: { projectCode, workflowCode },
            search: { from, to },
          })
        }
        schedules={<WorkflowSchedulesSection projectCode={projectCode} workflowCode={workflowCode} />}
        onDeleted={() =>
          void navigate({ to: '/projects/$projectCode/workflows', params: { projectCode } }).then(() => {
            // Only once the page is left: a deleted workflow is not asked for again (a 404), nor shown from cache.
            queryClient.removeQueries({ queryKey: workflowDetailKeys.detail(projectCode, workflowCode) });
          })
        }
      />
    );
  },
});
