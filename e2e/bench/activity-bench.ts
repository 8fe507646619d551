// Activity benchmark (issue 11): the Activity page over the emulator's bench seed (10,000 finished changes on
// the `bench` project's assets). Times from the key press that opens Activity in the navbar to the first
// frame showing change rows (target ≤ 300 ms): cold (first visit, nothing cached) and warm (back again), and
// a full page load of /activity (navigation start → first rows). Prints numbers and asserts nothing.
// Needs a build: `npx vite build && node --import tsx e2e/bench/activity-bench.ts` (in `npm run bench:console`).
import type { Page } from '@playwright/test';
import { launchChromium, median, startBenchServer } from './bench-kit.ts';

const TARGET_MS = 300;
const WARM_ROUNDS = 5;
const RELOAD_ROUNDS = 3;
/** A change row has painted: a link to a change's page inside the Activity table. */
const HAS_ROWS = `() => document.querySelector('table[aria-label="Activity, newest first"] a[href^="/changes/"]') !== null`;

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
  const server = await startBenchServer(8394, { EMULATOR_SEED: 'bench' });
  const BASE = server.base;
  try {
    const browser = await launchChromium();
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
  } finally {
    server.process.kill();
  }
}

await run();
