/**
 * Test support for workflow runs and schedules (imported by *.test.ts only): the demo emulator on a fake clock
 * that never ticks by itself, and helpers to create workflows, start runs and record status sequences.
 */
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import type { DemoUser } from '@contract/demo-users.ts';
import { getRun, stepsOfRun } from './runs.ts';

export const START_MS = Date.UTC(2025, 3, 25, 6, 0, 0);
export const SOA_DEV = '/projects/bank/environments/dev/assets/soa_dev';
export const LEDGER_DEV = '/projects/bank/environments/dev/assets/ledger_db_dev';
export const SOA_TEST = '/projects/bank/environments/test/assets/soa_test';
export const SOA_PROD = '/projects/bank/environments/prod/assets/soa_prod';

export interface WorkflowHarness extends TestEmulator {
  now(): number;
  /** Moves the clock forward and runs every ticker once. */
  advance(ms: number): void;
  /** `run status | step:status …`, steps in tree order by name. */
  state(runId: string): string;
  /** Advances in `stepMs` steps until the run is finished (or `maxMs`), recording each new state. */
  record(
    runId: string,
    options?: { stepMs?: number; maxMs?: number; until?: (state: string) => boolean },
  ): string[];
  /** Creates a workflow in project bank over HTTP (published unless `draft`); throws unless 201. */
  workflow(code: string, steps: unknown[], extra?: Record<string, unknown>): Promise<string>;
  /** Starts a run of a bank workflow over HTTP; returns its id (throws unless 201). */
  run(code: string, user?: DemoUser): Promise<string>;
  /** The id of a step of a run, by name. */
  stepId(runId: string, name: string): string;
}

const FINISHED = new Set(['success', 'error', 'cancelled', 'aborted']);

/** `db`: a SQLite file to reopen across harnesses (restart tests); `startMs`: the fake clock's start. */
export async function startWorkflowHarness(
  options: { db?: string; startMs?: number } = {},
): Promise<WorkflowHarness> {
  let t = options.startMs ?? START_MS;
  const emu = await startEmulator({
    clock: { now: () => t },
    drive: false,
    ...(options.db ? { db: options.db } : {}),
  });
  const core = emu.app.emulator;
  const advance = (ms: number): void => {
    t += ms;
    core.runTickers();
  };
  const state = (runId: string): string => {
    const steps = stepsOfRun(core, runId).map((s) => `${s.name}:${s.status_code}`);
    return `${getRun(core, runId)?.status_code ?? 'missing'} | ${steps.join(' ')}`;
  };
  return {
    ...emu,
    now: () => t,
    advance,
    state,
    record(runId, { stepMs = 250, maxMs = 120_000, until } = {}) {
      const seen = [state(runId)];
      for (let elapsed = 0; elapsed < maxMs; elapsed += stepMs) {
        advance(stepMs);
        const now = state(runId);
        if (now !== seen[seen.length - 1]) seen.push(now);
        if (until?.(now) || FINISHED.has(getRun(core, runId)?.status_code ?? '')) break;
      }
      return seen;
    },
    async workflow(code, steps, extra = {}) {
      const res = await emu.request(
        'opschain',
        'POST',
        '/api/projects/bank/workflows',
        attrs({ code, name: code, steps, draft: false, ...extra }),
      );
      if (res.status !== 201) throw new Error(`workflow create answered ${String(res.status)}: ${res.text}`);
      return (res.body as { data: { id: string } }).data.id;
    },
    async run(code, user = 'operator') {
      const res = await emu.request(
        user,
        'POST',
        `/api/projects/bank/workflows/${code}/runs`,
        attrs({ workflow_code: code }),
      );
      if (res.status !== 201) throw new Error(`run create answered ${String(res.status)}: ${res.text}`);
      return (res.body as { data: { id: string } }).data.id;
    },
    stepId(runId, name) {
      const step = stepsOfRun(core, runId).find((s) => s.name === name);
      if (!step) throw new Error(`no step ${name} in run ${runId}`);
      return step.id;
    },
  };
}
