import { createFileRoute } from '@tanstack/react-router';
import { EnvironmentPage } from '@/features/nodes/environment-page';

export const Route = createFileRoute('/_authed/projects/$projectCode/environments/$environmentCode/')({
  component: function EnvironmentRoute() {
    const { projectCode, environmentCode } = Route.useParams();
    return <EnvironmentPage projectCode={projectCode} environmentCode={environmentCode} />;
  },
});
