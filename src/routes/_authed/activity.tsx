import { createFileRoute } from '@tanstack/react-router';
import { activityListQuery } from '@/api/activity';
import { ActivityPage } from '@/features/changes/activity-page';
import { activitySearchSchema, toActivityFilters } from '@/features/changes/activity-search';
import { RunChangeButton } from '@/features/changes/run-change-button';
import { RunAnyWorkflowButton } from '@/features/workflows/run-any-workflow-button';
import { useOpenChange } from '@/routes/-activity/use-open-change';
import { prefetch } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/activity')({
  validateSearch: activitySearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  // The list starts downloading on link intent (hover, focus) or navigation, beside the page's code, not
  // once the page has rendered: on a cold open that was half of the wait for the first rows.
  loader: ({ context, deps }) => {
    prefetch(context.queryClient, activityListQuery(null, toActivityFilters(deps.search)));
  },
  head: () => ({ meta: [{ title: 'Activity · OpsChain Console' }] }),
  component: function ActivityRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const openChange = useOpenChange();
    return (
      <ActivityPage
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
        actions={
          <>
            <RunChangeButton onCreated={openChange} />
            <RunAnyWorkflowButton
              onStarted={({ projectCode, workflowCode, runId }) =>
                void navigate({
                  to: '/projects/$projectCode/workflows/$workflowCode/runs/$runId',
                  params: { projectCode, workflowCode, runId },
                })
              }
            />
          </>
        }
      />
    );
  },
});
