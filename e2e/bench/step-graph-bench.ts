// Step graph benchmark (issue 11): a change of 2,000 steps (the emulator's big_tree action). Page open →
// graph laid out and painted (target ≤ 1 s), then panning and zooming with long tasks (> 50 ms) counted by
// a PerformanceObserver. Prints numbers and asserts nothing. Needs a build:
// `npx vite build && node --import tsx e2e/bench/step-graph-bench.ts` (part of `npm run bench:console`).
import { z } from 'zod';
import {
  benchApi,
  launchChromium,
  median,
  openAndTimeGraph,
  panAndZoomGraph,
  signIn,
  startBenchServer,
} from './bench-kit.ts';

const STEPS = Number(process.env.BENCH_STEPS ?? 2000);
/** Where a change's page lives; `{id}` is replaced by the change's id. */
const CHANGE_PAGE = process.env.BENCH_CHANGE_PAGE ?? '/changes/{id}';
const TARGETS = { paintMs: 1000, longTaskMs: 50 };
const ROUNDS = 5;

const changeAnswer = z.object({
  data: z.object({ id: z.string(), attributes: z.object({ status_code: z.string() }) }),
});

/** A finished big_tree change of STEPS steps; its id. */
async function bigChange(api: ReturnType<typeof benchApi>): Promise<string> {
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

const verdict = (value: number, target: number) => (value <= target ? 'within target' : 'OVER target');

async function run(): Promise<void> {
  // Fast simulated time: the 2,000 steps finish in seconds.
  const server = await startBenchServer(8393, { EMULATOR_SPEED: '200' });
  const api = benchApi(server.base, 'operator');
  try {
    const changeId = await bigChange(api);
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.base, 'operator');

    // The emulator's own answer, for reference: the page cannot paint before it.
    const apiStart = performance.now();
    await api('GET', `/changes/${changeId}?include=steps`);
    const apiMs = performance.now() - apiStart;
    const url = `${server.base}${CHANGE_PAGE.replace('{id}', encodeURIComponent(changeId))}`;
    const first = await openAndTimeGraph(page, url);
    const opens: number[] = [];
    for (let round = 0; round < ROUNDS; round++) opens.push(await openAndTimeGraph(page, url));
    const rendered = await page.locator('.react-flow__node').count();
    const outlineRows = await page.getByRole('treeitem').count();
    const tasks = await panAndZoomGraph(page);
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
    server.process.kill();
  }
}

await run();
