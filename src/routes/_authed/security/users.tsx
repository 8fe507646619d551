import { createFileRoute } from '@tanstack/react-router';
import { UsersPanel } from '@/features/security/users-panel';
import { listSearchSchema } from '@/lib/list-search';

export const Route = createFileRoute('/_authed/security/users')({
  validateSearch: listSearchSchema,
  head: () => ({ meta: [{ title: 'Users · Security · OpsChain Console' }] }),
  component: function UsersRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <UsersPanel
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
