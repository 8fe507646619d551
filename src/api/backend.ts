import { CONSOLE_BACKEND_PATH, consoleBackendSchema } from '@contract/console-server';
import { queryOptions } from '@tanstack/react-query';
import { consoleServerJson } from './client';

// Whether the embedded emulator answers `/api` (server/serve.ts says so outside the API; a proxied real
// OpsChain says nothing), so the shell can mark it unobtrusively.

export const backendKeys = { all: ['console-backend'] as const };

export async function getIsEmulator(signal?: AbortSignal): Promise<boolean> {
  const body = await consoleServerJson(CONSOLE_BACKEND_PATH, signal);
  return consoleBackendSchema.safeParse(body).success;
}

/** What serves the API changes only with a restart: asked once per page load. */
export const isEmulatorQuery = () =>
  queryOptions({
    queryKey: backendKeys.all,
    queryFn: ({ signal }) => getIsEmulator(signal),
    staleTime: Infinity,
    retry: false,
  });
