import { createFileRoute } from '@tanstack/react-router';
import { RulesPanel } from '@/features/security/rules-panel';
import { listSearchSchema } from '@/lib/list-search';

export const Route = createFileRoute('/_authed/security/rules')({
  validateSearch: listSearchSchema,
  head: () => ({ meta: [{ title: 'Rules · Security · OpsChain Console' }] }),
  component: function RulesRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <RulesPanel
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
