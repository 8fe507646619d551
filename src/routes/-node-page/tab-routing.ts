import type { NodeMeta } from '@contract/node';
import type { AnyRedirect, ParsedLocation } from '@tanstack/react-router';
import { z } from 'zod';
import { nodeTabSearchSchema, tabOfPath, tabsOf, type NodeTab } from '@/lib/node-tabs';
import { TAB_SEARCH_SCHEMAS } from './tab-search';

// Route-level rules of node pages' tabs, shared by the layout route of every node kind.

/** Throws the redirect a loader or beforeLoad built (TanStack Router redirects by throwing). */
export function follow(target: AnyRedirect): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing redirect()
  throw target;
}

const legacySearchSchema = z.looseObject({ tab: nodeTabSearchSchema });

/**
 * An old link to a tab (`/projects/bank?tab=environments&q=dev`): the tab's route to go to instead, and
 * those of the other search parameters that tab has (the old links carried every tab's parameters). Null
 * for anything else. A tab this kind of node has no route for leads to the overview.
 */
export function legacyTabTarget<T extends NodeTab>(
  location: ParsedLocation,
  nodePath: string,
  kindTabs: readonly T[],
): { tab: T | 'overview'; search: Record<string, unknown> } | null {
  if (tabOfPath(location.pathname, nodePath) !== 'overview') return null;
  const parsed = legacySearchSchema.safeParse(location.search);
  if (!parsed.success || parsed.data.tab === undefined) return null;
  const { tab: requested, ...rest } = parsed.data;
  const tab = kindTabs.find((candidate) => candidate === requested) ?? 'overview';
  const search = Object.fromEntries(
    Object.entries(TAB_SEARCH_SCHEMAS[tab].parse(rest)).filter(([, value]) => value !== undefined),
  );
  return { tab, search };
}

/**
 * Whether the address shows a tab the node has (its meta flags allow it). A tab it lacks, reached by a
 * typed or old link, falls back to the overview as before tabs were routes.
 */
export function isTabShown(
  kindTabs: readonly NodeTab[],
  node: { path: string; meta: NodeMeta },
  pathname: string,
): boolean {
  const tab = tabOfPath(pathname, node.path);
  return tab === undefined || tabsOf(kindTabs, node.meta).some((shown) => shown === tab);
}
