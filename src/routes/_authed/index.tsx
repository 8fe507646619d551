import { createFileRoute, redirect } from '@tanstack/react-router';

// The projects are the console's starting point.
export const Route = createFileRoute('/_authed/')({
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing redirect()
    throw redirect({ to: '/projects', replace: true });
  },
});
