import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { backendKeys } from '@/api/backend';
import { signInAs, startConsoleServer, startListeningEmulator, type TestEmulator } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { ServerVersion } from './server-version';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0).reverse()) await server.close();
});

async function consoleServer(...args: Parameters<typeof startConsoleServer>): Promise<TestEmulator> {
  const server = await startConsoleServer(...args);
  servers.push(server);
  return server;
}

describe('ServerVersion', () => {
  it('marks the embedded emulator next to the version, with an explanation for assistive technology', async () => {
    await consoleServer({ kind: 'emulator', emulator: { db: ':memory:', seed: 'none', drive: false } });
    signInAs('opschain');
    renderWithProviders(<ServerVersion />);

    expect(await screen.findByText(/^OpsChain .* · API /)).toBeInTheDocument();
    const badge = await screen.findByText('Emulator');
    expect(badge.closest('[title]')).toHaveAttribute(
      'title',
      'The API is served by the embedded OpsChain emulator, not a real OpsChain server',
    );
    expect(
      screen.getByText(/The API is served by the embedded OpsChain emulator, not a real OpsChain server/),
    ).toBeInTheDocument();
  });

  it('shows no mark when the console proxies to an OpsChain server (OPSCHAIN_URL)', async () => {
    // A real server behind the proxy: here another emulator on a local port, reached over HTTP.
    const upstream = await startListeningEmulator();
    servers.push(upstream);
    await consoleServer({ kind: 'proxy', upstream: upstream.url });
    signInAs('opschain');
    const { queryClient } = renderWithProviders(<ServerVersion />);

    expect(await screen.findByText(/^OpsChain .* · API /)).toBeInTheDocument();
    await expect.poll(() => queryClient.getQueryState(backendKeys.all)?.status).toBe('success');
    expect(screen.queryByText('Emulator')).not.toBeInTheDocument();
  });
});
