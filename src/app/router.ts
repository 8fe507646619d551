import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { routeTree } from '@/routeTree.gen';
import type { Auth } from './auth';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

export function createAppRouter(context: { queryClient: QueryClient; auth: Auth }) {
  return createRouter({
    routeTree,
    context,
    // Hovering a link loads its route's data; Query, not the router, decides whether cached data is fresh.
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
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
