import { Code, Stack, Text, Title } from '@mantine/core';
import { createFileRoute, useLocation } from '@tanstack/react-router';
import { z } from 'zod';
import { changeQuery } from '@/api/changes';
import { prefetchFirstLogPage } from '@/api/log-lines';
import { ChangePage } from '@/features/changes/change-page';
import { LogPane } from '@/features/logs/log-pane';
import { LARGE_STEP_TREE } from '@/lib/step-tree';
import { ensureNode } from '@/routes/-loaders';
import { ButtonLink } from '@/ui/router-links';
import { preloadStepGraph } from '@/ui/step-graph-chunk';

const changeSearchSchema = z.object({
  step: z.string().min(1).optional().catch(undefined),
});

export const Route = createFileRoute('/_authed/changes/$changeId')({
  validateSearch: changeSearchSchema,
  // The change (2.5 MB with 2,000 steps) usually arrives within a second: until then the progress bar shows
  // (__root), and the page renders as soon as it is here. The usual skeleton appeared after 150 ms and was then
  // held for at least 300 ms, which kept the change page (and its graph) back ~150-250 ms after the change had
  // arrived (issue 11). A slower answer still gets the skeleton, never held once the change is here.
  pendingMs: 1000,
  pendingMinMs: 0,
  loader: ({ context, params, preload }) => {
    // The graph's chunk downloads beside the change (a 2,000-step change takes a while to arrive).
    preloadStepGraph();
    const detail = ensureNode(context.queryClient, changeQuery(params.changeId));
    // The log's first page is asked for as soon as the change has arrived, before the page's code has
    // rendered: the change log's first screen comes that much sooner (issue 12: ≤ 1 s). Its pane takes the
    // answer. Not beside the change, nor for a large step tree: with 2,000 steps the log's answer competed
    // with the graph (painted ~0.5 s later, then ~0.1 s), and that page's log waits for the graph anyway.
    // Not on hover (a preload): moving across a list of changes would ask for many logs.
    if (!preload)
      detail.then(
        ({ steps }) => {
          if (steps.length <= LARGE_STEP_TREE) prefetchFirstLogPage({ changeId: params.changeId });
        },
        () => undefined,
      );
    return detail;
  },
  head: ({ loaderData }) => ({
    meta:
      loaderData === undefined ? [] : [{ title: `Change ${loaderData.change.action} · OpsChain Console` }],
  }),
  notFoundComponent: function ChangeNotFound() {
    const { changeId } = Route.useParams();
    return (
      <Stack gap="md" align="flex-start" py="md">
        <Title order={1}>Change not found</Title>
        <Text>
          OpsChain has no change <Code>{changeId}</Code> that you may see. The address may be mistyped, or you
          may not have permission to read changes on its target.
        </Text>
        <ButtonLink to="/projects">Go to projects</ButtonLink>
      </Stack>
    );
  },
  component: function ChangeRoute() {
    const { changeId } = Route.useParams();
    const { step } = Route.useSearch();
    const navigate = Route.useNavigate();
    // `#L12` / `#L12-L40` link lines of the whole change's log.
    const hash = useLocation({ select: (location) => location.hash });
    return (
      <ChangePage
        changeId={changeId}
        selectedStepId={step}
        onSelectStep={(stepId) =>
          void navigate({ search: (prev) => ({ ...prev, step: stepId }), replace: true })
        }
        onChangeCreated={(newChangeId) =>
          void navigate({ to: '/changes/$changeId', params: { changeId: newChangeId }, search: {} })
        }
        logPane={(scope) =>
          scope.stepId === undefined ? (
            <LogPane
              {...scope}
              label="Change log"
              lineHash={hash}
              onLineHashChange={(lines) =>
                void navigate({ hash: lines, search: (prev) => prev, replace: true })
              }
            />
          ) : (
            <LogPane key={scope.stepId} {...scope} label="Step log" />
          )
        }
      />
    );
  },
});
