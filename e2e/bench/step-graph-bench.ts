// Step graph benchmark (issue 11): a change of 2,000 steps (the emulator's big_tree action). Page open →
// graph laid out and painted (target ≤ 1 s), then panning and zooming with long tasks (> 50 ms) counted by
// a PerformanceObserver. Prints numbers and asserts nothing. Needs a build:
// `npx vite build && node --import tsx e2e/bench/step-graph-bench.ts` (part of `npm run bench:console`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 8393);
const BASE = `http://127.0.0.1:${String(PORT)}`;
const DIST = resolve(ROOT, process.env.CONSOLE_DIR ?? 'dist');
const STEPS = Number(process.env.BENCH_STEPS ?? 2000);
/** Where a change's page lives; `{id}` is replaced by the change's id. */
const CHANGE_PAGE = process.env.BENCH_CHANGE_PAGE ?? '/changes/{id}';
const TARGETS = { paintMs: 1000, longTaskMs: 50 };
const ROUNDS = 5;
const OPERATOR = `Basic ${Buffer.from('operator:operator').toString('base64')}`;

function startServer(): ChildProcess {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('No build in dist/: run `npx vite build` first.');
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      EMULATOR_DB: ':memory:',
      // Fast simulated time: the 2,000 steps finish in seconds.
      EMULATOR_SPEED: '200',
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
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('the bench server did not start within 3 minutes');
}

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${BASE}/api${path}`, {
    method,
    headers: { authorization: OPERATOR, 'content-type': 'application/vnd.api+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${String(res.status)}: ${await res.text()}`);
  return res.json();
}

const changeAnswer = z.object({
  data: z.object({ id: z.string(), attributes: z.object({ status_code: z.string() }) }),
});

/** A finished big_tree change of STEPS steps; its id. */
async function bigChange(): Promise<string> {
  const created = await api('POST', '/projects/retail/environments/dev/changes', {
    data: {
      attributes: {
        action: 'big_tree',
        git_remote_name: 'origin',
        git_rev: 'main',
        property_overrides: { step_count: STEPS },
      },
    },
  });
  const { id } = changeAnswer.parse(created).data;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const status = changeAnswer.parse(await api('GET', `/changes/${id}`)).data.attributes.status_code;
    if (status === 'success' || status === 'error') return id;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`change ${id} did not finish within 5 minutes`);
}

/** Milliseconds from the start of navigation to the first frame painted with graph nodes in it. */
async function openAndTime(page: Page, url: string): Promise<number> {
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

interface LongTasks {
  count: number;
  max: number;
  total: number;
}

/** Drags the canvas around and zooms in and out with the wheel; long tasks seen meanwhile. */
async function panAndZoom(page: Page): Promise<LongTasks> {
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const verdict = (value: number, target: number) => (value <= target ? 'within target' : 'OVER target');

async function run(): Promise<void> {
  const server = startServer();
  try {
    await waitForServer();
    const changeId = await bigChange();
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
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole('textbox', { name: 'Username' }).fill('operator');
    await page.getByRole('textbox', { name: 'Password' }).fill('operator');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // The emulator's own answer, for reference: the page cannot paint before it.
    const apiStart = performance.now();
    await api('GET', `/changes/${changeId}?include=steps`);
    const apiMs = performance.now() - apiStart;
    const url = `${BASE}${CHANGE_PAGE.replace('{id}', encodeURIComponent(changeId))}`;
    const first = await openAndTime(page, url);
    const opens: number[] = [];
    for (let round = 0; round < ROUNDS; round++) opens.push(await openAndTime(page, url));
    const rendered = await page.locator('.react-flow__node').count();
    const outlineRows = await page.getByRole('treeitem').count();
    const tasks = await panAndZoom(page);
    await browser.close();

    const list = (values: readonly number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
    console.log(`Step graph (a change of ${String(STEPS)} steps, emulator action big_tree)`);
    console.log(`  GET /api/changes/{id}?include=steps (emulator, from Node): ${apiMs.toFixed(0)} ms`);
    console.log(
      `  page open → graph painted, first open: ${first.toFixed(0)} ms (target ≤ ${String(TARGETS.paintMs)} ms: ${verdict(first, TARGETS.paintMs)})`,
    );
    console.log(
      `  page open → graph painted, reloads (median): ${median(opens).toFixed(0)} ms [${list(opens)}] (${verdict(median(opens), TARGETS.paintMs)})`,
    );
    console.log(
      `  nodes in the DOM: ${String(rendered)} of ${String(STEPS)} (onlyRenderVisibleElements); outline rows rendered: ${String(outlineRows)}`,
    );
    console.log(
      `  pan (4 drags) and zoom (24 wheel steps): ${String(tasks.count)} long tasks > ${String(TARGETS.longTaskMs)} ms, longest ${tasks.max.toFixed(0)} ms, ${tasks.total.toFixed(0)} ms in all`,
    );
  } finally {
    server.kill();
  }
}

await run();
