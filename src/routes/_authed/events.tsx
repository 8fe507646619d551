import { createFileRoute } from '@tanstack/react-router';
import { EventsPage } from '@/features/events/events-page';
import { eventsSearchSchema } from '@/features/events/events-search';

export const Route = createFileRoute('/_authed/events')({
  validateSearch: eventsSearchSchema,
  head: () => ({ meta: [{ title: 'Events · OpsChain Console' }] }),
  component: function EventsRoute() {
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    return (
      <EventsPage
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
        }
      />
    );
  },
});
