import { Burger, Group, type MantineBreakpoint } from '@mantine/core';
import { SearchButton } from '@/features/search/search-button';
import { AnchorLink } from '@/ui/router-links';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { UserMenu } from './user-menu';

export interface AppHeaderProps {
  isNavOpen: boolean;
  /** The navbar the burger shows and hides. */
  navbarId: string;
  /** From this width up the navbar is always shown, and the burger is not. */
  navBreakpoint: MantineBreakpoint;
  onToggleNav: () => void;
  onOpenSearch: () => void;
}

export function AppHeader({ isNavOpen, navbarId, navBreakpoint, onToggleNav, onOpenSearch }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={isNavOpen}
          onClick={onToggleNav}
          hiddenFrom={navBreakpoint}
          size="sm"
          // One name in both states, the state in aria-expanded (a disclosure button).
          aria-label="Navigator"
          aria-expanded={isNavOpen}
          aria-controls={navbarId}
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
