import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NodeTab } from '@/lib/node-tabs';

export interface NodeTabsProps {
  /** The tab the matched route shows; undefined while leaving for another node's page. */
  active: NodeTab | undefined;
  /** One TabLink per tab the node has. */
  tabs: ReactNode;
  /** The open tab's route (an Outlet). */
  children: ReactNode;
}

/** A node page's tab list (links, one per tab route) above the open tab's content. */
export function NodeTabs({ active, tabs, children }: NodeTabsProps) {
  return (
    <Tabs value={active ?? null} keepMounted={false}>
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
