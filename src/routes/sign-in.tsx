import { createFileRoute, redirect, useRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { SignInPage } from '@/features/sign-in/sign-in-page';
import { safeRedirectPath } from '@/lib/safe-redirect';

const signInSearch = z.object({
  /** Where to go once signed in (a console path). */
  redirect: z.string().optional().catch(undefined),
  /** Why the user is here: their session ended, or they signed out (here or in another tab). */
  reason: z.enum(['expired', 'signed-out', 'signed-out-elsewhere']).optional().catch(undefined),
});

export const Route = createFileRoute('/sign-in')({
  validateSearch: signInSearch,
  beforeLoad: ({ context, search }) => {
    if (context.auth.isSignedIn()) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing redirect()
      throw redirect({ href: safeRedirectPath(search.redirect) });
    }
  },
  head: () => ({ meta: [{ title: 'Sign in · OpsChain Console' }] }),
  component: SignInRoute,
});

function SignInRoute() {
  const { redirect: target, reason } = Route.useSearch();
  const { auth } = Route.useRouteContext();
  const router = useRouter();
  return (
    <SignInPage
      reason={reason}
      onSignedIn={(credentials, user) => {
        auth.signIn(credentials, user);
        // Resolves once the target's loaders have run and it renders: the form stays busy until then.
        return router.navigate({ href: safeRedirectPath(target), replace: true });
      }}
    />
  );
}
