import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { projectQuery } from '@/api/projects';
import { ProjectPage } from '@/features/nodes/project-page';
import { nodeLinkOptions } from '@/lib/node-links';
import { nodePageSearchSchema } from '@/routes/-node-page/node-search';
import { NodeTabs } from '@/routes/-node-page/node-tabs';

export const Route = createFileRoute('/_authed/projects/$projectCode/')({
  validateSearch: nodePageSearchSchema,
  component: function ProjectRoute() {
    const { projectCode } = Route.useParams();
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const navigateAnywhere = useNavigate();
    const { data: project } = useSuspenseQuery(projectQuery(projectCode));
    return (
      <ProjectPage projectCode={projectCode}>
        <NodeTabs
          node={project}
          search={search}
          onSearchChange={(patch) =>
            void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
          }
          onTabChange={(tab) => void navigate({ search: tab === 'overview' ? {} : { tab } })}
          onOpenNode={(ref) => void navigateAnywhere(nodeLinkOptions(ref))}
        />
      </ProjectPage>
    );
  },
});
