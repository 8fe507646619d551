// Log pane benchmark (issue 12): a finished change with 1,000,000 log lines — open → first screen, fully
// loaded, JS heap after loading, long tasks while scrolling top → bottom, find a rare string — and a live
// change at 500 lines/s (tail lag, long tasks), plus the API's two bulk forms timed in the browser. Prints
// numbers against the targets; asserts nothing. Needs a build: `npx vite build && node --import tsx
// e2e/bench/log-pane-bench.ts` (`npm run bench:console` runs it after the navigator benchmark).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.LOG_BENCH_PORT ?? 8393);
const BASE = `http://127.0.0.1:${String(PORT)}`;
const DIST = resolve(ROOT, process.env.CONSOLE_DIR ?? 'dist');
const LINES = Number(process.env.LOG_BENCH_LINES ?? 1_000_000);
/** The page showing a change's log; `{id}` is the change. */
const PAGE_PATH = process.env.LOG_BENCH_PAGE ?? '/changes/{id}';
const AUTH = `Basic ${Buffer.from('operator:operator').toString('base64')}`;
const TARGETS = { firstScreenMs: 1000, loadedMs: 10_000, heapMb: 200, searchMs: 500, longTaskMs: 50 };
/**
 * The pane's polling (src/features/logs/log-feed.ts; e2e code does not import src/): POLL_MS is the nominal
 * interval a quiet running change is polled at, and the one the tail lag is held to; while lines keep
 * arriving the next poll goes ACTIVE_POLL_MS after the previous answer.
 */
const POLL_MS = 1000;
const ACTIVE_POLL_MS = 250;

function startServer(): ChildProcess {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('No build in dist/: run `npx vite build` first.');
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      EMULATOR_DB: ':memory:',
      EMULATOR_SEED: 'demo',
      // Simulated time runs at wall-clock speed, so the live change writes 500 lines per real second.
      EMULATOR_SPEED: '1',
      OPSCHAIN_URL: '',
      CONSOLE_DIR: DIST,
    },
    stdio: 'ignore',
  });
}

async function api(path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${BASE}/api${path}`, {
    ...init,
    headers: { authorization: AUTH, 'content-type': 'application/vnd.api+json' },
  });
  if (!res.ok) throw new Error(`${path} answered ${String(res.status)}`);
  return res.json();
}

async function waitForServer(deadline = Date.now() + 120_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('The emulator did not start.');
}

/** A noisy change on retail/dev or retail/test (the demo seed's); answers its id. */
async function createNoisy(environment: string, overrides: Record<string, unknown>): Promise<string> {
  const body = await api(`/projects/retail/environments/${environment}/changes`, {
    method: 'POST',
    body: JSON.stringify({
      data: {
        attributes: {
          action: 'noisy',
          git_remote_name: 'origin',
          git_rev: 'main',
          property_overrides: overrides,
        },
      },
    }),
  });
  const id = (body as { data?: { id?: unknown } }).data?.id;
  if (typeof id !== 'string') throw new Error('no change id');
  return id;
}

async function statusOf(id: string): Promise<string> {
  const body = (await api(`/changes/${id}`)) as { data?: { attributes?: { status_code?: unknown } } };
  return String(body.data?.attributes?.status_code);
}

async function waitForStatus(id: string, wanted: (s: string) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (wanted(await statusOf(id))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`change ${id} did not reach the wanted status`);
}

/** Long tasks (ms) recorded in the page since the last call. */
async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { benchLongTasks?: number[] };
    const tasks = w.benchLongTasks ?? [];
    w.benchLongTasks = [];
    return tasks;
  });
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'OVER');
const longTaskLine = (tasks: readonly number[]) =>
  `${String(tasks.filter((t) => t > TARGETS.longTaskMs).length)} long tasks > 50 ms (longest ${ms(Math.max(0, ...tasks))})`;

async function run(): Promise<void> {
  const server = startServer();
  try {
    await waitForServer();
    let started = performance.now();
    const big = await createNoisy('dev', { log_lines: LINES, lines_per_second: 1_000_000 });
    await waitForStatus(big, (s) => s === 'success', 600_000);
    console.log(
      `Log pane: ${LINES.toLocaleString('en')} lines written by the emulator in ${ms(performance.now() - started)}`,
    );

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
        '--enable-precise-memory-info',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { benchLongTasks: number[] };
      w.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.benchLongTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole('textbox', { name: 'Username' }).fill('operator');
    await page.getByRole('textbox', { name: 'Password' }).fill('operator');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('button', { name: /operator/ })
      .first()
      .waitFor();

    // The two bulk forms of the API, timed in the browser: the download file vs pages of log_lines.
    const bulk = await page.evaluate(
      async ({ id, auth }) => {
        const headers = { authorization: auth, accept: '*/*' };
        let t = performance.now();
        const text = await (await fetch(`/api/changes/${id}/log_lines?download=x.log`, { headers })).text();
        const lines = text.split('\n').length - 1;
        const downloadMs = performance.now() - t;
        t = performance.now();
        let cursorAt = '';
        let cursorIds: string[] = [];
        let count = 0;
        for (;;) {
          const q = new URLSearchParams([
            ['filter[sorts]', 'logged_at asc'],
            ['limit', '10000'],
          ]);
          if (cursorAt !== '') {
            q.append('filter[logged_at_gteq]', cursorAt);
            for (const i of cursorIds) q.append('filter[id_not_in][]', i);
          }
          const doc = (await (
            await fetch(`/api/changes/${id}/log_lines?${q.toString()}`, { headers })
          ).json()) as {
            data: { id: string; attributes: { logged_at: string } }[];
            meta: { partial_response: boolean };
          };
          count += doc.data.length;
          const last = doc.data[doc.data.length - 1];
          if (last !== undefined) {
            const at = last.attributes.logged_at;
            const ids = doc.data.filter((l) => l.attributes.logged_at === at).map((l) => l.id);
            cursorIds = cursorAt === at ? [...cursorIds, ...ids] : ids;
            cursorAt = at;
          }
          if (!doc.meta.partial_response) break;
        }
        return { downloadMs, lines, pagesMs: performance.now() - t, count };
      },
      { id: big, auth: AUTH },
    );
    console.log(
      `  bulk forms in the browser: download file ${ms(bulk.downloadMs)} (${bulk.lines.toLocaleString('en')} lines, text only); ` +
        `pages of 10,000 log_lines ${ms(bulk.pagesMs)} (${bulk.count.toLocaleString('en')} lines with ids, times, steps)`,
    );

    // Open the change: first screen, then the whole log loaded.
    await takeLongTasks(page);
    started = performance.now();
    await page.goto(`${BASE}${PAGE_PATH.replace('{id}', big)}`);
    const log = page.getByRole('region', { name: 'Log lines' }).first();
    await log.getByRole('link', { name: 'Line 1', exact: true }).waitFor({ timeout: 60_000 });
    const firstScreen = performance.now() - started;
    await page
      .getByRole('status')
      .filter({ hasText: /lines — complete/ })
      .first()
      .waitFor({ timeout: 300_000 });
    const loaded = performance.now() - started;
    const loadTasks = await takeLongTasks(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const heapMb = heap.usedSize / 1024 / 1024;
    console.log(
      `  open → first screen: ${ms(firstScreen)} (target ≤ ${ms(TARGETS.firstScreenMs)} ${verdict(firstScreen, TARGETS.firstScreenMs)})`,
    );
    console.log(
      `  open → fully loaded: ${ms(loaded)} (target ≤ ${ms(TARGETS.loadedMs)} ${verdict(loaded, TARGETS.loadedMs)}); while loading: ${longTaskLine(loadTasks)}`,
    );
    console.log(
      `  JS heap after loading (after GC): ${heapMb.toFixed(0)} MB (target ≤ ${String(TARGETS.heapMb)} MB ${verdict(heapMb, TARGETS.heapMb)})`,
    );

    // Scroll from top to bottom, a frame at a time.
    await takeLongTasks(page);
    const scrolled = await log.evaluate(async (el) => {
      el.scrollTop = 0;
      const steps = 400;
      const t = performance.now();
      for (let i = 1; i <= steps; i++) {
        el.scrollTop = (el.scrollHeight * i) / steps;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - t;
    });
    const scrollTasks = await takeLongTasks(page);
    console.log(
      `  scroll top → bottom (400 frames, ${ms(scrolled)}): ${longTaskLine(scrollTasks)} (target none)`,
    );

    // Find a string on one line only.
    const rare = `Line ${String(Math.floor(LINES * 0.777))}/${String(LINES)}:`;
    const find = page.getByRole('textbox', { name: 'Find in log' }).first();
    started = performance.now();
    await find.fill(rare);
    await page
      .getByRole('status')
      .filter({ hasText: /of 1 matches/ })
      .first()
      .waitFor({ timeout: 60_000 });
    const searchMs = performance.now() - started;
    console.log(
      `  find a rare string in ${LINES.toLocaleString('en')} lines: ${ms(searchMs)} (target ≤ ${ms(TARGETS.searchMs)} ${verdict(searchMs, TARGETS.searchMs)})`,
    );

    // Live: a change writing 500 lines per second, followed for 15 s.
    const live = await createNoisy('test', { log_lines: 30_000, lines_per_second: 500 });
    await waitForStatus(live, (s) => s === 'running', 60_000);
    await page.goto(`${BASE}${PAGE_PATH.replace('{id}', live)}`);
    const liveLog = page.getByRole('region', { name: 'Log lines' }).first();
    // Following shows the newest lines, so line 1 may already be out of view: any line will do.
    await liveLog
      .getByRole('link', { name: /^Line \d+$/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await takeLongTasks(page);
    const lags: number[] = [];
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(500);
      const title = await liveLog.evaluate((el) => {
        const times = el.querySelectorAll('[title$="Z"]');
        return times[times.length - 1]?.getAttribute('title') ?? null;
      });
      if (title !== null) lags.push(Date.now() - Date.parse(title));
    }
    const liveTasks = await takeLongTasks(page);
    lags.sort((a, b) => a - b);
    console.log(
      `  live at 500 lines/s for 15 s: tail lag p50 ${ms(lags[Math.floor(lags.length / 2)] ?? 0)}, max ${ms(lags[lags.length - 1] ?? 0)} ` +
        `(target ≤ one nominal poll interval, ${ms(POLL_MS)} ${verdict(lags[lags.length - 1] ?? 0, POLL_MS)}; ` +
        `while lines keep arriving the pane polls ${ms(ACTIVE_POLL_MS)} after each answer); ${longTaskLine(liveTasks)}`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

await run();
