// Workflow run benchmark (issue 15): the run page of a workflow of 2,000 steps (40 stages, each running 49
// change steps in parallel on the Retail project's assets), run to its end by the emulator at
// EMULATOR_SPEED=200. Page open → step graph painted (target ≤ 1 s, as for the change page), first open and
// reloads, then panning and zooming with long tasks (> 50 ms) counted. Prints numbers, asserts nothing.
// Needs a build: `npx vite build && node --import tsx e2e/bench/workflow-run-bench.ts` (in `npm run bench:console`).
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

const STAGES = Number(process.env.BENCH_STAGES ?? 40);
const PER_STAGE = Number(process.env.BENCH_PER_STAGE ?? 49);
const STEPS = STAGES * (PER_STAGE + 1);
const TARGETS = { paintMs: 1000, longTaskMs: 50 };
const ROUNDS = 5;
const ADMIN = 'opschain';
/** The demo's Retail project allows parallel changes; its development and test assets take them. */
const ASSETS = ['dev', 'test'].flatMap((env) =>
  ['storefront', 'checkout', 'cart'].map(
    (svc) => `/projects/retail/environments/${env}/assets/${svc}_${env}`,
  ),
);

const runAnswer = z.object({
  data: z.object({ id: z.string(), attributes: z.object({ status_code: z.string() }) }),
});

/** STAGES sequential stages of PER_STAGE parallel `hello` changes, spread over the Retail assets. */
function bigWorkflowSteps(): unknown[] {
  return Array.from({ length: STAGES }, (_, stage) => ({
    run_as: 'parallel',
    name: `wave ${String(stage + 1)}`,
    children: Array.from({ length: PER_STAGE }, (_, i) => {
      const target = ASSETS[(stage + i) % ASSETS.length] ?? '';
      return {
        type: 'change',
        name: `hello ${String(stage + 1)}.${String(i + 1)}`,
        target,
        action: 'hello',
      };
    }),
  }));
}

/** Creates the workflow, runs it to its end; the run's id and how long the emulator took. */
async function finishedRun(base: string): Promise<{ code: string; runId: string; runMs: number }> {
  const api = benchApi(base, ADMIN);
  const code = `bench_${Date.now().toString(36)}`;
  await api('POST', '/projects/retail/workflows', {
    data: {
      attributes: { code, name: `Bench ${String(STEPS)} steps`, draft: false, steps: bigWorkflowSteps() },
    },
  });
  const started = performance.now();
  const created = runAnswer.parse(
    await api('POST', `/projects/retail/workflows/${code}/runs`, {
      data: { attributes: { workflow_code: code } },
    }),
  );
  const runId = created.data.id;
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const run = runAnswer.parse(await api('GET', `/projects/retail/workflows/${code}/runs/${runId}`));
    const status = run.data.attributes.status_code;
    if (['success', 'error', 'cancelled', 'aborted'].includes(status)) {
      if (status !== 'success') throw new Error(`the bench run ended ${status}`);
      return { code, runId, runMs: performance.now() - started };
    }
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`run ${runId} did not finish within 10 minutes`);
}

const verdict = (value: number, target: number) => (value <= target ? 'within target' : 'OVER target');

async function run(): Promise<void> {
  const server = await startBenchServer(8395, { EMULATOR_SPEED: '200' });
  try {
    const { code, runId, runMs } = await finishedRun(server.base);
    const runPath = `/projects/retail/workflows/${code}/runs/${runId}`;
    const apiStart = performance.now();
    await benchApi(server.base, ADMIN)('GET', runPath);
    const apiMs = performance.now() - apiStart;

    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.base, ADMIN);
    const url = `${server.base}${runPath}`;
    const first = await openAndTimeGraph(page, url);
    const opens: number[] = [];
    for (let round = 0; round < ROUNDS; round++) opens.push(await openAndTimeGraph(page, url));
    const rendered = await page.locator('.react-flow__node').count();
    const tasks = await panAndZoomGraph(page);
    await browser.close();

    const list = (values: readonly number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
    console.log(
      `Workflow run page (a run of ${String(STEPS)} steps: ${String(STAGES)} stages of ${String(PER_STAGE)} parallel change steps)`,
    );
    console.log(`  emulator ran it in ${(runMs / 1000).toFixed(1)} s (EMULATOR_SPEED=200)`);
    console.log(`  GET …/runs/{id} (emulator, from Node): ${apiMs.toFixed(0)} ms`);
    console.log(
      `  page open → graph painted, first open: ${first.toFixed(0)} ms (target ≤ ${String(TARGETS.paintMs)} ms: ${verdict(first, TARGETS.paintMs)})`,
    );
    console.log(
      `  page open → graph painted, reloads (median): ${median(opens).toFixed(0)} ms [${list(opens)}] (${verdict(median(opens), TARGETS.paintMs)})`,
    );
    console.log(`  nodes in the DOM: ${String(rendered)} of ${String(STEPS)}`);
    console.log(
      `  pan (4 drags) and zoom (24 wheel steps): ${String(tasks.count)} long tasks > ${String(TARGETS.longTaskMs)} ms, longest ${tasks.max.toFixed(0)} ms, ${tasks.total.toFixed(0)} ms in all`,
    );
  } finally {
    server.process.kill();
  }
}

await run();
