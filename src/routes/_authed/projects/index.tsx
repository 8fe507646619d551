import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { projectListQuery } from '@/api/projects';
import { ProjectsPage } from '@/features/nodes/projects-page';
import { ensureLoaded } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/projects/')({
  loader: ({ context }) => ensureLoaded(context.queryClient, projectListQuery()),
  head: () => ({ meta: [{ title: 'Projects · OpsChain Console' }] }),
  component: ProjectsRoute,
});

function ProjectsRoute() {
  const { data } = useSuspenseQuery(projectListQuery());
  return <ProjectsPage projects={data.projects} />;
}
