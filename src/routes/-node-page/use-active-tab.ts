import { useLocation } from '@tanstack/react-router';
import { tabOfPath, type NodeTab } from '@/lib/node-tabs';

/** The tab the address shows below the node's page (the same rule its layout's loader checks). */
export function useActiveTab(nodePath: string): NodeTab | undefined {
  return useLocation({ select: (location) => tabOfPath(location.pathname, nodePath) });
}
