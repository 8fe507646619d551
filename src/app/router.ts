import type { QueryClient } from '@tanstack/react-query';
import { createRouter, type RouterHistory } from '@tanstack/react-router';
import { routeTree } from '@/routeTree.gen';
import type { Auth } from './auth';
import { NAVIGATION_PROGRESS_DELAY_MS } from './navigation-progress';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';
import { RoutePending } from './route-pending';

export interface AppRouterOptions {
  /** Memory history in tests; the browser's otherwise. */
  history?: RouterHistory | undefined;
}

export function createAppRouter(
  context: { queryClient: QueryClient; auth: Auth },
  { history }: AppRouterOptions = {},
) {
  return createRouter({
    routeTree,
    context,
    ...(history === undefined ? {} : { history }),
    // Hovering a link loads its route's data; Query, not the router, decides whether cached data is fresh.
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    // A page whose data takes longer than this to load shows its skeleton (with the progress bar, see
    // __root) instead of leaving the previous page up with no sign of work; once shown, the skeleton stays
    // long enough not to flash.
    defaultPendingComponent: RoutePending,
    defaultPendingMs: NAVIGATION_PROGRESS_DELAY_MS,
    defaultPendingMinMs: 300,
    // An unknown path is a missing page, not a missing project: let the root say so.
    notFoundMode: 'root',
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
