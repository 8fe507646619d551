// What the browser benchmarks share: an emulator serving the build on a port of its own, a headless Debian
// Chromium, and the median of a few rounds.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { z } from 'zod';

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

/** A JSON:API call to the bench server as `user` (password = username, as the demo users have); the body. */
export function benchApi(base: string, user: string) {
  const authorization = `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`;
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/vnd.api+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${String(res.status)}: ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
}

/** Signs in on the sign-in page and waits to leave it. */
export async function signIn(page: Page, base: string, user: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByRole('textbox', { name: 'Username' }).fill(user);
  await page.getByRole('textbox', { name: 'Password' }).fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Milliseconds from the start of navigation to `url` to the first frame painted with step graph nodes. */
export async function openAndTimeGraph(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    `new Promise((resolve) => {
      const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      if (document.querySelector('.react-flow__node')) return painted();
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.react-flow__node')) return;
        observer.disconnect();
        painted();
      });
      observer.observe(document, { childList: true, subtree: true });
    })`,
    undefined,
    { timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

export interface LongTasks {
  count: number;
  max: number;
  total: number;
}

/** Drags the step graph's canvas around and zooms in and out with the wheel; long tasks seen meanwhile. */
export async function panAndZoomGraph(page: Page): Promise<LongTasks> {
  await page.evaluate(`(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  })()`);
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (box === null) throw new Error('no graph canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < 4; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(cx - i * 25, cy - i * 30);
    await page.mouse.up();
  }
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 240);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -240);
  await page.waitForTimeout(500);
  const durations = z.array(z.number()).parse(await page.evaluate('window.benchLongTasks'));
  return {
    count: durations.length,
    max: Math.max(0, ...durations),
    total: durations.reduce((sum, d) => sum + d, 0),
  };
}
