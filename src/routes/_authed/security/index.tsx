import { createFileRoute, redirect } from '@tanstack/react-router';
import { follow } from '@/routes/-node-page/tab-routing';

export const Route = createFileRoute('/_authed/security/')({
  beforeLoad: () => follow(redirect({ to: '/security/check', replace: true })),
});
