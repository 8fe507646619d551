import { Stack, Tabs, Text, Title } from '@mantine/core';
import { createFileRoute, Outlet, useLocation } from '@tanstack/react-router';
import { TabLink } from '@/ui/tab-link';

// The security section: one route per tab, so each view has its own address.
const SECTIONS = [
  { to: '/security/check', label: 'Check access' },
  { to: '/security/rules', label: 'Rules' },
  { to: '/security/policies', label: 'Policies' },
  { to: '/security/users', label: 'Users' },
  { to: '/security/groups', label: 'Groups' },
] as const;

export const Route = createFileRoute('/_authed/security')({
  component: function SecurityLayout() {
    const pathname = useLocation({ select: (location) => location.pathname });
    const active = SECTIONS.find((section) => pathname.startsWith(section.to))?.to ?? null;
    return (
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1}>Security</Title>
          <Text c="dimmed">
            Who may read, update and execute what: authorisation rules, policies and their assignments.
          </Text>
        </Stack>
        <Tabs value={active} keepMounted={false}>
          <Tabs.List>
            {SECTIONS.map((section) => (
              <TabLink key={section.to} value={section.to} to={section.to}>
                {section.label}
              </TabLink>
            ))}
          </Tabs.List>
          {active === null ? null : (
            <Tabs.Panel value={active} pt="md">
              <Outlet />
            </Tabs.Panel>
          )}
        </Tabs>
        {/* `/security` itself (it redirects to a tab) has no tab of its own: Mantine refuses a panel without one. */}
        {active === null ? <Outlet /> : null}
      </Stack>
    );
  },
});
