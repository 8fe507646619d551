import { Tabs } from '@mantine/core';
import type { AnyNode } from '@/api/node-mutations';
import type { NodeRef } from '@/lib/node-path';
import { availableTabs, NODE_TAB_LABELS, selectTab, type NodeTab } from '@/lib/node-tabs';
import { NodeTabPanel } from './node-tab-panel';
import type { NodePageSearch } from './node-search';

export interface NodeTabsProps {
  node: AnyNode;
  search: NodePageSearch;
  /** Changes search parameters of the open tab (filters, sorting, what is open), replacing the history entry. */
  onSearchChange: (patch: Partial<NodePageSearch>) => void;
  /** Opens another tab, dropping the old tab's parameters. */
  onTabChange: (tab: NodeTab) => void;
  /** Opens a node's page (after creating it). */
  onOpenNode: (ref: NodeRef) => void;
}

/** The tabs a node has (from its `meta` flags); the open one is in the URL. */
export function NodeTabs({ node, search, onSearchChange, onTabChange, onOpenNode }: NodeTabsProps) {
  const tabs = availableTabs(node.meta);
  const active = selectTab(node.meta, search.tab);
  return (
    <Tabs
      value={active}
      onChange={(value) => {
        const tab = tabs.find((candidate) => candidate === value);
        if (tab !== undefined) onTabChange(tab);
      }}
      keepMounted={false}
    >
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab} value={tab}>
            {NODE_TAB_LABELS[tab]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={active} pt="md">
        <NodeTabPanel
          tab={active}
          node={node}
          search={search}
          onSearchChange={onSearchChange}
          onOpenNode={onOpenNode}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
