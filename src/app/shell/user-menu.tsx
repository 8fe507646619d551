import { Avatar, Button, Divider, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useClickOutside, useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { useId, useRef, type KeyboardEvent } from 'react';
import { useCurrentUser } from '@/api/current-user';
import classes from './user-menu.module.css';

// A disclosure (button + panel) rather than a floating menu: the shell then needs no positioning
// library, which keeps it out of the first load.

function groupsText(isLoading: boolean, groups: readonly string[] | null): string {
  if (isLoading) return 'Loading…';
  if (groups === null) return 'Not available to you';
  return groups.length === 0 ? 'None' : groups.join(', ');
}

/** Who is signed in, their groups, and signing out. */
export function UserMenu() {
  const router = useRouter();
  const panelId = useId();
  const { username, user, isLoading } = useCurrentUser();
  const [isOpen, panel] = useDisclosure(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const rootRef = useClickOutside<HTMLDivElement>(panel.close);

  const handleSignOut = () => {
    void router.options.context.auth.signOut(() =>
      router.navigate({ to: '/sign-in', search: { reason: 'signed-out' } }),
    );
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && isOpen) {
      event.stopPropagation();
      panel.close();
      triggerRef.current?.focus();
    }
  };

  return (
    <div ref={rootRef} className={classes.root} onKeyDown={handleKeyDown}>
      <UnstyledButton
        ref={triggerRef}
        className={classes.trigger}
        aria-expanded={isOpen}
        aria-controls={panelId}
        // The name starts with the only visible text, the user name (WCAG 2.5.3, label in name); the avatar
        // is an icon rather than initials, which would be visible text missing from the name. A label
        // rather than the content, since the user name is hidden on narrow screens.
        aria-label={`${username ?? 'Unknown user'}, user menu`}
        onClick={panel.toggle}
      >
        <Avatar size={26} radius="xl" color="blue" aria-hidden />
        <Text size="sm" visibleFrom="sm" aria-hidden>
          {username}
        </Text>
        <IconChevronDown size={14} aria-hidden />
      </UnstyledButton>
      {isOpen ? (
        <Paper
          id={panelId}
          className={classes.panel}
          shadow="md"
          withBorder
          p="sm"
          role="region"
          aria-label="User"
        >
          <Stack gap="xs">
            <div>
              <Text size="xs" c="dimmed">
                Signed in as
              </Text>
              <Text size="sm" fw={600}>
                {username}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Groups
              </Text>
              <Text size="sm" data-testid="user-groups">
                {groupsText(isLoading, user === undefined ? [] : (user?.groupnames ?? null))}
              </Text>
            </div>
            <Divider />
            <Button
              variant="subtle"
              color="red"
              justify="flex-start"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={handleSignOut}
            >
              Sign out
            </Button>
          </Stack>
        </Paper>
      ) : null}
    </div>
  );
}
