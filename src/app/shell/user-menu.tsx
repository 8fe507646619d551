import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { useCurrentUser } from '@/api/current-user';

/** Who is signed in, their groups, and signing out. */
export function UserMenu() {
  const router = useRouter();
  const { username, user, isLoading } = useCurrentUser();
  const groups = user?.groupnames ?? [];
  const groupText = isLoading
    ? 'Loading groups…'
    : user === null
      ? 'Groups unavailable'
      : groups.length === 0
        ? 'No groups'
        : groups.join(', ');

  const handleSignOut = () => {
    void router.options.context.auth.signOut(() =>
      router.navigate({ to: '/sign-in', search: { reason: 'signed-out' } }),
    );
  };

  return (
    <Menu position="bottom-end" width={240} withArrow>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={
            <Avatar size={26} radius="xl" color="blue" aria-hidden>
              {(username ?? '?').slice(0, 2).toUpperCase()}
            </Avatar>
          }
          aria-label={`User menu for ${username ?? 'unknown user'}`}
        >
          <Text size="sm" visibleFrom="sm">
            {username}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {username}</Menu.Label>
        <Menu.Label>Groups: {groupText}</Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={handleSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
