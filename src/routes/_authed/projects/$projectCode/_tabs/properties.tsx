import { createFileRoute } from '@tanstack/react-router';
import { DocumentTab } from '@/routes/-node-page/document-tab';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { documentTabSearchSchema } from '@/routes/-node-page/tab-search';
import { useProjectNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/properties')({
  validateSearch: documentTabSearchSchema,
  pendingComponent: NodeTabPending,
  component: function ProjectPropertiesRoute() {
    const project = useProjectNode(Route.useParams());
    return (
      <DocumentTab
        kind="properties"
        node={project}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
