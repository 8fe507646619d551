import { createFileRoute } from '@tanstack/react-router';
import { GroupsPanel } from '@/features/security/groups-panel';
import { listSearchSchema } from '@/lib/list-search';

export const Route = createFileRoute('/_authed/security/groups')({
  validateSearch: listSearchSchema,
  head: () => ({ meta: [{ title: 'Groups · Security · OpsChain Console' }] }),
  component: function GroupsRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <GroupsPanel
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
