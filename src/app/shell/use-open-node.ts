import { linkOptions, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { NodeSummary } from '@/api/node-summary';
import { nodeLinkOptions } from '@/lib/node-links';
import { parseNodePath, parseWorkflowPath } from '@/lib/node-path';

/** Where a path opens: a node's page, or a workflow's (search hits include workflows); null for neither. */
function pageOf(path: string) {
  const ref = parseNodePath(path);
  if (ref !== null) return nodeLinkOptions(ref);
  const workflow = parseWorkflowPath(path);
  if (workflow === null) return null;
  return linkOptions({ to: '/projects/$projectCode/workflows/$workflowCode', params: workflow });
}

/** Goes to a node's (or workflow's) page; Ctrl/Cmd+click opens it in a new tab (which keeps this tab's sign-in). */
export function useOpenNode() {
  const router = useRouter();
  return useCallback(
    (node: Pick<NodeSummary, 'path'>, inNewTab: boolean) => {
      const options = pageOf(node.path);
      if (options === null) return;
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
