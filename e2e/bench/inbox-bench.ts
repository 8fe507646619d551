// Approvals inbox benchmark (issue 14): 500 changes waiting for the approver's approval. Times the inbox
// from its last data answer to the frame showing the list of all 500 (rendered, or windowed: the rows in view
// and the list's full size; target ≤ 300 ms after data), and counts the
// inbox requests the server receives per minute with 1 tab and with 5 tabs of one browser open (the tabs
// share one poll). Prints numbers and asserts nothing.
// Needs a build: `npx vite build && node --import tsx e2e/bench/inbox-bench.ts` (in `npm run bench:console`).
import type { BrowserContext, Page } from '@playwright/test';
import { z } from 'zod';
import { launchChromium, median, startBenchServer } from './bench-kit.ts';

const ITEMS = Number(process.env.BENCH_INBOX_ITEMS ?? 500);
const TARGET_MS = 300;
const COUNT_SECONDS = Number(process.env.BENCH_INBOX_SECONDS ?? 30);
const ADMIN = `Basic ${Buffer.from('opschain:opschain').toString('base64')}`;
const server = await startBenchServer(8397, { EMULATOR_SEED: 'demo' });
const BASE = server.base;

async function api(method: string, path: string, attributes?: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${BASE}/api${path}`, {
    method,
    headers: { authorization: ADMIN, 'content-type': 'application/vnd.api+json' },
    ...(attributes === undefined ? {} : { body: JSON.stringify({ data: { attributes } }) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${String(res.status)}: ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

const nodeAnswer = z.object({
  data: z.object({ relationships: z.object({ settings: z.object({ data: z.object({ id: z.string() }) }) }) }),
});

/** An environment whose changes wait for the approvers and run side by side; ITEMS changes started on it. */
async function seedWaitingChanges(): Promise<void> {
  await api('POST', '/projects', {
    code: 'inbox',
    name: 'Inbox bench',
    description: 'Inbox benchmark',
    project_type: 'Enterprise',
  });
  await api('POST', '/projects/inbox/environments', {
    code: 'prd',
    name: 'Production',
    description: 'Bench',
  });
  await api('POST', '/projects/inbox/git_remotes', {
    name: 'origin',
    url: 'https://git.example.com/bench/actions.git',
    ssh_key_data: null,
    user: null,
    password: null,
  });
  const environment = nodeAnswer.parse(await api('GET', '/projects/inbox/environments/prd'));
  await api('PATCH', `/settings/${environment.data.relationships.settings.data.id}`, {
    data: { requires_approval_from: 'approvers', allow_parallel_changes: true },
  });
  for (let i = 0; i < ITEMS; i += 1) {
    await api('POST', '/projects/inbox/environments/prd/changes', {
      action: 'hello',
      git_remote_name: 'origin',
      git_rev: 'main',
      metadata: { ticket: `CR-${String(i)}` },
    });
  }
}

/**
 * Opens the inbox and answers (in the page's clock) when the last inbox answer ended and when the frame
 * showing all ITEMS items was painted.
 */
async function openInbox(page: Page): Promise<{ dataAt: number; paintedAt: number }> {
  await page.goto(`${BASE}/approvals`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    `new Promise((resolve) => {
      // Every item is in the list: all rendered, or (a windowed list) the rows in view say how many there are.
      const done = () => document.querySelectorAll('main li[data-key]').length >= ${String(ITEMS)} ||
        [...document.querySelectorAll('main li[aria-setsize]')].some((row) => Number(row.getAttribute('aria-setsize')) >= ${String(ITEMS)});
      const finish = () => requestAnimationFrame(() => setTimeout(() => {
        const answers = performance.getEntriesByType('resource').filter((entry) => /\\/api\\/(steps|changes|workflow_steps|workflow_runs)\\?/.test(entry.name));
        resolve({ dataAt: Math.max(0, ...answers.map((entry) => entry.responseEnd)), paintedAt: performance.now() });
      }, 0));
      if (done()) return finish();
      const observer = new MutationObserver(() => { if (!done()) return; observer.disconnect(); finish(); });
      observer.observe(document, { childList: true, subtree: true });
    })`,
    undefined,
    { timeout: 180_000 },
  );
  return z.object({ dataAt: z.number(), paintedAt: z.number() }).parse(await handle.jsonValue());
}

/** Inbox polls the server receives from `context` over COUNT_SECONDS, as requests per minute. */
async function inboxRequestsPerMinute(context: BrowserContext): Promise<number> {
  let count = 0;
  const onRequest = (request: { url: () => string }) => {
    if (/\/api\/(steps|workflow_steps)\?/.test(request.url())) count += 1;
  };
  context.on('request', onRequest);
  await new Promise((done) => setTimeout(done, COUNT_SECONDS * 1000));
  context.off('request', onRequest);
  return (count * 60) / COUNT_SECONDS;
}

async function run(): Promise<void> {
  try {
    await seedWaitingChanges();
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole('textbox', { name: 'Username' }).fill('approver');
    await page.getByRole('textbox', { name: 'Password' }).fill('approver');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    const opens: { dataAt: number; paintedAt: number }[] = [];
    for (let round = 0; round < 3; round += 1) opens.push(await openInbox(page));
    const afterData = opens.map((open) => open.paintedAt - open.dataAt);
    const total = opens.map((open) => open.paintedAt);

    const oneTab = await inboxRequestsPerMinute(context);
    const others: Page[] = [];
    for (let tab = 1; tab < 5; tab += 1) {
      const other = await context.newPage();
      await other.goto(`${BASE}/approvals`);
      others.push(other);
    }
    const fiveTabs = await inboxRequestsPerMinute(context);
    await browser.close();

    const ms = (values: readonly number[]) =>
      values.map((value) => `${String(Math.round(value))} ms`).join(', ');
    const med = median(afterData);
    console.log(`Approvals inbox (${String(ITEMS)} changes waiting for approval by the approvers group)`);
    console.log(
      `  last inbox answer → the list of ${String(ITEMS)} items painted: ${String(Math.round(med))} ms median [${ms(afterData)}] (target ≤ ${String(TARGET_MS)} ms: ${med <= TARGET_MS ? 'within target' : 'OVER target'})`,
    );
    console.log(`  page load → list painted: ${ms(total)}`);
    console.log(
      `  inbox requests per minute over ${String(COUNT_SECONDS)} s: 1 tab ${oneTab.toFixed(0)}, 5 tabs ${fiveTabs.toFixed(0)}`,
    );
  } finally {
    server.process.kill();
  }
}

await run();
