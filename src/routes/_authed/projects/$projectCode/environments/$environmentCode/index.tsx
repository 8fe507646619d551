import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { environmentQuery } from '@/api/environments';
import { EnvironmentPage } from '@/features/nodes/environment-page';
import { nodeLinkOptions } from '@/lib/node-links';
import { nodePageSearchSchema } from '@/routes/-node-page/node-search';
import { NodeTabs } from '@/routes/-node-page/node-tabs';

export const Route = createFileRoute('/_authed/projects/$projectCode/environments/$environmentCode/')({
  validateSearch: nodePageSearchSchema,
  component: function EnvironmentRoute() {
    const { projectCode, environmentCode } = Route.useParams();
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const navigateAnywhere = useNavigate();
    const { data: environment } = useSuspenseQuery(environmentQuery(projectCode, environmentCode));
    return (
      <EnvironmentPage projectCode={projectCode} environmentCode={environmentCode}>
        <NodeTabs
          node={environment}
          search={search}
          onSearchChange={(patch) =>
            void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
          }
          onTabChange={(tab) => void navigate({ search: tab === 'overview' ? {} : { tab } })}
          onOpenNode={(ref) => void navigateAnywhere(nodeLinkOptions(ref))}
        />
      </EnvironmentPage>
    );
  },
});
