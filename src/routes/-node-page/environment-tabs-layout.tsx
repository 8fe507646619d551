import { Outlet } from '@tanstack/react-router';
import { EnvironmentPage } from '@/features/nodes/environment-page';
import { environmentTabLinkOptions } from '@/lib/node-links';
import { ENVIRONMENT_TABS, NODE_TAB_LABELS, tabsOf } from '@/lib/node-tabs';
import { RunChangeButton } from '@/features/changes/run-change-button';
import { useOpenChange } from '@/routes/-activity/use-open-change';
import { TabLink } from '@/ui/tab-link';
import { NodeTabs } from './node-tabs';
import { useActiveTab } from './use-active-tab';
import { useEnvironmentNode } from './use-node';

export interface EnvironmentTabsLayoutProps {
  projectCode: string;
  environmentCode: string;
}

/** An environment's page: heading and actions, the tabs its meta flags allow, and the open tab's route. */
export function EnvironmentTabsLayout({ projectCode, environmentCode }: EnvironmentTabsLayoutProps) {
  const environment = useEnvironmentNode({ projectCode, environmentCode });
  const openChange = useOpenChange();
  return (
    <EnvironmentPage
      projectCode={projectCode}
      environmentCode={environmentCode}
      extraActions={<RunChangeButton node={environment} onCreated={openChange} />}
    >
      <NodeTabs
        nodePath={environment.path}
        active={useActiveTab(environment.path)}
        tabs={tabsOf(ENVIRONMENT_TABS, environment.meta).map((tab) => (
          <TabLink key={tab} value={tab} {...environmentTabLinkOptions(projectCode, environmentCode, tab)}>
            {NODE_TAB_LABELS[tab]}
          </TabLink>
        ))}
      >
        <Outlet />
      </NodeTabs>
    </EnvironmentPage>
  );
}
