import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { getChange } from '../src/engine/store.ts';
import { basicAuth } from '../test/emulator.ts';
import { nextTurn, settledRssMb } from './lists.ts';

export interface LogBenchResult {
  /** noisy with `writeLines` lines: engine time spent writing them, and lines per second of that time. */
  writeLines: number;
  writeMs: number;
  linesPerSecond: number;
  /** Incremental pages (1,000 lines after a random cursor) with `storedLines` lines stored. */
  storedLines: number;
  pageLines: number;
  pages: number;
  p50: number;
  p99: number;
  max: number;
  rssMb: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const HEADERS = { authorization: basicAuth('operator'), 'content-type': 'application/vnd.api+json' };

async function createNoisy(app: FastifyInstance, lines: number): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/projects/retail/environments/dev/changes',
    headers: HEADERS,
    payload: JSON.stringify({
      data: {
        attributes: {
          action: 'noisy',
          git_remote_name: 'origin',
          git_rev: 'main',
          property_overrides: { log_lines: lines },
        },
      },
    }),
  });
  if (res.statusCode !== 201) throw new Error(`create answered ${String(res.statusCode)}: ${res.body}`);
  return res.json<{ data: { id: string } }>().data.id;
}

interface Cursor {
  loggedAt: string;
  /** Ids at `loggedAt` the client already holds (the cursor line and those before it at that time). */
  held: number[];
}

/** `count` cursors spread over the change's log, each at least 1,000 lines before its end. */
function sampleCursors(app: FastifyInstance, changeId: string, count: number): Cursor[] {
  const db = app.emulator.db;
  const total = (
    db.prepare('SELECT COUNT(*) AS n FROM log_lines WHERE change_id = ?').get(changeId) as { n: number }
  ).n;
  const wanted = new Set(
    Array.from({ length: count }, (_, i) =>
      Math.floor((((i * 7919) % count) / count) * Math.max(1, total - 1000)),
    ),
  );
  const cursors: Cursor[] = [];
  let index = 0;
  for (const row of db
    .prepare('SELECT seq, logged_at FROM log_lines WHERE change_id = ? ORDER BY logged_at, seq')
    .iterate(changeId) as IterableIterator<{ seq: number; logged_at: string }>) {
    if (wanted.has(index)) {
      const held = (
        db
          .prepare('SELECT seq FROM log_lines WHERE change_id = ? AND logged_at = ? AND seq <= ?')
          .all(changeId, row.logged_at, row.seq) as {
          seq: number;
        }[]
      ).map((r) => r.seq);
      cursors.push({ loggedAt: row.logged_at, held });
    }
    index++;
  }
  // Visit them in a scattered order, as many clients tailing many changes would.
  return cursors.sort((a, b) => ((a.held[0] ?? 0) % 97) - ((b.held[0] ?? 0) % 97));
}

/** Runs the engine on a fake clock until the change finishes; returns the wall time spent in ticks. */
function runToEnd(app: FastifyInstance, clock: { t: number }, changeId: string): number {
  let spent = 0;
  for (let i = 0; i < 100_000 && getChange(app.emulator, changeId)?.status_code !== 'success'; i++) {
    clock.t += 1000;
    const start = performance.now();
    app.emulator.runTickers();
    spent += performance.now() - start;
  }
  if (getChange(app.emulator, changeId)?.status_code !== 'success') throw new Error('noisy did not finish');
  return spent;
}

/**
 * `noisy` write throughput with 100,000 lines, and the latency of an incremental log page — 1,000 lines after a
 * cursor, exactly the request the console's tail makes (routes/log-lines.ts) — with 1,000,000 lines stored.
 */
export async function benchLogs(
  options: { writeLines?: number; storedLines?: number; pages?: number } = {},
): Promise<LogBenchResult> {
  const writeLines = options.writeLines ?? 100_000;
  const storedLines = options.storedLines ?? 1_000_000;
  const pages = options.pages ?? 300;
  const clock = { t: Date.UTC(2025, 3, 25, 6, 0, 0) };
  const app = await buildApp({ db: ':memory:', seed: 'demo', drive: false, clock: { now: () => clock.t } });
  await app.ready();
  try {
    const first = await createNoisy(app, writeLines);
    const writeMs = runToEnd(app, clock, first);
    // Fill up to `storedLines` with a second change, and tail that one.
    const big = await createNoisy(app, Math.max(0, storedLines - writeLines));
    runToEnd(app, clock, big);
    const stored = (app.emulator.db.prepare('SELECT COUNT(*) AS n FROM log_lines').get() as { n: number }).n;
    const cursors = sampleCursors(app, big, pages + 10);

    const times: number[] = [];
    let pageLines = 0;
    for (const [i, cursor] of cursors.entries()) {
      const url =
        `/api/changes/${big}/log_lines?limit=1000&filter[sorts]=logged_at%20asc` +
        `&filter[logged_at_gteq]=${encodeURIComponent(cursor.loggedAt)}` +
        cursor.held.map((id) => `&filter[id_not_in][]=${String(id)}`).join('');
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: HEADERS });
      const elapsed = performance.now() - start;
      await nextTurn();
      if (res.statusCode !== 200) throw new Error(`page answered ${String(res.statusCode)}`);
      // The first pages warm up statement caches and the JIT.
      if (i >= 10) times.push(elapsed);
      pageLines = res.json<{ data: unknown[] }>().data.length;
    }
    times.sort((a, b) => a - b);
    const rssMb = await settledRssMb();
    return {
      writeLines,
      writeMs,
      linesPerSecond: (writeLines / writeMs) * 1000,
      storedLines: stored,
      pageLines,
      pages: times.length,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      max: times[times.length - 1] ?? 0,
      rssMb,
    };
  } finally {
    await app.close();
  }
}

export function printLogs(r: LogBenchResult): void {
  console.log('\nLog lines');
  console.log(
    `noisy, ${r.writeLines.toLocaleString('en')} lines: written in ${r.writeMs.toFixed(0)} ms of engine time = ${Math.round(r.linesPerSecond).toLocaleString('en')} lines/s`,
  );
  console.log(
    `incremental page (${String(r.pageLines)} lines after a cursor), ${r.storedLines.toLocaleString('en')} lines stored, ${String(r.pages)} pages: ` +
      `p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms  target p99 <= 30 ms ${r.p99 <= 30 ? 'ok' : 'OVER'}`,
  );
  console.log(
    `emulator resident memory after the run, ${r.storedLines.toLocaleString('en')} lines still stored in memory: ${r.rssMb.toFixed(0)} MB`,
  );
}
