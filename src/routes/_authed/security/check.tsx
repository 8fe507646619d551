import { createFileRoute, useRouter } from '@tanstack/react-router';
import { CheckAccessPage } from '@/features/security/check-access-page';
import { checkAccessSearchSchema } from '@/features/security/security-search';

export const Route = createFileRoute('/_authed/security/check')({
  validateSearch: checkAccessSearchSchema,
  head: () => ({ meta: [{ title: 'Check access · Security · OpsChain Console' }] }),
  component: function CheckAccessRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const router = useRouter();
    return (
      <CheckAccessPage
        search={search}
        onSearchChange={(patch) => {
          // A path typed just before leaving commits after a pause; by then the user may be on their way
          // to another tab (this page stays mounted while that tab's code loads). Going back here would
          // undo their click, so a late commit is dropped once the address is no longer this page's.
          if (!router.latestLocation.pathname.endsWith('/security/check')) return;
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
        }}
      />
    );
  },
});
