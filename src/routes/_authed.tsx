import { createFileRoute, redirect } from '@tanstack/react-router';
import { AppShellLayout } from '@/app/shell/app-shell-layout';

// Everything but sign-in needs credentials; without them, sign in and come back here.
export const Route = createFileRoute('/_authed')({
  beforeLoad: ({ context, location }) => {
    if (!context.auth.isSignedIn()) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing redirect()
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
  },
  component: AppShellLayout,
});
