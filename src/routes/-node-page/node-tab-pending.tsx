import { useLocation } from '@tanstack/react-router';
import { NODE_TAB_LABELS, NODE_TABS } from '@/lib/node-tabs';
import { TableSkeleton } from '@/ui/table-skeleton';

/** The tab's label for an address `<node>/<tab>`; the overview for the node's own address. */
function tabLabel(pathname: string): string {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return NODE_TAB_LABELS[NODE_TABS.find((tab) => tab === last) ?? 'overview'];
}

/**
 * What a tab route shows while its code or data is slow to arrive: rows inside the tab panel. (The
 * router's default is a whole node page's skeleton, which inside the node page would show it twice.)
 */
export function NodeTabPending() {
  const pathname = useLocation({ select: (location) => location.pathname });
  return <TableSkeleton label={`Loading ${tabLabel(pathname)}`} rows={6} />;
}
