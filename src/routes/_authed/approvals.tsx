import { createFileRoute } from '@tanstack/react-router';
import { ApprovalsPage } from '@/features/approvals/approvals-page';
import { approvalsSearchSchema } from '@/features/approvals/approvals-search';

export const Route = createFileRoute('/_authed/approvals')({
  validateSearch: approvalsSearchSchema,
  head: () => ({ meta: [{ title: 'Approvals · OpsChain Console' }] }),
  component: function ApprovalsRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <ApprovalsPage
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
        onNavigate={(href) => void navigate({ href })}
      />
    );
  },
});
