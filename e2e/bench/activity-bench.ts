// Activity benchmark (issue 11): the Activity page over the emulator's bench seed (10,000 finished changes on
// the `bench` project's assets). Times from the key press that opens Activity in the navbar to the first
// frame showing change rows (target ≤ 300 ms): cold (first visit, nothing cached) and warm (back again), and
// a full page load of /activity (navigation start → first rows). The first cold visit is also the emulator's
// first change list (its own warm-up included); more cold visits follow in fresh browser contexts, each
// marked "preloaded" when the shell's idle preload had fetched the page's code before the key press.
// Prints numbers and asserts nothing.
// Needs a build: `npx vite build && node --import tsx e2e/bench/activity-bench.ts` (in `npm run bench:console`).
import type { Page } from '@playwright/test';
import { launchChromium, median, startBenchServer } from './bench-kit.ts';

const TARGET_MS = 300;
const WARM_ROUNDS = 5;
/** Further first visits, each in a fresh browser context (nothing cached, no code loaded). */
const COLD_ROUNDS = 4;
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

/** Whether the idle preload (src/app/shell/use-idle-activity-preload.ts) had fetched the page's code. */
const PRELOADED = `performance.getEntriesByType('resource').some((entry) => /\\/activity-list-[^/]*\\.js$/.test(entry.name))`;

async function signInAsOperator(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByRole('textbox', { name: 'Username' }).fill('operator');
  await page.getByRole('textbox', { name: 'Password' }).fill('operator');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
  await page.waitForLoadState('networkidle');
}

async function run(): Promise<void> {
  const server = await startBenchServer(8394, { EMULATOR_SEED: 'bench' });
  const BASE = server.base;
  try {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInAsOperator(page, BASE);

    // The emulator's first change list pays its own warm-up (V8 compiling the list's code paths); the
    // rounds below run against a warm emulator, as a user's first visit meets a running OpsChain.
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
    // Its live list (and a reload's stream still arriving) would compete with the visits below.
    await page.close();
    const colds: { ms: number; preloaded: boolean }[] = [];
    for (let round = 0; round < COLD_ROUNDS; round += 1) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const fresh = await context.newPage();
      await signInAsOperator(fresh, BASE);
      const preloaded = await fresh.evaluate<unknown>(PRELOADED);
      colds.push({ ms: await openActivityByKey(fresh), preloaded: preloaded === true });
      await context.close();
    }
    await browser.close();

    const ms = (value: number) => `${String(Math.round(value))} ms`;
    console.log('Activity page, bench seed (10,000 finished changes on the bench project’s assets)');
    console.log(
      `  open from the navbar → first rows, cold:        ${ms(cold)} (target ≤ ${String(TARGET_MS)} ms: ${verdict(cold)})`,
    );
    console.log(
      `  … cold again, fresh browser context, median:  ${ms(median(colds.map((c) => c.ms)))} (${colds.map((c) => `${ms(c.ms)}${c.preloaded ? ' preloaded' : ''}`).join(', ')}; ${verdict(median(colds.map((c) => c.ms)))})`,
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
