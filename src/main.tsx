// First: the page's own data is asked for while the rest of the app's code starts (boot-requests.ts).
import '@/app/boot-requests';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '@/api/query-client';
import { App } from '@/app/app';
import { createAuth, watchSessionExpiry, watchSignOutElsewhere } from '@/app/auth';
import { browserSessionShare } from '@/app/auth-session-share';
import { credentialsStore } from '@/api/credentials';
import { createAppRouter } from '@/app/router';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
const share = browserSessionShare(credentialsStore);
const auth = createAuth(queryClient, share);
const router = createAppRouter({ queryClient, auth });

// A 401 anywhere: back to sign-in, and from there back to this page.
watchSessionExpiry(queryClient, () => {
  const { href } = router.state.location;
  void router.navigate({ to: '/sign-in', search: { redirect: href, reason: 'expired' } });
});

// Signed out in another tab: here too, and sign in again to come back to this page.
watchSignOutElsewhere(share, auth, () => {
  const { href } = router.state.location;
  return router.navigate({ to: '/sign-in', search: { redirect: href, reason: 'signed-out-elsewhere' } });
});

// A new tab first asks the open tabs for their session, so a link opened in a new tab does not ask for the
// password (nor flash the sign-in page while it waits: nothing renders until the answer or the wait ends).
void share
  .restore()
  .catch(() => false)
  .then(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
