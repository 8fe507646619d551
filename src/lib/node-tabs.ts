import type { NodeMeta } from '@contract/node';
import { z } from 'zod';

// The tabs of a project, environment or asset page, chosen from the node's `meta` flags (domain §2.2,
// §5.4) rather than from its kind or project type. The URL names the tab (`?tab=git-remotes`).

export const NODE_TABS = [
  'overview',
  'environments',
  'assets',
  'properties',
  'settings',
  'git-remotes',
  'templates',
  'template',
  'converged-properties',
  'mintmodels',
] as const;
export type NodeTab = (typeof NODE_TABS)[number];

export const DEFAULT_NODE_TAB: NodeTab = 'overview';

export const NODE_TAB_LABELS: Record<NodeTab, string> = {
  overview: 'Overview',
  environments: 'Environments',
  assets: 'Assets',
  properties: 'Properties',
  settings: 'Settings',
  'git-remotes': 'Git remotes',
  templates: 'Templates',
  template: 'Template & versions',
  'converged-properties': 'Converged properties',
  mintmodels: 'MintModels',
};

/** The `tab` search parameter: unknown values fall back to no tab (the overview). */
export const nodeTabSearchSchema = z.enum(NODE_TABS).optional().catch(undefined);

/** The tabs a node has, in display order. */
export function availableTabs(meta: NodeMeta): NodeTab[] {
  const tabs: NodeTab[] = ['overview'];
  if (meta.child_node_types.includes('environment')) tabs.push('environments');
  if (meta.child_node_types.includes('asset')) tabs.push('assets');
  if (meta.requires_template) tabs.push('template');
  if (meta.can_have_properties) tabs.push('properties');
  if (meta.requires_template) tabs.push('converged-properties');
  if (meta.can_have_settings) tabs.push('settings');
  // Only projects have Git remotes; the server says so with the facet it sends.
  if (meta.authorisations.git_remotes !== undefined) tabs.push('git-remotes');
  if (meta.can_have_templates) tabs.push('templates');
  if (meta.requires_template) tabs.push('mintmodels');
  return tabs;
}

/** The tab to show: the requested one when the node has it, otherwise the overview. */
export function selectTab(meta: NodeMeta, requested: string | undefined): NodeTab {
  const tabs = availableTabs(meta);
  return tabs.find((tab) => tab === requested) ?? DEFAULT_NODE_TAB;
}
