import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { PoliciesPanel } from '@/features/security/policies-panel';
import { listSearchShape } from '@/lib/list-search';

const policiesSearchSchema = z.object({
  ...listSearchShape,
  /** The policy opened below the list. */
  policy: z.string().max(100).optional().catch(undefined),
});

export const Route = createFileRoute('/_authed/security/policies')({
  validateSearch: policiesSearchSchema,
  head: () => ({ meta: [{ title: 'Policies · Security · OpsChain Console' }] }),
  component: function PoliciesRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <PoliciesPanel
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
