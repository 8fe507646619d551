import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/** How long to wait for an idle moment where the browser has no requestIdleCallback (Safari). */
const IDLE_FALLBACK_MS = 2000;

/**
 * Loads the Activity page's code once the browser is idle after sign-in (not its data: 10,000 changes are
 * fetched on link intent or navigation only). The first visit then waits for the list alone, not for a dozen
 * chunks from a server busy sending that list.
 */
export function useIdleActivityPreload(): void {
  const router = useRouter();
  useEffect(() => {
    const load = () => {
      const loading = router.loadRouteChunk(router.routesById['/_authed/activity']);
      // A failed download is tried again, with a message, when the page is opened.
      loading?.catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(load, { timeout: IDLE_FALLBACK_MS * 5 });
      return () => {
        window.cancelIdleCallback(handle);
      };
    }
    const timer = window.setTimeout(load, IDLE_FALLBACK_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [router]);
}
