import { Outlet } from '@tanstack/react-router';
import { ProjectPage } from '@/features/nodes/project-page';
import { projectTabLinkOptions } from '@/lib/node-links';
import { NODE_TAB_LABELS, PROJECT_TABS, tabsOf } from '@/lib/node-tabs';
import { RunChangeButton } from '@/features/changes/run-change-button';
import { useOpenChange } from '@/routes/-activity/use-open-change';
import { TabLink } from '@/ui/tab-link';
import { NodeTabs } from './node-tabs';
import { useActiveTab } from './use-active-tab';
import { useProjectNode } from './use-node';

/** A project's page: heading and actions, the tabs its meta flags allow, and the open tab's route. */
export function ProjectTabsLayout({ projectCode }: { projectCode: string }) {
  const project = useProjectNode({ projectCode });
  const openChange = useOpenChange();
  return (
    <ProjectPage
      projectCode={projectCode}
      extraActions={<RunChangeButton node={project} onCreated={openChange} />}
    >
      <NodeTabs
        nodePath={project.path}
        active={useActiveTab(project.path)}
        tabs={tabsOf(PROJECT_TABS, project.meta).map((tab) => (
          <TabLink key={tab} value={tab} {...projectTabLinkOptions(projectCode, tab)}>
            {NODE_TAB_LABELS[tab]}
          </TabLink>
        ))}
      >
        <Outlet />
      </NodeTabs>
    </ProjectPage>
  );
}
