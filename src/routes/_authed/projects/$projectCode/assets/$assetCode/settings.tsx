import { createFileRoute } from '@tanstack/react-router';
import { DocumentTab } from '@/routes/-node-page/document-tab';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { documentTabSearchSchema } from '@/routes/-node-page/tab-search';
import { useAssetNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/assets/$assetCode/settings')({
  validateSearch: documentTabSearchSchema,
  pendingComponent: NodeTabPending,
  component: function ProjectAssetSettingsRoute() {
    const asset = useAssetNode(Route.useParams());
    return (
      <DocumentTab
        kind="settings"
        node={asset}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
