import { createFileRoute } from '@tanstack/react-router';
import { CheckAccessPage } from '@/features/security/check-access-page';
import { checkAccessSearchSchema } from '@/features/security/security-search';

export const Route = createFileRoute('/_authed/security/check')({
  validateSearch: checkAccessSearchSchema,
  head: () => ({ meta: [{ title: 'Check access · Security · OpsChain Console' }] }),
  component: function CheckAccessRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <CheckAccessPage
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
