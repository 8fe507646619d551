import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { theme } from '@/app/theme';

// happy-dom has no FontFaceSet; Mantine's autosizing Textarea listens on `document.fonts`.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: Object.assign(new EventTarget(), { ready: Promise.resolve() }),
    configurable: true,
  });
}

// Renders a feature component as the app would: Mantine (with notifications) and a fresh QueryClient that
// does not retry, so a failing request fails the test at once.

export interface ProvidersResult extends RenderResult {
  user: UserEvent;
  queryClient: QueryClient;
}

export interface RenderOptions {
  /** The cache to render with, to come back to a page with what an earlier render left in the cache. */
  queryClient?: QueryClient;
}

export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): ProvidersResult {
  const queryClient =
    options.queryClient ??
    new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
    });
  const user = userEvent.setup();
  const result = render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, user, queryClient };
}
