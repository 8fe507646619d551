import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { projectListQuery } from '@/api/projects';
import { CreateProjectButton } from '@/features/node-create/create-project-button';
import { ProjectsPage } from '@/features/nodes/projects-page';
import { ensureLoaded } from '@/routes/-loaders';

export const Route = createFileRoute('/_authed/projects/')({
  loader: ({ context }) => ensureLoaded(context.queryClient, projectListQuery()),
  head: () => ({ meta: [{ title: 'Projects · OpsChain Console' }] }),
  component: ProjectsRoute,
});

function ProjectsRoute() {
  const { data } = useSuspenseQuery(projectListQuery());
  const navigate = useNavigate();
  return (
    <ProjectsPage
      projects={data.projects}
      actions={
        <CreateProjectButton
          canCreate={data.canCreate}
          onCreated={(project) =>
            void navigate({ to: '/projects/$projectCode', params: { projectCode: project.code } })
          }
        />
      }
    />
  );
}
