/**
 * Test support for the engine (imported by *.test.ts only): an emulator on a fake clock that never ticks by
 * itself, and helpers to run it forward and record status sequences.
 */
import { attrs, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import type { DemoUser } from '@contract/demo-users.ts';
import type { BuildAppOptions } from '../app.ts';
import { getChange, stepsOf } from './store.ts';

export const START_MS = Date.UTC(2025, 3, 25, 6, 0, 0);

export interface FakeClock {
  now(): number;
  set(ms: number): void;
}

export function fakeClock(start = START_MS): FakeClock {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms;
    },
  };
}

export interface RecordOptions {
  stepMs?: number;
  maxMs?: number;
  /** Stop (after recording) once a state matches. */
  until?: (state: string) => boolean;
  onTick?: () => Promise<void> | void;
}

export interface EngineHarness extends TestEmulator {
  clock: FakeClock;
  /** Moves the clock forward and runs the tickers once. */
  advance(ms: number): void;
  /** `change status | step:status …` (steps in tree order, named by name or action). */
  state(changeId: string): string;
  /** Advances in `stepMs` increments until the change is finished (or `maxMs`), recording each new state. */
  record(changeId: string, options?: RecordOptions): Promise<string[]>;
  /** Creates a change over HTTP and returns its id (throws unless 201). */
  create(user: DemoUser, url: string, attributes: Record<string, unknown>): Promise<string>;
}

const FINISHED = new Set(['success', 'error', 'cancelled']);

export async function startEngine(options: BuildAppOptions = {}): Promise<EngineHarness> {
  const clock = fakeClock();
  const emu = await startEmulator({ clock, drive: false, ...options });
  const emulator = emu.app.emulator;
  const advance = (ms: number): void => {
    clock.set(clock.now() + ms);
    emulator.runTickers();
  };
  const state = (changeId: string): string => {
    const change = getChange(emulator, changeId);
    const steps = stepsOf(emulator, changeId).map((s) => `${s.name ?? s.action}:${s.status_code}`);
    return `${change?.status_code ?? 'missing'} | ${steps.join(' ')}`;
  };
  return {
    ...emu,
    clock,
    advance,
    state,
    async record(changeId, { stepMs = 100, maxMs = 300_000, until, onTick } = {}) {
      const seen = [state(changeId)];
      for (let elapsed = 0; elapsed < maxMs; elapsed += stepMs) {
        advance(stepMs);
        if (onTick) await onTick();
        const now = state(changeId);
        if (now !== seen[seen.length - 1]) seen.push(now);
        if (until?.(now) || FINISHED.has(getChange(emulator, changeId)?.status_code ?? '')) break;
      }
      return seen;
    },
    async create(user, url, attributes) {
      const res = await emu.request(user, 'POST', url, attrs(attributes));
      if (res.status !== 201) throw new Error(`create answered ${String(res.status)}: ${res.text}`);
      const body = res.body as { data: { id: string } };
      return body.data.id;
    },
  };
}

export const DEV = '/api/projects/bank/environments/dev/changes';
export const ORIGIN = { git_remote_name: 'origin', git_rev: 'main' };
