import { createFileRoute } from '@tanstack/react-router';
import { scheduledActivityListQuery } from '@/api/scheduled-activities';
import { scheduleTargetOf } from '@/features/schedules/schedule-target';
import { SchedulesPanel } from '@/features/schedules/schedules-panel';
import { schedulesSearchSchema, toScheduleQuery } from '@/features/schedules/schedules-search';
import { prefetch } from '@/routes/-loaders';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useAssetNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/assets/$assetCode/schedules',
)({
  validateSearch: schedulesSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, params, deps }) => {
    const ref = { kind: 'asset', ...params } as const;
    prefetch(context.queryClient, scheduledActivityListQuery(ref, toScheduleQuery(deps.search)));
  },
  pendingComponent: NodeTabPending,
  component: function EnvironmentAssetSchedulesRoute() {
    const asset = useAssetNode(Route.useParams());
    return (
      <SchedulesPanel
        target={scheduleTargetOf(asset)}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
