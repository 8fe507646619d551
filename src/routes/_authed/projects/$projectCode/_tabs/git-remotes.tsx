import { createFileRoute } from '@tanstack/react-router';
import { GitRemotesPanel } from '@/features/git-remotes/git-remotes-panel';
import { listSearchSchema } from '@/lib/list-search';
import { NodeTabPending } from '@/routes/-node-page/node-tab-pending';
import { useProjectNode } from '@/routes/-node-page/use-node';
import { useSearchPatch } from '@/routes/-node-page/use-search-patch';

export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs/git-remotes')({
  validateSearch: listSearchSchema,
  pendingComponent: NodeTabPending,
  component: function ProjectGitRemotesRoute() {
    const project = useProjectNode(Route.useParams());
    return (
      <GitRemotesPanel
        projectCode={project.code}
        authorisations={project.meta.authorisations}
        search={Route.useSearch()}
        onSearchChange={useSearchPatch()}
      />
    );
  },
});
