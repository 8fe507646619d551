import { createFileRoute } from '@tanstack/react-router';
import { scheduledActivityListQuery } from '@/api/scheduled-activities';
import { SchedulesPage } from '@/features/schedules/schedules-page';
import { schedulesSearchSchema, toScheduleQuery } from '@/features/schedules/schedules-search';
import { prefetch } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/schedules')({
  validateSearch: schedulesSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  loader: ({ context, deps }) => {
    prefetch(context.queryClient, scheduledActivityListQuery(null, toScheduleQuery(deps.search)));
  },
  head: () => ({ meta: [{ title: 'Schedules · OpsChain Console' }] }),
  component: function SchedulesRoute() {
    const navigate = Route.useNavigate();
    return (
      <SchedulesPage
        search={Route.useSearch()}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
