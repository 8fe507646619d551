import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// An uncommon fixed port, so that a developer's `npm start` on 8080 is never mistaken for the test server.
const port = Number(process.env.E2E_PORT ?? 8391);
const baseURL = `http://127.0.0.1:${String(port)}`;

// Playwright's own browser download cannot reach its host here; Debian's chromium package works.
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);
// Without the background-networking flags Chromium calls outside hosts and gets refused.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: true,
  workers: 2,
  // No retries, in CI either: a test that passes only on its second try is a bug to fix, not to hide.
  retries: 0,
  // Journeys sign in, walk several pages and run an axe scan on each; on a busy 2-core machine that takes
  // far longer than Playwright's 30 s default. Generous limits keep slowness from reading as failure.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // A click that cannot find its element fails after a minute rather than waiting out the whole test.
    actionTimeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromium ? { executablePath: chromium, args: chromiumArgs } : {},
      },
    },
  ],
  // Serves dist/, so `npm run e2e` builds first.
  webServer: {
    command: 'node --import tsx server/main.ts',
    url: `${baseURL}/robots.txt`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMULATOR_DB: ':memory:',
      EMULATOR_SEED: 'demo',
      EMULATOR_SPEED: '50',
      CONSOLE_DIR: process.env.CONSOLE_DIR ?? 'dist',
      // A developer's real OpsChain must not stand in for the emulator.
      OPSCHAIN_URL: '',
    },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
