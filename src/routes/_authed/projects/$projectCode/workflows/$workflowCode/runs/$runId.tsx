import { Code, Stack, Text, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { workflowRunQuery } from '@/api/workflow-runs';
import { RunPage } from '@/features/workflows/run-page';
import { ensureNode } from '@/routes/-loaders';
import { ButtonLink } from '@/ui/router-links';
import { preloadStepGraph } from '@/ui/step-graph-chunk';

const runSearchSchema = z.object({
  step: z.string().min(1).optional().catch(undefined),
});

export const Route = createFileRoute('/_authed/projects/$projectCode/workflows/$workflowCode/runs/$runId')({
  validateSearch: runSearchSchema,
  loader: ({ context, params }) => {
    // The graph's code downloads while the run does, not after it.
    preloadStepGraph();
    return ensureNode(
      context.queryClient,
      workflowRunQuery({ projectCode: params.projectCode, workflowCode: params.workflowCode }, params.runId),
    );
  },
  head: ({ loaderData }) => ({
    meta:
      loaderData === undefined
        ? []
        : [{ title: `Run of ${loaderData.run.step_tree.name} · OpsChain Console` }],
  }),
  notFoundComponent: function RunNotFound() {
    const { projectCode, workflowCode, runId } = Route.useParams();
    return (
      <Stack gap="md" align="flex-start" py="md">
        <Title order={1}>Run not found</Title>
        <Text>
          The workflow has no run <Code>{runId}</Code> that you may see. The address may be mistyped, or you
          may not have permission to read its runs.
        </Text>
        <ButtonLink
          to="/projects/$projectCode/workflows/$workflowCode"
          params={{ projectCode, workflowCode }}
        >
          Go to the workflow
        </ButtonLink>
      </Stack>
    );
  },
  component: function RunRoute() {
    const { projectCode, workflowCode, runId } = Route.useParams();
    const { step } = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <RunPage
        projectCode={projectCode}
        workflowCode={workflowCode}
        runId={runId}
        selectedStepId={step}
        onSelectStep={(stepId) =>
          void navigate({ search: (prev) => ({ ...prev, step: stepId }), replace: true })
        }
      />
    );
  },
});
