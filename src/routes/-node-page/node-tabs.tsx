import { Group, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NodeTab } from '@/lib/node-tabs';
import { AnchorLink } from '@/ui/router-links';

export interface NodeTabsProps {
  /** The tab the matched route shows; undefined while leaving for another node's page. */
  active: NodeTab | undefined;
  /** One TabLink per tab the node has. */
  tabs: ReactNode;
  /** The open tab's route (an Outlet). */
  children: ReactNode;
  /** The node's OpsChain path, for the link to the access explainer. */
  nodePath: string;
}

/** A node page's tab list (links, one per tab route) above the open tab's content. */
export function NodeTabs({ active, tabs, children, nodePath }: NodeTabsProps) {
  return (
    <Tabs value={active ?? null} keepMounted={false}>
      <Group justify="flex-end" mb={4}>
        <AnchorLink to="/security/check" search={{ path: nodePath }} size="xs">
          Who can do what here
        </AnchorLink>
      </Group>
      <Tabs.List>{tabs}</Tabs.List>
      {active === undefined ? (
        children
      ) : (
        <Tabs.Panel value={active} pt="md">
          {children}
        </Tabs.Panel>
      )}
    </Tabs>
  );
}
