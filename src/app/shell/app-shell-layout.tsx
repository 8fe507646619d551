import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { GlobalSearch } from '@/features/search/global-search';
import { AppHeader } from './app-header';
import { AppNavbar } from './app-navbar';
import { useOpenNode } from './use-open-node';

/** The signed-in console: header, navigator, search and the page. */
export function AppShellLayout() {
  const [isNavOpen, nav] = useDisclosure(false);
  const pathname = useLocation({ select: (location) => location.pathname });
  const openNode = useOpenNode();

  // On a small screen the navigator covers the page: close it once a page was chosen from it.
  const [shownPathname, setShownPathname] = useState(pathname);
  if (shownPathname !== pathname) {
    setShownPathname(pathname);
    nav.close();
  }

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 320, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <AppHeader isNavOpen={isNavOpen} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Navigator">
        <AppNavbar pathname={pathname} onOpenNode={openNode} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <GlobalSearch
        onOpen={(hit) => {
          openNode({ path: hit.target }, false);
        }}
      />
    </AppShell>
  );
}
