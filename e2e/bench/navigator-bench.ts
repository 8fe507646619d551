// Console benchmark (issue 4): first-load JavaScript of sign-in and the shell, and the navigator with the
// emulator's bench seed (10,000 assets under project `bench`): expand-to-first-rows and
// filter-keystroke-to-paint. Prints numbers against the targets; asserts nothing (performance is measured
// here, not in tests). Needs a build: `npx vite build && node --import tsx e2e/bench/navigator-bench.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page, type Response } from '@playwright/test';
import { treeItemName } from '../pages/app-shell.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 8392);
const BASE = `http://127.0.0.1:${String(PORT)}`;
const TARGETS = { firstLoadKb: 250, expandMs: 200, keystrokeMs: 100 };
const FILTER_TEXT = 'asset_0999';
/** Cold expands after a reload: enough for a median that one slow round does not move. */
const RELOAD_ROUNDS = 7;
/** The build to measure and serve: `dist`, or another (`CONSOLE_DIR=/tmp/x`, as `npm start` takes it). */
const DIST = resolve(ROOT, process.env.CONSOLE_DIR ?? 'dist');

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * The gzip size of the JavaScript the first load needs, from the build manifest: the entry, then the
 * sign-in route and the signed-in shell (`_authed`) with everything they import statically. Pages and
 * lazily loaded parts (search) are not counted: they load when used.
 */
function firstLoadBytes(): { signIn: number; shell: number; files: number } {
  const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const gzipped = (file: string) => gzipSync(readFileSync(`${DIST}/${file}`)).length;
  const collect = (keys: readonly string[], seen: Set<string>) => {
    for (const key of keys) {
      const chunk = manifest[key];
      if (chunk === undefined || seen.has(key)) continue;
      seen.add(key);
      collect(chunk.imports ?? [], seen);
    }
    return seen;
  };
  const routeChunks = (route: string) =>
    Object.keys(manifest).filter((key) => key.startsWith(`src/routes/${route}?tsr-split=`));
  const size = (keys: ReadonlySet<string>) =>
    [...keys].reduce((sum, key) => sum + gzipped(manifest[key]?.file ?? ''), 0);
  const signIn = collect(['index.html', ...routeChunks('sign-in.tsx')], new Set());
  const shell = collect(routeChunks('_authed.tsx'), new Set(signIn));
  return { signIn: size(signIn), shell: size(shell), files: shell.size };
}

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

async function waitForServer(deadline = Date.now() + 180_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return;
    } catch {
      // not listening yet: the bench seed takes a while
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the bench server did not start within 3 minutes');
}

/** Sums the compressed size of the JavaScript the page downloads from now on. */
function countJavaScript(page: Page): () => Promise<number> {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') responses.push(response);
  });
  return async () => {
    const sizes = await Promise.all(
      responses.map(async (response) => (await response.request().sizes()).responseBodySize),
    );
    return sizes.reduce((sum, size) => sum + size, 0);
  };
}

/**
 * Installs in-page timing: from a key press (captured before the app sees it) to the first frame painted
 * after the tree's DOM satisfies `done`. Runs in the browser, so Playwright's own latency is not counted.
 */
async function armTiming(page: Page, doneScript: string): Promise<void> {
  // Playwright evaluates its own helper script in the page the first time a page waits for a function
  // (10–45 ms of main-thread work after each load). Done now, so it is not counted in what is timed.
  await page.waitForFunction(() => true);
  // A string, not a function: tsx would add helpers to a function that do not exist in the page.
  await page.evaluate(`(() => {
    const done = ${doneScript};
    delete window.benchResult;
    let start = null;
    const observer = new MutationObserver(() => {
      if (start === null || !done()) return;
      const began = start;
      start = null;
      observer.disconnect();
      // After the frame that shows it: requestAnimationFrame, then a task.
      requestAnimationFrame(() => setTimeout(() => { window.benchResult = performance.now() - began; }, 0));
    });
    document.addEventListener('keydown', () => { start = performance.now(); window.benchStart = start; }, { capture: true, once: true });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const verdict = (value: number, target: number) => (value <= target ? 'within target' : 'OVER target');

async function run(): Promise<void> {
  const firstLoad = firstLoadBytes();
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  console.log('First-load JavaScript (gzip, from the build manifest)');
  console.log(`  sign-in page:           ${String(kb(firstLoad.signIn))} KB`);
  console.log(
    `  sign-in + shell:        ${String(kb(firstLoad.shell))} KB in ${String(firstLoad.files)} files (target ≤ ${String(TARGETS.firstLoadKb)} KB: ${verdict(kb(firstLoad.shell), TARGETS.firstLoadKb)})`,
  );
  if (process.argv.includes('--first-load-only')) return;
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
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    const javaScript = countJavaScript(page);
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const signInBytes = await javaScript();
    await page.getByRole('textbox', { name: 'Username' }).fill('operator');
    await page.getByRole('textbox', { name: 'Password' }).fill('operator');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const project = page.getByRole('treeitem', { name: treeItemName('Benchmark project') });
    await project.waitFor();
    const shellBytes = await javaScript();

    // Expand the project: 10,000 assets come over the API the first time (cold), from the cache after.
    // Timed once the page has finished loading (as when a person reaches for the tree), so what is
    // measured is the expand, not the rest of the page still arriving and rendering.
    await page.waitForLoadState('networkidle');
    await project.focus();
    const firstAsset = `() => document.querySelector('[role="treeitem"][aria-level="2"]') !== null`;
    await armTiming(page, firstAsset);
    await page.keyboard.press('ArrowRight');
    const expandCold = await timed(page);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[role="treeitem"][aria-level="2"]') === null);
    const warm: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await armTiming(page, firstAsset);
      await page.keyboard.press('ArrowRight');
      warm.push(await timed(page));
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.querySelector('[role="treeitem"][aria-level="2"]') === null);
    }
    // Cold in the browser, warm on the server (as a running OpsChain is): reload, so the console's cache
    // is empty, and expand again. The first cold figure above also pays the first run of this code: in the
    // browser (compiled for the first time, no code cache yet) and, less, in the emulator.
    const reloaded: number[] = [];
    const wholeLevel: number[] = [];
    for (let round = 0; round < RELOAD_ROUNDS; round += 1) {
      await page.reload();
      await project.waitFor();
      await page.waitForLoadState('networkidle');
      await project.focus();
      await armTiming(page, firstAsset);
      await page.keyboard.press('ArrowRight');
      reloaded.push(await timed(page));
      // The whole level: until the project's row is no longer busy (all 10,000 assets arrived and shown).
      const complete = await page.waitForFunction(
        () =>
          document.querySelector('[role="treeitem"][aria-level="1"][aria-busy="true"]') === null &&
          performance.now() - (window as unknown as { benchStart: number }).benchStart,
        undefined,
        { timeout: 120_000 },
      );
      wholeLevel.push(Number(await complete.jsonValue()));
    }
    await page.getByRole('treeitem', { name: /^Asset 00000/ }).waitFor();

    // Type the filter one character at a time; each keystroke until the tree shows the narrowed rows.
    const filter = page.getByRole('textbox', { name: 'Filter the navigator by name or code' });
    await filter.focus();
    const keystrokes: number[] = [];
    // The server's own filtering of the large level lands after the typing pause.
    const serverAnswer = page.waitForResponse(
      (response) => new URL(response.url()).searchParams.get('filter[code_cont]') === FILTER_TEXT,
      { timeout: 120_000 },
    );
    for (let length = 1; length <= FILTER_TEXT.length; length += 1) {
      const typed = FILTER_TEXT.slice(0, length);
      // The rows and the navigator's data-tree-filter attribute change in the same React commit.
      await armTiming(
        page,
        `() => document.querySelector('[data-tree-filter]')?.getAttribute('data-tree-filter') === ${JSON.stringify(typed)}`,
      );
      await page.keyboard.press(FILTER_TEXT.charAt(length - 1));
      keystrokes.push(await timed(page));
    }
    const lastKeyAt = Date.now();
    await page
      .getByRole('treeitem', { name: /^Asset 0999\d/ })
      .first()
      .waitFor();
    await serverAnswer;
    const serverFilterMs = Date.now() - lastKeyAt;

    await browser.close();

    console.log('Navigator (bench seed: 10,000 assets under project `bench`)');
    console.log(
      `  JS downloaded by the sign-in page:    ${String(kb(signInBytes))} KB (as served, compressed)`,
    );
    console.log(
      `  ... in all, once /projects shows:     ${String(kb(shellBytes))} KB (sign-in, shell and the projects page)`,
    );
    console.log(
      `  expand → first rows, cold (first use since the server started): ${expandCold.toFixed(0)} ms (target ≤ ${String(TARGETS.expandMs)} ms: ${verdict(expandCold, TARGETS.expandMs)})`,
    );
    console.log(
      `  expand → first rows, cold after reload (server warm, median): ${median(reloaded).toFixed(0)} ms [${reloaded.map((ms) => ms.toFixed(0)).join(', ')}] (target ≤ ${String(TARGETS.expandMs)} ms: ${verdict(median(reloaded), TARGETS.expandMs)})`,
    );
    console.log(
      `  expand → all 10,000 rows arrived, cold after reload (median): ${median(wholeLevel).toFixed(0)} ms [${wholeLevel.map((ms) => ms.toFixed(0)).join(', ')}]`,
    );
    console.log(
      `  expand → first rows, cached (median): ${median(warm).toFixed(0)} ms [${warm.map((ms) => ms.toFixed(0)).join(', ')}] (${verdict(median(warm), TARGETS.expandMs)})`,
    );
    console.log(
      `  filter keystroke → paint (median):    ${median(keystrokes).toFixed(0)} ms, max ${Math.max(...keystrokes).toFixed(0)} ms over ${String(keystrokes.length)} keys (target ≤ ${String(TARGETS.keystrokeMs)} ms: ${verdict(median(keystrokes), TARGETS.keystrokeMs)})`,
    );
    console.log(
      `  server-side filter answer after typing: ${String(serverFilterMs)} ms (not part of the keystroke paint)`,
    );
  } finally {
    server.kill();
  }
}

await run();
