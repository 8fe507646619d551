import { createFileRoute } from '@tanstack/react-router';
import { ActivityPage } from '@/features/changes/activity-page';
import { activitySearchSchema } from '@/features/changes/activity-search';
import { RunChangeButton } from '@/features/changes/run-change-button';
import { RunAnyWorkflowButton } from '@/features/workflows/run-any-workflow-button';
import { useOpenChange } from '@/routes/-activity/use-open-change';

export const Route = createFileRoute('/_authed/activity')({
  validateSearch: activitySearchSchema,
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
