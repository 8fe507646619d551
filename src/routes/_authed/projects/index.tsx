import { createFileRoute } from '@tanstack/react-router';
import { projectListQuery } from '@/api/projects';
import { ProjectsPage } from '@/features/nodes/projects-page';
import { projectsQuery, projectsSearchSchema } from '@/features/nodes/projects-search';

export const Route = createFileRoute('/_authed/projects/')({
  validateSearch: projectsSearchSchema,
  loaderDeps: ({ search }) => ({ search }),
  // Starts the request (on hover too, with intent preloading) without holding the page back: the page
  // shows its own skeleton, and keeps the filter box on screen while a changed filter loads. A failure
  // shows on the page, whose query asks again.
  loader: ({ context, deps }) => {
    void context.queryClient.query(projectListQuery(projectsQuery(deps.search))).catch(() => undefined);
  },
  head: () => ({ meta: [{ title: 'Projects · OpsChain Console' }] }),
  component: ProjectsRoute,
});

function ProjectsRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <ProjectsPage
      search={search}
      onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
    />
  );
}
