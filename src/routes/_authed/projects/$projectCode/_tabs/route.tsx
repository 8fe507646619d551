import { createFileRoute, redirect } from '@tanstack/react-router';
import { projectQuery } from '@/api/projects';
import { projectTabLinkOptions } from '@/lib/node-links';
import { projectPath } from '@/lib/node-path';
import { PROJECT_TABS } from '@/lib/node-tabs';
import { ensureNode } from '@/routes/-loaders';
import { ProjectTabsLayout } from '@/routes/-node-page/project-tabs-layout';
import { follow, isTabShown, legacyTabTarget } from '@/routes/-node-page/tab-routing';

// The project's page around its tab routes (the project's environments and assets have pages of their own).
export const Route = createFileRoute('/_authed/projects/$projectCode/_tabs')({
  beforeLoad: ({ location, params: { projectCode } }) => {
    const legacy = legacyTabTarget(location, projectPath(projectCode), PROJECT_TABS);
    if (legacy === null) return;
    const target = projectTabLinkOptions(projectCode, legacy.tab);
    follow(redirect({ ...target, search: legacy.search, replace: true }));
  },
  loader: async ({ context, location, params: { projectCode } }) => {
    const project = await ensureNode(context.queryClient, projectQuery(projectCode));
    if (isTabShown(PROJECT_TABS, project, location.pathname)) return;
    follow(redirect({ ...projectTabLinkOptions(projectCode, 'overview'), replace: true }));
  },
  component: function ProjectTabsRoute() {
    return <ProjectTabsLayout projectCode={Route.useParams().projectCode} />;
  },
});
