import { CHANGE_DETAIL_PARAMS, changePath } from '@/api/change-paths';
import { startEarlyGet } from '@/api/client';
import { credentialsStore } from '@/api/credentials';
import { workflowRunPath } from '@/api/workflow-run-paths';
import { preloadStepGraph } from '@/ui/step-graph-chunk';

// The data a page opened by its address needs first, asked for while the app's code is still starting:
// `main.tsx` imports this module before anything else, so the request goes out as soon as the first script
// runs instead of after the router has started and the page's code has loaded (≈ 250 ms later). The page's
// own query then takes the answer (`startEarlyGet`). Only for pages whose first request is large and known
// from the address alone (and the code they cannot do without); nothing is asked for when nobody is signed in.

interface BootPage {
  /** The page's pathname; its groups are the `ids`. */
  pattern: RegExp;
  start: (ids: readonly string[]) => void;
}

const BOOT_PAGES: readonly BootPage[] = [
  {
    // The change page (`/changes/$changeId`): a change of 2,000 steps is 2.5 MB.
    pattern: /^\/changes\/([^/]+)\/?$/,
    start: ([id = '']) => {
      startEarlyGet(changePath(id), CHANGE_DETAIL_PARAMS);
      // React Flow's chunk too: downloaded and compiled while the rest of the app starts.
      preloadStepGraph();
    },
  },
  {
    // A workflow run's page: a run of 2,000 steps is 3.6 MB.
    pattern: /^\/projects\/([^/]+)\/workflows\/([^/]+)\/runs\/([^/]+)\/?$/,
    start: ([projectCode = '', workflowCode = '', runId = '']) => {
      startEarlyGet(workflowRunPath({ projectCode, workflowCode }, runId));
      preloadStepGraph();
    },
  },
];

/** Starts the first request of the page at `pathname`, if it is one of BOOT_PAGES. */
export function startBootRequests(pathname: string): void {
  // Signed out, the page is sign-in.
  if (credentialsStore.get() === null) return;
  for (const page of BOOT_PAGES) {
    const match = page.pattern.exec(pathname);
    if (match === null) continue;
    try {
      page.start(match.slice(1).map((segment) => decodeURIComponent(segment)));
    } catch {
      // A malformed address (`%E0`): the page itself explains it.
    }
    return;
  }
}

if (typeof window !== 'undefined') startBootRequests(window.location.pathname);
