import { createFileRoute } from '@tanstack/react-router';
import { GroupsPanel } from '@/features/security/groups-panel';
import { z } from 'zod';
import { listSearchShape } from '@/lib/list-search';

const groupsSearchSchema = z.object({
  ...listSearchShape,
  /** The group opened below the list. */
  group: z.string().max(200).optional().catch(undefined),
});

export const Route = createFileRoute('/_authed/security/groups')({
  validateSearch: groupsSearchSchema,
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
