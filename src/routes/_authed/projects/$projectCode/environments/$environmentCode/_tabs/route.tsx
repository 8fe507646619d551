import { createFileRoute, redirect } from '@tanstack/react-router';
import { environmentQuery } from '@/api/environments';
import { environmentTabLinkOptions } from '@/lib/node-links';
import { environmentPath } from '@/lib/node-path';
import { ENVIRONMENT_TABS } from '@/lib/node-tabs';
import { ensureNode } from '@/routes/-loaders';
import { EnvironmentTabsLayout } from '@/routes/-node-page/environment-tabs-layout';
import { follow, isTabShown, legacyTabTarget } from '@/routes/-node-page/tab-routing';

// The environment's page around its tab routes (its assets have pages of their own).
export const Route = createFileRoute('/_authed/projects/$projectCode/environments/$environmentCode/_tabs')({
  beforeLoad: ({ location, params: { projectCode, environmentCode } }) => {
    const legacy = legacyTabTarget(location, environmentPath(projectCode, environmentCode), ENVIRONMENT_TABS);
    if (legacy === null) return;
    const target = environmentTabLinkOptions(projectCode, environmentCode, legacy.tab);
    follow(redirect({ ...target, search: legacy.search, replace: true }));
  },
  loader: async ({ context, location, params: { projectCode, environmentCode } }) => {
    const environment = await ensureNode(context.queryClient, environmentQuery(projectCode, environmentCode));
    if (isTabShown(ENVIRONMENT_TABS, environment, location.pathname)) return;
    const overview = environmentTabLinkOptions(projectCode, environmentCode, 'overview');
    follow(redirect({ ...overview, replace: true }));
  },
  component: function EnvironmentTabsRoute() {
    const { projectCode, environmentCode } = Route.useParams();
    return <EnvironmentTabsLayout projectCode={projectCode} environmentCode={environmentCode} />;
  },
});
