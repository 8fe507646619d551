import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '@/api/query-client';
import { App } from '@/app/app';
import { createAuth, watchSessionExpiry } from '@/app/auth';
import { createAppRouter } from '@/app/router';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
const auth = createAuth(queryClient);
const router = createAppRouter({ queryClient, auth });

// A 401 anywhere: back to sign-in, and from there back to this page.
watchSessionExpiry(queryClient, () => {
  const { href } = router.state.location;
  void router.navigate({ to: '/sign-in', search: { redirect: href, reason: 'expired' } });
});

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
