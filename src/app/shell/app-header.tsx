import { Burger, Group } from '@mantine/core';
import { SearchButton } from '@/features/search/search-button';
import { AnchorLink } from '@/ui/router-links';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { UserMenu } from './user-menu';

export interface AppHeaderProps {
  isNavOpen: boolean;
  onToggleNav: () => void;
  onOpenSearch: () => void;
}

export function AppHeader({ isNavOpen, onToggleNav, onOpenSearch }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={isNavOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={isNavOpen ? 'Close the navigator' : 'Open the navigator'}
        />
        <AnchorLink to="/projects" fw={700} size="lg" c="inherit" underline="never">
          OpsChain Console
        </AnchorLink>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <SearchButton onOpen={onOpenSearch} />
        <ColorSchemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}
