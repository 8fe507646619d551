import { createFileRoute } from '@tanstack/react-router';
import { DocumentTab } from '@/routes/-node-page/document-tab';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { documentTabSearchSchema } from '@/routes/-node-page/tab-search';
import { useEnvironmentNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute(
  '/_authed/projects/$projectCode/environments/$environmentCode/_tabs/settings',
)({
  validateSearch: documentTabSearchSchema,
  pendingComponent: NodeTabPending,
  component: function EnvironmentSettingsRoute() {
    const environment = useEnvironmentNode(Route.useParams());
    return (
      <DocumentTab
        kind="settings"
        node={environment}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
