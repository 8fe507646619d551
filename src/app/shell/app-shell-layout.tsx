import { AppShell, useMantineTheme } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { Outlet, useLocation, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { InboxSyncProvider } from '@/api/approval-inbox-sync';
import { useSignedInUsername } from '@/api/credentials';
import type { NodeSummary } from '@/api/node-summary';
import { searchSpotlight } from '@/features/search/search-store';
import { AppHeader } from './app-header';
import { AppNavbar } from './app-navbar';
import { InboxWatcher } from './inbox-watcher';
import { useOpenNode } from './use-open-node';
import { usePassThroughWhileDragging } from './use-pass-through-while-dragging';

// Search is loaded when first opened: Spotlight and its modal are not needed for the first page.
const GlobalSearch = lazy(() =>
  import('@/features/search/global-search').then((module) => ({ default: module.GlobalSearch })),
);

// Below this width the navigator (320 px) would leave the page too little room (an 800 px window kept
// only 480 px for tables): it collapses behind the header's burger and opens over the page.
const NAVBAR_BREAKPOINT = 'md';

/** The signed-in console: header, navigator, search and the page. */
export function AppShellLayout() {
  const theme = useMantineTheme();
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints[NAVBAR_BREAKPOINT]})`, true, {
    getInitialValueInEffect: false,
  });
  const navbarId = useId();
  // A drag across the navigator (panning the step graph) does not start loading the pages it crosses.
  const navbarRef = useRef<HTMLDivElement>(null);
  usePassThroughWhileDragging(navbarRef);
  const [isNavOpen, nav] = useDisclosure(false);
  // Collapsed, the navbar is only moved off-screen: inert keeps it out of the Tab order and the
  // accessibility tree until the burger opens it.
  const isNavHidden = !isWide && !isNavOpen;
  const [isSearchLoaded, setIsSearchLoaded] = useState(false);
  const pathname = useLocation({ select: (location) => location.pathname });
  const isNavigating = useRouterState({ select: (state) => state.status === 'pending' });
  const openNode = useOpenNode();
  const username = useSignedInUsername();
  // Picking a node closes the navigator even when that node's page is already open (no path change).
  const handleOpenNode = (node: Pick<NodeSummary, 'path'>, inNewTab: boolean) => {
    if (!inNewTab) nav.close();
    openNode(node, inNewTab);
  };

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
    // One poll of the approvals inbox for all tabs feeds the navbar badge, the title and the inbox page.
    <InboxSyncProvider username={username}>
      <InboxWatcher />
      <AppShell
        header={{ height: 52 }}
        navbar={{ width: 320, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !isNavOpen } }}
        padding="lg"
      >
        <AppShell.Header>
          <AppHeader
            isNavOpen={isNavOpen}
            navbarId={navbarId}
            navBreakpoint={NAVBAR_BREAKPOINT}
            onToggleNav={nav.toggle}
            onOpenSearch={openSearch}
          />
        </AppShell.Header>
        <AppShell.Navbar ref={navbarRef} id={navbarId} p="sm" aria-label="Navigator" inert={isNavHidden}>
          <AppNavbar pathname={pathname} onOpenNode={handleOpenNode} />
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
    </InboxSyncProvider>
  );
}
