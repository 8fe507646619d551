import { useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { NodeSummary } from '@/api/node-summary';
import { nodeLinkOptions } from '@/lib/node-links';
import { parseNodePath } from '@/lib/node-path';

/** Goes to a node's page; Ctrl/Cmd+click opens it in a new tab (which keeps this tab's sign-in). */
export function useOpenNode() {
  const router = useRouter();
  return useCallback(
    (node: Pick<NodeSummary, 'path'>, inNewTab: boolean) => {
      const ref = parseNodePath(node.path);
      if (ref === null) return;
      const options = nodeLinkOptions(ref);
      if (inNewTab) {
        // Without `noopener` the new tab starts with a copy of this tab's sessionStorage, so it is signed in.
        window.open(router.buildLocation(options).href, '_blank');
        return;
      }
      void router.navigate(options);
    },
    [router],
  );
}
