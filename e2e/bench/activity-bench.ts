// Activity benchmark (issue 11): the Activity page over the emulator's bench seed (10,000 finished changes on
// the `bench` project's assets). Times from the key press that opens Activity in the navbar to the first
// frame showing change rows (target ≤ 300 ms): cold (first visit, nothing cached) and warm (back again), and
// a full page load of /activity (navigation start → first rows). Prints numbers and asserts nothing.
// Needs a build: `npx vite build && node --import tsx e2e/bench/activity-bench.ts` (in `npm run bench:console`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 8394);
const BASE = `http://127.0.0.1:${String(PORT)}`;
const DIST = resolve(ROOT, process.env.CONSOLE_DIR ?? 'dist');
const TARGET_MS = 300;
const WARM_ROUNDS = 5;
const RELOAD_ROUNDS = 3;
/** A change row has painted: a link to a change's page inside the Activity table. */
const HAS_ROWS = `() => document.querySelector('table[aria-label="Activity, newest first"] a[href^="/changes/"]') !== null`;

function startServer(): ChildProcess {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('No build in dist/: run `npx vite build` first.');
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      EMULATOR_DB: ':memory:',
      EMULATOR_SEED: 'bench',
      OPSCHAIN_URL: '',
      CONSOLE_DIR: DIST,
    },
    stdio: 'ignore',
  });
}

async function waitForServer(deadline = Date.now() + 300_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return;
    } catch {
      // not listening yet: the bench seed takes a while
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('the bench server did not start within 5 minutes');
}

/** From the next key press to the first frame painted after `HAS_ROWS` holds (measured in the page). */
async function armTiming(page: Page): Promise<void> {
  await page.waitForFunction(() => true);
  await page.evaluate(`(() => {
    const done = ${HAS_ROWS};
    delete window.benchResult;
    let start = null;
    const observer = new MutationObserver(() => {
      if (start === null || !done()) return;
      const began = start;
      start = null;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.benchResult = performance.now() - began; }, 0));
    });
    document.addEventListener('keydown', () => { start = performance.now(); }, { capture: true, once: true });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  })()`);
}

async function timed(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { benchResult?: number }).benchResult,
    undefined,
    { timeout: 120_000 },
  );
  return Number(await handle.jsonValue());
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const verdict = (value: number) => (value <= TARGET_MS ? 'within target' : 'OVER target');

async function openActivityByKey(page: Page): Promise<number> {
  const link = page.getByRole('navigation', { name: 'Navigator' }).getByRole('link', { name: 'Activity' });
  await link.focus();
  await armTiming(page);
  await page.keyboard.press('Enter');
  return timed(page);
}

async function leaveActivity(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigator' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
}

async function run(): Promise<void> {
  const server = startServer();
  try {
    await waitForServer();
    const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
      (path) => path !== undefined && path !== '' && existsSync(path),
    );
    const browser = await chromium.launch({
      ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole('textbox', { name: 'Username' }).fill('operator');
    await page.getByRole('textbox', { name: 'Password' }).fill('operator');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await page.waitForLoadState('networkidle');

    const cold = await openActivityByKey(page);
    await page.waitForLoadState('networkidle');
    const warm: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round += 1) {
      await leaveActivity(page);
      warm.push(await openActivityByKey(page));
    }
    const reloads: number[] = [];
    for (let round = 0; round < RELOAD_ROUNDS; round += 1) {
      await page.goto(`${BASE}/activity`);
      const handle = await page.waitForFunction(HAS_ROWS, undefined, { timeout: 120_000 });
      await handle.dispose();
      reloads.push(await page.evaluate(() => performance.now()));
    }
    const rows = await page
      .locator('table[aria-label="Activity, newest first"] a[href^="/changes/"]')
      .count();
    await browser.close();

    const ms = (value: number) => `${String(Math.round(value))} ms`;
    console.log('Activity page, bench seed (10,000 finished changes on the bench project’s assets)');
    console.log(
      `  open from the navbar → first rows, cold:        ${ms(cold)} (target ≤ ${String(TARGET_MS)} ms: ${verdict(cold)})`,
    );
    console.log(
      `  open from the navbar → first rows, warm median:  ${ms(median(warm))} (${warm.map(ms).join(', ')}; ${verdict(median(warm))})`,
    );
    console.log(
      `  full page load of /activity → first rows:      ${ms(median(reloads))} median (${reloads.map(ms).join(', ')})`,
    );
    console.log(`  change rows rendered after the last load:             ${String(rows)}`);
  } finally {
    server.kill();
  }
}

await run();
