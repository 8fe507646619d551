// What the browser benchmarks share: an emulator serving the build on a port of its own, a headless Debian
// Chromium, and the median of a few rounds.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The build to measure and serve: `dist`, or another (`CONSOLE_DIR=/tmp/x`, as `npm start` takes it). */
export const DIST = resolve(ROOT, process.env.CONSOLE_DIR ?? 'dist');

export interface BenchServer {
  base: string;
  process: ChildProcess;
}

/**
 * Starts the emulator with an in-memory database on `port` (BENCH_PORT overrides it), serving the build,
 * with `env` on top (EMULATOR_SEED, EMULATOR_SPEED); answers once it listens.
 */
export async function startBenchServer(
  port: number,
  env: Readonly<Record<string, string>>,
  startupMs = 300_000,
): Promise<BenchServer> {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('No build in dist/: run `npx vite build` first.');
  const actualPort = Number(process.env.BENCH_PORT ?? port);
  const base = `http://127.0.0.1:${String(actualPort)}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(actualPort),
      HOST: '127.0.0.1',
      EMULATOR_DB: ':memory:',
      OPSCHAIN_URL: '',
      CONSOLE_DIR: DIST,
      ...env,
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + startupMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/robots.txt`)).ok) return { base, process: child };
    } catch {
      // not listening yet: a seed takes a while
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  child.kill();
  throw new Error(`the bench server did not start within ${String(startupMs / 1000)} s`);
}

/** Headless Chromium: Debian's (or CHROMIUM_PATH) when installed, else Playwright's own. */
export async function launchChromium(): Promise<Browser> {
  const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
    (path) => path !== undefined && path !== '' && existsSync(path),
  );
  return chromium.launch({
    ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
