import { AppShell } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Outlet, useLocation, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { searchSpotlight } from '@/features/search/search-store';
import { AppHeader } from './app-header';
import { AppNavbar } from './app-navbar';
import { useOpenNode } from './use-open-node';

// Search is loaded when first opened: Spotlight and its modal are not needed for the first page.
const GlobalSearch = lazy(() =>
  import('@/features/search/global-search').then((module) => ({ default: module.GlobalSearch })),
);

/** The signed-in console: header, navigator, search and the page. */
export function AppShellLayout() {
  const [isNavOpen, nav] = useDisclosure(false);
  const [isSearchLoaded, setIsSearchLoaded] = useState(false);
  const pathname = useLocation({ select: (location) => location.pathname });
  const isNavigating = useRouterState({ select: (state) => state.status === 'pending' });
  const openNode = useOpenNode();

  // On a small screen the navigator covers the page: close it once a page was chosen from it.
  const [shownPathname, setShownPathname] = useState(pathname);
  if (shownPathname !== pathname) {
    setShownPathname(pathname);
    nav.close();
  }

  const openSearch = () => {
    setIsSearchLoaded(true);
    searchSpotlight.open();
  };
  // Not while typing in a field (Mantine's default), so `/` stays typable in the filter box.
  useHotkeys([
    ['mod+K', openSearch],
    ['/', openSearch],
  ]);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 320, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <AppHeader isNavOpen={isNavOpen} onToggleNav={nav.toggle} onOpenSearch={openSearch} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Navigator">
        <AppNavbar pathname={pathname} onOpenNode={openNode} />
      </AppShell.Navbar>
      {/* Busy while the next page loads (the bar at the top shows it; this tells assistive technology). */}
      <AppShell.Main aria-busy={isNavigating}>
        <Outlet />
      </AppShell.Main>
      {isSearchLoaded ? (
        <Suspense fallback={null}>
          <GlobalSearch
            onOpen={(hit) => {
              openNode({ path: hit.target }, false);
            }}
          />
        </Suspense>
      ) : null}
    </AppShell>
  );
}
