import { createFileRoute } from '@tanstack/react-router';
import { UsersPanel } from '@/features/security/users-panel';
import { z } from 'zod';
import { listSearchShape } from '@/lib/list-search';

const usersSearchSchema = z.object({
  ...listSearchShape,
  /** The user opened below the list. */
  user: z.string().max(200).optional().catch(undefined),
});

export const Route = createFileRoute('/_authed/security/users')({
  validateSearch: usersSearchSchema,
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
