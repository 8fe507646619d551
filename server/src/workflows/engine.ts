/**
 * The workflow run engine (domain §9.3, §9.4), driven by the `workflow-runs` ticker.
 *
 * All state is in the run and step rows, so a restarted emulator simply carries on: every tick re-reads the
 * active runs and moves each as far as it can, in one transaction per run.
 *
 * Lifecycle:
 *   run:   pending → running ⇄ waiting → success | error | cancelled   (`waiting` while a wait step waits)
 *   noop (root, stages): pending → running → success | error | cancelled; children one after another
 *          (`sequential`) or all at once (`parallel`)
 *   change step:   pending → running (its change is created) → success | error | cancelled, as its change ends
 *   workflow step: pending → running (a child run is created) → success | error | cancelled, as the child run ends
 *   wait step:     pending → waiting → continued; with requires_approval_from: waiting_for_approval → approved
 *                  | rejected (a rejection cancels the run)
 *
 * Failures: when a step ends `error` or `cancelled`, nothing new starts — pending steps and waiting wait steps
 * become `aborted` — while changes and child runs already running finish; then the stages and the run end
 * `error` (or `cancelled`). A run still pending when its workflow or version is archived ends `aborted`.
 * A pending top-level run waits while another run of the same workflow is active,
 * unless the project's `allow_parallel_runs_of_same_workflow` setting is true. A step with a `start_time`
 * does not start before it.
 */
import type { Emulator } from '../context.ts';
import { ApiHttpError } from '../errors.ts';
import { cancelChange, changeStatus, createChange } from '../engine/changes.ts';
import { effectiveSetting } from '../engine/store.ts';
import { findNodeById } from '../nodes.ts';
import type { RunRow, RunStepRow } from './runs.ts';
import {
  childrenOf,
  createRun,
  getRun,
  getRunStep,
  RUN_TERMINAL,
  runEvent,
  STEP_PASSED,
  STEP_TERMINAL,
  stepEvent,
  stepsOfRun,
} from './runs.ts';
import { findVersionById, findWorkflowById } from './store.ts';

/** Nested runs deeper than this end in error: it catches workflows that include themselves indirectly. */
export const MAX_RUN_DEPTH = 10;
/** Instant transitions cascade within one tick; this bounds the passes over the active runs. */
const MAX_PASSES = 25;

type Failure = 'error' | 'cancelled';

const installed = new WeakSet<Emulator>();

export function installWorkflowEngine(emu: Emulator): void {
  if (installed.has(emu)) return;
  installed.add(emu);
  emu.addTicker('workflow-runs', () => {
    tickRuns(emu);
  });
}

/** Advances every active run as far as it can go now. */
export function tickRuns(emu: Emulator): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const active = emu
      .sql("SELECT id FROM workflow_runs WHERE status_code IN ('pending', 'running', 'waiting') ORDER BY seq")
      .all() as { id: string }[];
    let progressed = false;
    for (const { id } of active) {
      try {
        progressed = emu.tx(() => advanceRun(emu, id)) || progressed;
      } catch (err) {
        emu.tx(() => {
          failRunUnexpectedly(emu, id, err);
        });
        progressed = true;
      }
    }
    if (!progressed) return;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Row updates

type StepColumn =
  | 'status_code'
  | 'started_at'
  | 'finished_at'
  | 'change_id'
  | 'child_run_id'
  | 'approved_by'
  | 'rejected_by'
  | 'continued_by'
  | 'skip_on_retry';

/** Every change of a step bumps its `lock_version` (Rails optimistic locking counts each update). */
export function setStep(
  emu: Emulator,
  id: string,
  fields: Partial<Record<StepColumn, string | number | null>>,
): void {
  const columns = Object.keys(fields) as StepColumn[];
  const assignments = columns.map((c) => `${c} = ?`).join(', ');
  emu
    .sql(
      `UPDATE workflow_steps SET ${assignments}, lock_version = lock_version + 1, updated_at = ? WHERE id = ?`,
    )
    .run(...columns.map((c) => fields[c] ?? null), emu.now(), id);
}

type RunColumn = 'status_code' | 'started_at' | 'finished_at' | 'failure';

export function setRun(emu: Emulator, id: string, fields: Partial<Record<RunColumn, string | null>>): void {
  const columns = Object.keys(fields) as RunColumn[];
  const assignments = columns.map((c) => `${c} = ?`).join(', ');
  emu
    .sql(`UPDATE workflow_runs SET ${assignments}, updated_at = ? WHERE id = ?`)
    .run(...columns.map((c) => fields[c] ?? null), emu.now(), id);
}

const VERB: Record<string, string> = {
  success: 'success',
  approved: 'success',
  continued: 'success',
  error: 'error',
  cancelled: 'cancel',
  rejected: 'cancel',
  aborted: 'abort',
};

/** Ends a step and records its event; a step that did not pass makes the run fail. */
function finishStep(
  emu: Emulator,
  step: RunStepRow,
  status: string,
  username: string,
  message?: string,
): void {
  setStep(emu, step.id, {
    status_code: status,
    finished_at: emu.now(),
    ...(step.started_at || status === 'aborted' ? {} : { started_at: emu.now() }),
  });
  stepEvent(emu, step, VERB[status] ?? 'success', username, message === undefined ? {} : { message });
  if (!STEP_PASSED.has(status) && status !== 'aborted')
    markFailed(emu, step.run_id, status === 'error' ? 'error' : 'cancelled');
}

/**
 * The run's first failure decides how it ends. Nothing new starts after it: pending steps and wait steps still
 * waiting are aborted; changes and child runs already running are left to finish.
 */
function markFailed(emu: Emulator, runId: string, failure: Failure): void {
  const run = getRun(emu, runId);
  if (!run) return;
  if (run.failure === null) setRun(emu, runId, { failure });
  const stranded = emu
    .sql(
      `SELECT * FROM workflow_steps WHERE run_id = ? AND status_code IN ('pending', 'waiting', 'waiting_for_approval')
        ORDER BY sort_key`,
    )
    .all(runId) as RunStepRow[];
  for (const step of stranded) finishStep(emu, step, 'aborted', run.created_by);
}

// ---------------------------------------------------------------------------------------------------------
// Runs

/** Another run of the same workflow that keeps this pending run from starting, and the runs queued before it. */
export function runBlockers(
  emu: Emulator,
  run: RunRow,
): { parallelAllowed: boolean; running: boolean; queue: string[] } {
  const project = findNodeById(emu, run.project_id);
  const parallelAllowed = project
    ? effectiveSetting(emu, project, 'allow_parallel_runs_of_same_workflow') === true
    : false;
  // Child runs belong to their parent run: only top-level runs queue.
  if (parallelAllowed || run.parent_workflow_step_id !== null || run.status_code !== 'pending') {
    return { parallelAllowed, running: false, queue: [] };
  }
  const running =
    emu
      .sql(
        `SELECT 1 FROM workflow_runs WHERE workflow_id = ? AND id <> ? AND parent_workflow_step_id IS NULL
           AND status_code IN ('running', 'waiting') LIMIT 1`,
      )
      .get(run.workflow_id, run.id) !== undefined;
  const queue = (
    emu
      .sql(
        `SELECT id FROM workflow_runs WHERE workflow_id = ? AND parent_workflow_step_id IS NULL AND status_code = 'pending'
           AND seq < ? ORDER BY seq`,
      )
      .all(run.workflow_id, run.seq) as { id: string }[]
  ).map((r) => r.id);
  return { parallelAllowed, running, queue };
}

function advanceRun(emu: Emulator, runId: string): boolean {
  const run = getRun(emu, runId);
  if (!run || RUN_TERMINAL.has(run.status_code)) return false;
  let progressed = false;
  if (run.status_code === 'pending') {
    if (!stillRunnable(emu, run)) {
      abortRun(emu, run);
      return true;
    }
    const blockers = runBlockers(emu, run);
    if (blockers.running || blockers.queue.length > 0) return false;
    setRun(emu, run.id, { status_code: 'running', started_at: emu.now() });
    runEvent(emu, run, 'start', run.created_by);
    progressed = true;
  }
  const root = getRunStep(emu, run.root_step_id);
  if (!root) {
    failRunUnexpectedly(emu, run.id, new Error('the run has no root step'));
    return true;
  }
  progressed = evaluate(emu, root) || progressed;
  const after = getRunStep(emu, run.root_step_id);
  const current = getRun(emu, run.id);
  if (!after || !current) return progressed;
  if (STEP_TERMINAL.has(after.status_code)) {
    const status = STEP_PASSED.has(after.status_code) ? 'success' : (current.failure ?? 'error');
    setRun(emu, run.id, { status_code: status, finished_at: emu.now() });
    runEvent(emu, current, VERB[status] ?? 'error', current.created_by);
    return true;
  }
  refreshRunStatus(emu, current);
  return progressed;
}

/** A started, unfinished run shows `waiting` while one of its wait steps waits, else `running`. */
export function refreshRunStatus(emu: Emulator, run: RunRow): void {
  if (run.status_code !== 'running' && run.status_code !== 'waiting') return;
  const waiting =
    emu
      .sql(
        "SELECT 1 FROM workflow_steps WHERE run_id = ? AND status_code IN ('waiting', 'waiting_for_approval') LIMIT 1",
      )
      .get(run.id) !== undefined;
  const shown = waiting ? 'waiting' : 'running';
  if (run.status_code !== shown) setRun(emu, run.id, { status_code: shown });
}

/** A queued run whose workflow or version was archived (deleted after it ran) while it waited does not start. */
function stillRunnable(emu: Emulator, run: RunRow): boolean {
  const workflow = findWorkflowById(emu, run.workflow_id);
  const version = findVersionById(emu, run.workflow_version_id);
  return workflow?.archived === 0 && version?.archived === 0;
}

/** Ends a run that never started: `aborted`, as are all its steps. */
function abortRun(emu: Emulator, run: RunRow): void {
  for (const step of stepsOfRun(emu, run.id)) finishStep(emu, step, 'aborted', run.created_by);
  setRun(emu, run.id, { status_code: 'aborted', failure: 'error', finished_at: emu.now() });
  runEvent(emu, run, 'abort', run.created_by);
}

/** Something the engine did not expect (a bug, or rows edited by hand): end the run rather than retry forever. */
function failRunUnexpectedly(emu: Emulator, runId: string, err: unknown): void {
  const run = getRun(emu, runId);
  if (!run || RUN_TERMINAL.has(run.status_code)) return;
  for (const step of stepsOfRun(emu, runId)) {
    if (!STEP_TERMINAL.has(step.status_code))
      setStep(emu, step.id, { status_code: 'error', finished_at: emu.now() });
  }
  setRun(emu, runId, { status_code: 'error', failure: 'error', finished_at: emu.now() });
  runEvent(emu, run, 'error', run.created_by);
  const message = err instanceof Error ? err.message : String(err);
  emu
    .sql("UPDATE workflow_runs SET metadata = json_set(metadata, '$.emulator_error', ?) WHERE id = ?")
    .run(message, runId);
}

// ---------------------------------------------------------------------------------------------------------
// Steps

function evaluate(emu: Emulator, step: RunStepRow): boolean {
  if (step.status_code === 'pending') return start(emu, step);
  if (step.status_code === 'running') return progress(emu, step);
  return false;
}

function start(emu: Emulator, step: RunStepRow): boolean {
  const run = getRun(emu, step.run_id);
  if (!run) return false;
  if (run.failure !== null) {
    finishStep(emu, step, 'aborted', run.created_by);
    return true;
  }
  if (step.start_time !== null && Date.parse(step.start_time) > emu.clock.now()) return false;
  switch (step.type) {
    case 'workflow_noop_step':
      setStep(emu, step.id, { status_code: 'running', started_at: emu.now() });
      stepEvent(emu, step, 'start', run.created_by);
      {
        const running = getRunStep(emu, step.id);
        if (running) progress(emu, running);
      }
      return true;
    case 'workflow_wait_step':
      setStep(emu, step.id, {
        status_code: step.requires_approval_from ? 'waiting_for_approval' : 'waiting',
        started_at: emu.now(),
      });
      stepEvent(emu, step, 'start', run.created_by);
      return true;
    case 'workflow_change_step':
      return startChangeStep(emu, run, step);
    case 'workflow_workflow_step':
      return startWorkflowStep(emu, run, step);
  }
}

function parseObject(text: string | null): Record<string, unknown> {
  try {
    const value = JSON.parse(text ?? '{}') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** A step that could not start (its change or child run was refused) ends in error, saying why in its event. */
function startError(emu: Emulator, run: RunRow, step: RunStepRow, err: unknown): boolean {
  if (!(err instanceof ApiHttpError)) throw err;
  finishStep(emu, step, 'error', run.created_by, err.errors.map((e) => e.title).join('; '));
  return true;
}

/** Creates the step's change (a real change, run by the change engine) and waits for it to end. */
function startChangeStep(emu: Emulator, run: RunRow, step: RunStepRow): boolean {
  const target = step.target_node_id ? findNodeById(emu, step.target_node_id) : undefined;
  if (!target)
    return startError(
      emu,
      run,
      step,
      new ApiHttpError(422, [{ status: 422, title: 'The target asset no longer exists' }]),
    );
  let changeId: string;
  try {
    changeId = createChange(emu, {
      target,
      action: step.action ?? '',
      createdBy: run.created_by,
      templateVersion: step.template_version,
      propertyOverrides: parseObject(step.property_overrides),
      metadata: {},
      scheduled: run.scheduled === 1,
      workflowRunId: run.id,
      workflowId: run.workflow_id,
    });
  } catch (err) {
    return startError(emu, run, step, err);
  }
  setStep(emu, step.id, { status_code: 'running', started_at: emu.now(), change_id: changeId });
  stepEvent(emu, step, 'start', run.created_by);
  return true;
}

/** Starts the child run (of the version resolved when this run was created). */
function startWorkflowStep(emu: Emulator, run: RunRow, step: RunStepRow): boolean {
  const workflow = step.child_workflow_id ? findWorkflowById(emu, step.child_workflow_id) : undefined;
  const version = step.child_workflow_version_id
    ? findVersionById(emu, step.child_workflow_version_id)
    : undefined;
  if (!workflow || !version || run.depth + 1 > MAX_RUN_DEPTH) {
    const reason = workflow && version ? 'Workflows nest too deep' : 'The child workflow no longer exists';
    return startError(emu, run, step, new ApiHttpError(422, [{ status: 422, title: reason }]));
  }
  let childId: string;
  try {
    // A savepoint: a refused child run leaves nothing behind.
    childId = emu.tx(() =>
      createRun(emu, {
        workflow,
        version,
        createdBy: run.created_by,
        scheduled: run.scheduled === 1,
        parentStepId: step.id,
        depth: run.depth + 1,
      }),
    );
  } catch (err) {
    return startError(emu, run, step, err);
  }
  setStep(emu, step.id, { status_code: 'running', started_at: emu.now(), child_run_id: childId });
  stepEvent(emu, step, 'start', run.created_by);
  return true;
}

/** How a finished change or child run ends the step that started it. */
function outcome(status: string): string {
  if (status === 'success') return 'success';
  if (status === 'cancelled' || status === 'rejected') return 'cancelled';
  return 'error';
}

const CHANGE_TERMINAL: ReadonlySet<string> = new Set([
  'success',
  'error',
  'cancelled',
  'aborted',
  'rejected',
]);

function progress(emu: Emulator, step: RunStepRow): boolean {
  const run = getRun(emu, step.run_id);
  if (!run) return false;
  if (step.type === 'workflow_change_step') {
    const status = step.change_id ? changeStatus(emu, step.change_id) : undefined;
    if (status !== undefined && !CHANGE_TERMINAL.has(status)) return false;
    finishStep(emu, step, status === undefined ? 'error' : outcome(status), run.created_by);
    return true;
  }
  if (step.type === 'workflow_workflow_step') {
    const child = step.child_run_id ? getRun(emu, step.child_run_id) : undefined;
    if (child && !RUN_TERMINAL.has(child.status_code)) return false;
    finishStep(emu, step, child ? outcome(child.status_code) : 'error', run.created_by);
    return true;
  }
  if (step.type !== 'workflow_noop_step') return false;
  const progressed =
    step.child_execution_strategy === 'parallel'
      ? progressParallel(emu, step)
      : progressSequential(emu, step);
  const children = childrenOf(emu, step.id);
  if (!children.every((c) => STEP_TERMINAL.has(c.status_code))) return progressed;
  const latest = getRun(emu, step.run_id);
  const passed = children.every((c) => STEP_PASSED.has(c.status_code));
  finishStep(emu, step, passed ? 'success' : (latest?.failure ?? 'error'), run.created_by);
  return true;
}

function progressSequential(emu: Emulator, step: RunStepRow): boolean {
  let progressed = false;
  for (const child of childrenOf(emu, step.id)) {
    if (STEP_PASSED.has(child.status_code)) continue;
    if (STEP_TERMINAL.has(child.status_code)) break;
    progressed = evaluate(emu, child) || progressed;
    // A child that finished at once (a stage of instant steps) lets the next one start in the same tick.
    const fresh = getRunStep(emu, child.id);
    if (!fresh || !STEP_PASSED.has(fresh.status_code)) break;
  }
  return progressed;
}

function progressParallel(emu: Emulator, step: RunStepRow): boolean {
  let progressed = false;
  for (const child of childrenOf(emu, step.id)) {
    if (!STEP_TERMINAL.has(child.status_code)) progressed = evaluate(emu, child) || progressed;
  }
  return progressed;
}

// ---------------------------------------------------------------------------------------------------------
// Cancelling

/**
 * Cancels a run as DELETE does (and a rejection): its unfinished steps become `cancelled`, their running changes
 * and child runs are cancelled too, and the run ends `cancelled`. `keepStepId` is a step that already has its
 * own final state (the rejected step). Call inside a transaction.
 */
export function cancelRun(emu: Emulator, run: RunRow, username: string, keepStepId?: string): void {
  for (const step of stepsOfRun(emu, run.id)) {
    if (STEP_TERMINAL.has(step.status_code) || step.id === keepStepId) continue;
    if (step.type === 'workflow_change_step' && step.change_id) cancelChange(emu, step.change_id, username);
    if (step.type === 'workflow_workflow_step' && step.child_run_id) {
      const child = getRun(emu, step.child_run_id);
      if (child && !RUN_TERMINAL.has(child.status_code)) cancelRun(emu, child, username);
    }
    setStep(emu, step.id, { status_code: 'cancelled', finished_at: emu.now() });
    stepEvent(emu, step, 'cancel', username);
  }
  setRun(emu, run.id, {
    status_code: 'cancelled',
    failure: run.failure ?? 'cancelled',
    finished_at: emu.now(),
  });
  runEvent(emu, run, 'cancel', username);
}
