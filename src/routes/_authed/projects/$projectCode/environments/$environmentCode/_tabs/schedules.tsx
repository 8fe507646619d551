import { createFileRoute } from '@tanstack/react-router';
import { scheduledActivityListQuery } from '@/api/scheduled-activities';
import { scheduleTargetOf } from '@/features/schedules/schedule-target';
import { SchedulesPanel } from '@/features/schedules/schedules-panel';
import { schedulesSearchSchema, toScheduleQuery } from '@/features/schedules/schedules-search';
import { prefetch } from '@/routes/-loaders';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useEnvironmentNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/_tabs/schedules',
)({
  validateSearch: schedulesSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, params, deps }) => {
    const ref = { kind: 'environment', ...params } as const;
    prefetch(context.queryClient, scheduledActivityListQuery(ref, toScheduleQuery(deps.search)));
  },
  pendingComponent: NodeTabPending,
  component: function EnvironmentSchedulesRoute() {
    const environment = useEnvironmentNode(Route.useParams());
    return (
      <SchedulesPanel
        target={scheduleTargetOf(environment)}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
