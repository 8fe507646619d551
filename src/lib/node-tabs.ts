import type { NodeMeta } from '@contract/node';
import { z } from 'zod';
import { parseNodePath, type NodeRef } from './node-path';

// The tabs of a project, environment or asset page, chosen from the node's `meta` flags (domain §2.2,
// §5.4) rather than from its kind or project type. Each tab is a route below the node's page
// (`/projects/bank/git-remotes`); the overview is the node's own address. Links of the older form
// (`/projects/bank?tab=git-remotes`) are redirected.

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
  'activity',
  'schedules',
  'workflows',
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
  activity: 'Activity',
  schedules: 'Schedules',
  workflows: 'Workflows',
};

/** The tabs each kind of node has routes for, in display order; the meta flags choose among them. */
export const PROJECT_TABS = [
  'overview',
  'environments',
  'assets',
  'properties',
  'settings',
  'git-remotes',
  'templates',
  'workflows',
  'activity',
  'schedules',
] as const satisfies readonly NodeTab[];
export type ProjectTab = (typeof PROJECT_TABS)[number];
export const ENVIRONMENT_TABS = [
  'overview',
  'assets',
  'properties',
  'settings',
  'activity',
  'schedules',
] as const satisfies readonly NodeTab[];
export type EnvironmentTab = (typeof ENVIRONMENT_TABS)[number];
export const ASSET_TABS = [
  'overview',
  'template',
  'properties',
  'converged-properties',
  'settings',
  'mintmodels',
  'activity',
  'schedules',
] as const satisfies readonly NodeTab[];
export type AssetTab = (typeof ASSET_TABS)[number];

/** The old-style `tab` search parameter (redirected): unknown values fall back to no tab (the overview). */
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
  // Workflows belong to Enterprise projects; a Standard project (a project: it has Git remotes) shows the
  // tab too, to say why it has none.
  if (meta.can_have_workflows || meta.authorisations.git_remotes !== undefined) tabs.push('workflows');
  if (meta.requires_template) tabs.push('mintmodels');
  // Every node lists the changes on it and below it (a Standard project's are its environments').
  tabs.push('activity');
  // Schedules start changes or workflows: not on a Standard project, which has neither.
  const canSchedule = meta.can_have_changes || meta.can_have_workflows;
  if (canSchedule && meta.authorisations.scheduled_activities !== undefined) tabs.push('schedules');
  return tabs;
}

/** The tab to show: the requested one when the node has it, otherwise the overview. */
export function selectTab(meta: NodeMeta, requested: string | undefined): NodeTab {
  const tabs = availableTabs(meta);
  return tabs.find((tab) => tab === requested) ?? DEFAULT_NODE_TAB;
}

/** The tabs a node shows: those its meta flags allow, among those its kind has routes for. */
export function tabsOf<T extends NodeTab>(kindTabs: readonly T[], meta: NodeMeta): T[] {
  return availableTabs(meta).flatMap((tab) => kindTabs.filter((candidate) => candidate === tab));
}

/**
 * The tab an address shows below a node's page: `overview` for the node's own address, the tab the last
 * segment names for `<node path>/<tab>`, undefined for anything else (another node's page).
 */
export function tabOfPath(pathname: string, nodePath: string): NodeTab | undefined {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (path === nodePath) return 'overview';
  if (!path.startsWith(`${nodePath}/`)) return undefined;
  const rest = path.slice(nodePath.length + 1);
  return NODE_TABS.find((tab) => tab === rest && tab !== 'overview');
}

/**
 * The node whose page an address shows, on any of its tabs: `/projects/bank/environments` is the project
 * bank's Environments tab. Null for any other address.
 */
export function nodeOfPagePath(pathname: string): NodeRef | null {
  const exact = parseNodePath(pathname);
  if (exact !== null) return exact;
  const cut = pathname.lastIndexOf('/');
  const tab = pathname.slice(cut + 1);
  if (!NODE_TABS.some((candidate) => candidate === tab && candidate !== 'overview')) return null;
  return parseNodePath(pathname.slice(0, cut));
}
