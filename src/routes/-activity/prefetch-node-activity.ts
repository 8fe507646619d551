import type { QueryClient } from '@tanstack/react-query';
import { activityListQuery } from '@/api/activity';
import { toActivityFilters, type ActivitySearch } from '@/features/changes/activity-search';
import { nodePath, type NodeRef } from '@/lib/node-path';
import { prefetch } from '@/routes/-loaders';

/**
 * A node's Activity tab asks for its changes on link intent (hover, focus) or navigation, beside the tab's
 * code, as the Activity page does: the key is the one the tab's list uses (`nodePath` as the node pages
 * build it).
 */
export function prefetchNodeActivity(queryClient: QueryClient, node: NodeRef, search: ActivitySearch): void {
  prefetch(queryClient, activityListQuery({ nodePath: nodePath(node) }, toActivityFilters(search)));
}
