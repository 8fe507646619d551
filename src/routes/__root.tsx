import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import type { Auth } from '@/app/auth';
import { NavigationProgress } from '@/app/navigation-progress';
import { NotFoundPage } from '@/app/not-found-page';
import { RouteError } from '@/app/route-error';

export interface RouterContext {
  queryClient: QueryClient;
  auth: Auth;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

/** Every page, with the bar that shows a navigation is loading. */
function RootLayout() {
  return (
    <>
      <NavigationProgress />
      <Outlet />
    </>
  );
}
