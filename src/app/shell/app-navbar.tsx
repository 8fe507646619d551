import { AppShell, Badge, Divider, VisuallyHidden } from '@mantine/core';
import {
  IconActivity,
  IconCalendarClock,
  IconChecklist,
  IconFolders,
  IconHistory,
  IconShieldLock,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { policyListQuery } from '@/api/authorisation';
import { isApiError } from '@/api/errors';
import type { NodeSummary } from '@/api/node-summary';
import { NodeTree } from '@/features/tree/node-tree';
import { nodePath } from '@/lib/node-path';
import { nodeOfPagePath } from '@/lib/node-tabs';
import { NavLinkLink } from '@/ui/router-links';
import { ServerVersion } from './server-version';
import { useIdleActivityPreload } from './use-idle-activity-preload';
import { useDecidableInboxItems } from './use-inbox-count';

export interface AppNavbarProps {
  pathname: string;
  onOpenNode: (node: NodeSummary, inNewTab: boolean) => void;
}

/** The selected node is the one whose page is open: node pages live at their OpsChain paths, tabs below. */
function selectedNodePath(pathname: string): string | null {
  const ref = nodeOfPagePath(pathname);
  return ref === null ? null : nodePath(ref);
}

/** Sections (only those that exist), the node navigator and the server's version. */
export function AppNavbar({ pathname, onOpenNode }: AppNavbarProps) {
  const inbox = useDecidableInboxItems();
  useIdleActivityPreload();
  // Security is offered to those who may read authorisation policies; a refusal (403) hides it, any other
  // failure keeps it, so the page can say what went wrong.
  const policies = useQuery(policyListQuery());
  const showSecurity = policies.isSuccess || (policies.isError && !isApiError(policies.error, 403));
  return (
    <>
      <AppShell.Section>
        <NavLinkLink
          to="/projects"
          label="Projects"
          leftSection={<IconFolders size={18} aria-hidden />}
          active={pathname === '/projects'}
          activeOptions={{ exact: true }}
        />
        <NavLinkLink
          to="/activity"
          label="Activity"
          leftSection={<IconActivity size={18} aria-hidden />}
          active={pathname === '/activity'}
        />
        <NavLinkLink
          to="/events"
          label="Events"
          leftSection={<IconHistory size={18} aria-hidden />}
          active={pathname === '/events'}
        />
        <NavLinkLink
          to="/schedules"
          label="Schedules"
          leftSection={<IconCalendarClock size={18} aria-hidden />}
          active={pathname === '/schedules'}
        />
        <NavLinkLink
          to="/approvals"
          label="Approvals"
          leftSection={<IconChecklist size={18} aria-hidden />}
          rightSection={
            inbox.count > 0 ? (
              <Badge size="sm" circle={inbox.count < 10}>
                {inbox.count}
                <VisuallyHidden> waiting for you</VisuallyHidden>
              </Badge>
            ) : null
          }
          active={pathname === '/approvals'}
        />
        {showSecurity ? (
          <NavLinkLink
            to="/security"
            label="Security"
            leftSection={<IconShieldLock size={18} aria-hidden />}
            active={pathname.startsWith('/security')}
          />
        ) : null}
      </AppShell.Section>
      <Divider my="xs" />
      <AppShell.Section grow style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <NodeTree selectedPath={selectedNodePath(pathname)} onOpen={onOpenNode} />
      </AppShell.Section>
      <Divider my="xs" />
      <AppShell.Section>
        <ServerVersion />
      </AppShell.Section>
    </>
  );
}
