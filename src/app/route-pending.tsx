import { useLocation } from '@tanstack/react-router';
import type { NodeRef } from '@/lib/node-path';
import { nodeOfPagePath } from '@/lib/node-tabs';
import { PageSkeleton, type PageSkeletonProps } from '@/ui/page-skeleton';

function nodeLabel(ref: NodeRef): string {
  switch (ref.kind) {
    case 'project':
      return `Loading project ${ref.projectCode}`;
    case 'environment':
      return `Loading environment ${ref.environmentCode}`;
    case 'asset':
      return `Loading asset ${ref.assetCode}`;
  }
}

/** The skeleton that fits the page being opened, judged from its address. */
export function pendingSkeletonFor(pathname: string): PageSkeletonProps {
  const ref = nodeOfPagePath(pathname);
  if (ref !== null) return { shape: 'node', label: nodeLabel(ref) };
  if (pathname === '/projects') return { shape: 'list', label: 'Loading projects' };
  if (pathname === '/events') return { shape: 'list', label: 'Loading events' };
  return { shape: 'plain', label: 'Loading the page' };
}

/**
 * What a route shows while its loader runs for longer than the router's `defaultPendingMs`: the shape of
 * the page being opened (the URL already names it), rather than the previous page with no sign of work.
 */
export function RoutePending() {
  // During a navigation the router's location is already the one being loaded.
  const pathname = useLocation({ select: (location) => location.pathname });
  return <PageSkeleton {...pendingSkeletonFor(pathname)} />;
}
