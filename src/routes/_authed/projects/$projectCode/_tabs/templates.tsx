import { createFileRoute } from '@tanstack/react-router';
import { TemplatesPanel } from '@/features/templates/templates-panel';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { templatesTabSearchSchema } from '@/routes/-node-page/tab-search';
import { useProjectNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/templates')({
  validateSearch: templatesTabSearchSchema,
  pendingComponent: NodeTabPending,
  component: function ProjectTemplatesRoute() {
    const project = useProjectNode(Route.useParams());
    const search = Route.useSearch();
    const onSearchChange = useSearchPatch<typeof search>();
    return (
      <TemplatesPanel
        projectCode={project.code}
        authorisations={project.meta.authorisations}
        search={search}
        selectedCode={search.template}
        onSearchChange={onSearchChange}
        onSelect={(template) => {
          onSearchChange({ template });
        }}
      />
    );
  },
});
