import { createFileRoute } from '@tanstack/react-router';
import { ProjectPage } from '@/features/nodes/project-page';

export const Route = createFileRoute('/_authed/projects/$projectCode/')({
  component: function ProjectRoute() {
    const { projectCode } = Route.useParams();
    return <ProjectPage projectCode={projectCode} />;
  },
});
