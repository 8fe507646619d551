/**
 * The change state machine (domain §7.3–7.8). Every function here runs inside the caller's transaction and
 * takes `t`, the (clock) time in epoch ms at which the transition happens: the ticker passes each timer's own
 * due time, so simulated timestamps do not depend on how often it ticks; API actions pass the current time.
 *
 * Change:  initializing → [waiting_for_approval] → pending → queued → running ⇄ waiting | waiting_for_approval
 *          → success | error;  cancelled from any unfinished state (also after a rejected approval).
 * Step:    pending → queued → running → success | error;  wait steps pending → waiting → success (continued);
 *          approval steps pending → waiting_for_approval → queued (approved) → running → … | rejected;
 *          never-run steps of a failed change → aborted; unfinished steps of a cancelled change → cancelled.
 * The root step follows its change: initializing, [waiting_for_approval], pending, queued, running.
 */
import type { Emulator } from '../context.ts';
import { recordEvent } from '../events.ts';
import type { NodeRow } from '../nodes.ts';
import { findNodeById } from '../nodes.ts';
import { assetTemplate, fakeCommitSha, renderMintmodel, storeMintmodel } from '../template-store.ts';
import {
  CATALOG_TREE_NAMES,
  catalogTree,
  defAt,
  echoLines,
  failureRequested,
  injectedFailureLines,
  log,
  noisyLine,
  noisyLineCount,
  noisyMsPerLine,
  preamble,
  TIMINGS,
  WAIT_ACTION,
} from './catalog-trees.ts';
import type { ScriptContext, StepDef } from './catalog-trees.ts';
import { appendLog, isoFromMs, type LogEntry } from './logs.ts';
import type { ChangeRow, StepRow } from './store.ts';
import {
  approvalRequirement,
  getChange,
  getStep,
  isTerminal,
  TERMINAL,
  parallelChangesAllowed,
  parseObject,
  stepsOf,
} from './store.ts';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/** Largest number of noisy lines written by one engine event (the rest follow at once, in the same tick). */
const NOISY_MAX_BATCH = 10_000;

function later(emu: Emulator, t: number, simulatedMs: number): number {
  return t + simulatedMs / emu.speed;
}

// ---------------------------------------------------------------------------------------------------------
// Row updates

type ChangeFields = Partial<Omit<ChangeRow, 'id'>>;
type StepFields = Partial<Omit<StepRow, 'id'>>;

function update(
  emu: Emulator,
  table: 'changes' | 'steps',
  id: string,
  fields: Record<string, unknown>,
): void {
  const keys = Object.keys(fields);
  if (keys.length === 0) return;
  // Column names come from this module's code, never from requests.
  const sets = keys.map((k) => `${k} = ?`).join(', ');
  emu.sql(`UPDATE ${table} SET ${sets} WHERE id = ?`).run(...keys.map((k) => fields[k]), id);
}

export function setChange(emu: Emulator, id: string, t: number, fields: ChangeFields): void {
  update(emu, 'changes', id, { ...fields, updated_at: isoFromMs(t) });
}

export function setStep(emu: Emulator, id: string, t: number, fields: StepFields): void {
  update(emu, 'steps', id, { ...fields, updated_at: isoFromMs(t) });
}

function mustChange(emu: Emulator, id: string): ChangeRow {
  const change = getChange(emu, id);
  if (!change) throw new Error(`change ${id} vanished`);
  return change;
}

function mustStep(emu: Emulator, id: string): StepRow {
  const step = getStep(emu, id);
  if (!step) throw new Error(`step ${id} vanished`);
  return step;
}

function nodeOf(emu: Emulator, change: ChangeRow): NodeRow {
  const node = findNodeById(emu, change.node_id);
  if (!node) throw new Error(`node ${change.node_id} of change ${change.id} vanished`);
  return node;
}

export function changeSelfLink(nodePath: string, changeId: string): string {
  return `/api${nodePath}/changes/${changeId}`;
}

// ---------------------------------------------------------------------------------------------------------
// Events (domain §11)

export function changeEvent(emu: Emulator, change: ChangeRow, verb: string, username?: string): void {
  const node = findNodeById(emu, change.node_id);
  recordEvent(emu, {
    type: `api:changes:${verb}`,
    username: username ?? change.created_by,
    system: true,
    payload: {
      change_id: change.id,
      action: change.action,
      status_code: getChange(emu, change.id)?.status_code ?? change.status_code,
      parent_path: node?.path ?? null,
      parent_code: node?.code ?? null,
    },
    source: { type: 'change', id: change.id, path: node ? changeSelfLink(node.path, change.id) : null },
  });
}

/**
 * `username`: the person who acted (approve, reject, continue, cancel). Transitions the engine makes by itself
 * (start, success, error, abort) pass null and are recorded under the change's creator, as changeEvent does
 * for `api:changes:start|success|error`: the vendor's event schema requires a string username for every event
 * and none of the documented examples has a null one, and the change's creator is whom OpsChain runs the
 * change for — so `filter[username_eq]=<user>` finds the whole history of that user's changes.
 */
export function stepEvent(
  emu: Emulator,
  step: StepRow,
  verb: string,
  username: string | null,
  extra: Record<string, unknown> = {},
): void {
  recordEvent(emu, {
    type: `api:steps:${verb}`,
    username: username ?? mustChange(emu, step.change_id).created_by,
    system: true,
    payload: {
      step_id: step.id,
      change_id: step.change_id,
      action: step.action,
      status_code: getStep(emu, step.id)?.status_code ?? step.status_code,
      ...extra,
    },
    source: { type: 'step', id: step.id, path: `/api/steps/${step.id}` },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Log lines

function scriptContext(change: ChangeRow, node: NodeRow, step: StepRow, atMs: number): ScriptContext {
  return {
    stamp: isoFromMs(atMs).slice(0, -1),
    changeId: change.id,
    action: change.action,
    target: node.path,
    gitRemoteName: change.git_remote_name,
    gitRev: change.git_rev,
    commitSha: change.commit_sha,
    stepName: step.name ?? step.action,
  };
}

/** One OpsChain-style line written by the engine itself (approvals, cancellations, restarts). */
export function engineLine(
  emu: Emulator,
  change: ChangeRow,
  step: StepRow,
  t: number,
  level: 'info' | 'warn' | 'error',
  text: string,
): void {
  const ctx = scriptContext(change, nodeOf(emu, change), step, t);
  appendLog(emu, change.id, [{ stepId: step.id, atMs: t, message: log[level](ctx, text) }]);
}

// ---------------------------------------------------------------------------------------------------------
// Changes

/** Initializing is over: the revision resolves; the action exists or the change fails; approval or the queue. */
function resolveChange(emu: Emulator, change: ChangeRow, t: number): void {
  const node = nodeOf(emu, change);
  const root = change.root_step_id ? getStep(emu, change.root_step_id) : undefined;
  if (!root) throw new Error(`change ${change.id} has no root step`);
  const commitSha = change.commit_sha ?? resolveCommit(emu, change);
  setChange(emu, change.id, t, { commit_sha: commitSha, name: change.action, next_at: null });
  setStep(emu, root.id, t, { name: change.action });
  const resolved = mustChange(emu, change.id);
  const source = resolved.git_remote_name
    ? `Git remote ${resolved.git_remote_name} revision ${resolved.git_rev ?? ''}`
    : `template revision ${resolved.git_rev ?? ''}`;
  engineLine(emu, resolved, root, t, 'info', `Resolved ${source} to commit ${commitSha}`);

  if (!catalogTree(change.action)) {
    engineLine(
      emu,
      resolved,
      root,
      t,
      'error',
      `The action "${change.action}" does not exist in commit ${commitSha.slice(0, 12)}. Available actions: ${CATALOG_TREE_NAMES.join(', ')}`,
    );
    setStep(emu, root.id, t, {
      status_code: 'error',
      phase: 'done',
      finished_at: isoFromMs(t),
      next_at: null,
    });
    stepEvent(emu, root, 'error', null);
    finishChange(emu, mustChange(emu, change.id), 'error', t);
    return;
  }

  const approval = approvalRequirement(emu, node);
  if (approval !== null) {
    setChange(emu, change.id, t, { status_code: 'waiting_for_approval', requires_approval_from: approval });
    setStep(emu, root.id, t, {
      status_code: 'waiting_for_approval',
      requires_approval_from: approval,
      started_at: isoFromMs(t),
    });
    engineLine(emu, resolved, root, t, 'info', `Waiting for approval from: ${approval}`);
    return;
  }
  setChange(emu, change.id, t, { status_code: 'pending' });
  setStep(emu, root.id, t, { status_code: 'pending' });
  promotePending(emu, change.node_id, t);
}

/** A deterministic fake SHA: there is no Git here. A full SHA given as the revision is used as is. */
function resolveCommit(emu: Emulator, change: ChangeRow): string {
  if (change.git_rev && /^[0-9a-f]{40}$/.test(change.git_rev)) return change.git_rev;
  if (change.template_version_id) {
    const tv = emu
      .sql('SELECT commit_sha, git_rev FROM template_versions WHERE id = ?')
      .get(change.template_version_id) as { commit_sha: string | null; git_rev: string } | undefined;
    return tv?.commit_sha ?? fakeCommitSha(`template:${change.template_version_id}:${tv?.git_rev ?? ''}`);
  }
  const remote = change.git_remote_id
    ? (emu.sql('SELECT url FROM git_remotes WHERE id = ?').get(change.git_remote_id) as
        { url: string } | undefined)
    : undefined;
  return fakeCommitSha(`${remote?.url ?? change.git_remote_name ?? ''}#${change.git_rev ?? ''}`);
}

/** The pending changes of a node that may start now take the node (one at a time unless parallel is allowed). */
export function promotePending(emu: Emulator, nodeId: string, t: number): void {
  const pending = emu
    .sql("SELECT * FROM changes WHERE node_id = ? AND status_code = 'pending' ORDER BY seq")
    .all(nodeId) as ChangeRow[];
  const first = pending[0];
  if (!first) return;
  const node = findNodeById(emu, nodeId);
  if (node && parallelChangesAllowed(emu, node)) {
    for (const change of pending) acquire(emu, change, t);
    return;
  }
  const held = emu.sql('SELECT 1 FROM changes WHERE node_id = ? AND holds_lock = 1 LIMIT 1').get(nodeId);
  if (!held) acquire(emu, first, t);
}

function acquire(emu: Emulator, change: ChangeRow, t: number): void {
  setChange(emu, change.id, t, {
    status_code: 'queued',
    holds_lock: 1,
    next_at: later(emu, t, TIMINGS.changeQueueMs),
  });
  if (change.root_step_id) setStep(emu, change.root_step_id, t, { status_code: 'queued' });
}

/** A worker picked the change up: it runs, starting with its root step's own action. */
function startChangeRun(emu: Emulator, change: ChangeRow, t: number): void {
  setChange(emu, change.id, t, {
    status_code: 'running',
    started_at: isoFromMs(t),
    next_at: null,
    properties_versions: JSON.stringify(propertiesVersionIds(emu, nodeOf(emu, change))),
  });
  const running = mustChange(emu, change.id);
  changeEvent(emu, running, 'start');
  renderChangeMintmodel(emu, running, t);
  if (!running.root_step_id) throw new Error(`change ${change.id} has no root step`);
  beginOwnAction(emu, mustStep(emu, running.root_step_id), t);
}

/**
 * Each change on an asset renders the asset's MintModel from the converged properties as it starts, and stores
 * it with a history record naming the change (domain §2.5) — also when the data did not change, since the
 * lists show every rendering. Assets whose template version has no MintModel render nothing.
 */
function renderChangeMintmodel(emu: Emulator, change: ChangeRow, t: number): void {
  if (change.asset_id === null) return;
  const asset = findNodeById(emu, change.asset_id);
  if (!asset || assetTemplate(emu, asset)?.hasMintmodel !== true) return;
  storeMintmodel(emu, asset, renderMintmodel(emu, asset), change.id, isoFromMs(t));
}

/** The properties versions a run uses: the current version of each node's properties, project first. */
function propertiesVersionIds(emu: Emulator, node: NodeRow): string[] {
  const ids: string[] = [];
  let current: NodeRow | undefined = node;
  while (current) {
    const row = emu
      .sql(
        `SELECT v.id FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
          WHERE d.id = ?`,
      )
      .get(current.properties_id) as { id: string } | undefined;
    if (row) ids.unshift(row.id);
    current = current.parent_id ? findNodeById(emu, current.parent_id) : undefined;
  }
  return ids;
}

function finishChange(emu: Emulator, change: ChangeRow, status: 'success' | 'error', t: number): void {
  setChange(emu, change.id, t, {
    status_code: status,
    finished_at: isoFromMs(t),
    holds_lock: 0,
    next_at: null,
  });
  const finished = mustChange(emu, change.id);
  const root = finished.root_step_id ? getStep(emu, finished.root_step_id) : undefined;
  if (root) {
    engineLine(
      emu,
      finished,
      root,
      t,
      status === 'success' ? 'info' : 'error',
      `Change ${finished.id} finished: ${status === 'success' ? `${GREEN}success${RESET}` : `${RED}error${RESET}`}`,
    );
  }
  changeEvent(emu, finished, status);
  promotePending(emu, finished.node_id, t);
}

/** Timer of a change: `initializing` → resolved, `queued` → running. */
export function advanceChange(emu: Emulator, change: ChangeRow, t: number): void {
  if (change.status_code === 'initializing') resolveChange(emu, change, t);
  else if (change.status_code === 'queued') startChangeRun(emu, change, t);
}

// ---------------------------------------------------------------------------------------------------------
// Steps

function defOf(change: ChangeRow, step: StepRow): StepDef | undefined {
  const tree = catalogTree(change.action, parseObject(change.property_overrides));
  return tree ? defAt(tree, step.def_path) : undefined;
}

/** The step's own action starts (after its queue delay, or right away for a root step or an approved step). */
function beginOwnAction(emu: Emulator, step: StepRow, t: number): void {
  setStep(emu, step.id, t, {
    status_code: 'running',
    phase: 'own',
    started_at: step.started_at ?? isoFromMs(t),
    own_started_ms: t,
    progress: 0,
    next_at: null,
  });
  const running = mustStep(emu, step.id);
  stepEvent(emu, running, 'start', null);
  const change = mustChange(emu, step.change_id);
  if (step.parent_id === null) {
    const node = nodeOf(emu, change);
    const lines = preamble().flatMap((entry) =>
      entry
        .lines(scriptContext(change, node, running, t))
        .map((message) => ({ stepId: step.id, atMs: t, message })),
    );
    for (const message of echoLines(parseObject(change.property_overrides)))
      lines.push({ stepId: step.id, atMs: t, message });
    appendLog(emu, change.id, lines);
  }
  runOwnAction(emu, running, t);
}

/** Writes the script lines due by `t`, then schedules the next line or the end of the own action. */
function runOwnAction(emu: Emulator, step: StepRow, t: number): void {
  const change = mustChange(emu, step.change_id);
  const def = defOf(change, step);
  const start = step.own_started_ms ?? t;
  if (!def) {
    completeOwnAction(emu, step, t);
    return;
  }
  if (def.noisy) {
    runNoisy(emu, change, step, start, t);
    return;
  }
  const node = nodeOf(emu, change);
  const lines: LogEntry[] = [];
  let progress = step.progress;
  for (let entry = def.script[progress]; entry !== undefined; entry = def.script[progress]) {
    const atMs = later(emu, start, entry.atMs);
    if (atMs > t) break;
    const ctx = scriptContext(change, node, step, atMs);
    for (const message of entry.lines(ctx)) lines.push({ stepId: step.id, atMs, message });
    progress++;
  }
  appendLog(emu, change.id, lines);
  const next = def.script[progress];
  const nextAt = next === undefined ? undefined : later(emu, start, next.atMs);
  const end = later(emu, start, def.durationMs);
  // Script lines are never later than the end of the action (catalog-trees.test.ts checks it).
  if (nextAt !== undefined && nextAt <= end) setStep(emu, step.id, t, { progress, next_at: nextAt });
  else if (end > t) setStep(emu, step.id, t, { progress, next_at: end });
  else {
    setStep(emu, step.id, t, { progress });
    completeOwnAction(emu, mustStep(emu, step.id), t);
  }
}

/**
 * `noisy`: one line per simulated millisecond (or `property_overrides.lines_per_second`), written in chunks of
 * TIMINGS.noisyChunk lines per event.
 */
function runNoisy(emu: Emulator, change: ChangeRow, step: StepRow, start: number, t: number): void {
  const overrides = parseObject(change.property_overrides);
  const total = noisyLineCount(overrides);
  const perLine = noisyMsPerLine(overrides) / emu.speed;
  const due = Math.min(total, Math.floor((t - start) / perLine + 1e-9) + 1);
  // A timer fires only when its chunk is due, so write at least that chunk: at high EMULATOR_SPEED a line
  // lasts less than the resolution of an epoch-ms double, and time alone would not move the step forward.
  const upTo = Math.min(
    total,
    Math.max(due, step.progress + TIMINGS.noisyChunk),
    step.progress + NOISY_MAX_BATCH,
  );
  const node = nodeOf(emu, change);
  const lines: LogEntry[] = [];
  for (let i = step.progress; i < upTo; i++) {
    const atMs = start + i * perLine;
    lines.push({
      stepId: step.id,
      atMs,
      message: noisyLine(scriptContext(change, node, step, atMs), i, total),
    });
  }
  appendLog(emu, change.id, lines);
  const progress = Math.max(step.progress, upTo);
  if (progress < total) {
    const nextAt =
      progress < due
        ? t
        : Math.max(t, start + Math.min(progress + TIMINGS.noisyChunk - 1, total - 1) * perLine);
    setStep(emu, step.id, t, { progress, next_at: nextAt });
    return;
  }
  const end = start + total * perLine;
  if (end > t) {
    setStep(emu, step.id, t, { progress, next_at: end });
    return;
  }
  setStep(emu, step.id, t, { progress });
  completeOwnAction(emu, mustStep(emu, step.id), t);
}

/** The step's name, then its parent's, … up to the root's. */
function namePath(emu: Emulator, step: StepRow): string[] {
  const names = [step.name ?? step.action];
  for (let parent = step.parent_id ? getStep(emu, step.parent_id) : undefined; parent;) {
    names.push(parent.name ?? parent.action);
    parent = parent.parent_id ? getStep(emu, parent.parent_id) : undefined;
  }
  return names;
}

/** The own action ended: it failed, or its children appear and start, or the step is done. */
function completeOwnAction(emu: Emulator, step: StepRow, t: number): void {
  const change = mustChange(emu, step.change_id);
  const def = defOf(change, step);
  const injected = failureRequested(parseObject(change.property_overrides), namePath(emu, step));
  if (def?.fails || injected) {
    if (injected && !def?.fails) {
      const ctx = scriptContext(change, nodeOf(emu, change), step, t);
      appendLog(
        emu,
        change.id,
        injectedFailureLines(ctx).map((message) => ({ stepId: step.id, atMs: t, message })),
      );
    }
    failStep(emu, step, t);
  } else if (def && def.children.length > 0 && change.failed === 0) {
    setStep(emu, step.id, t, { phase: 'children', next_at: null });
    createChildren(emu, change, step, def, t);
    const children = emu
      .sql('SELECT * FROM steps WHERE parent_id = ? ORDER BY position')
      .all(step.id) as StepRow[];
    const toStart = def.strategy === 'parallel' ? children : children.slice(0, 1);
    for (const child of toStart) startStep(emu, change, child, t);
  } else {
    // After another step failed, a running step finishes its own action but starts no children (§7.4).
    finishStep(emu, step, 'success', t);
  }
  settle(emu, change.id, t);
}

function createChildren(emu: Emulator, change: ChangeRow, parent: StepRow, def: StepDef, t: number): void {
  const now = isoFromMs(t);
  const insert = emu.sql(
    `INSERT INTO steps (id, change_id, parent_id, position, sort_key, def_path, kind, action, name,
       child_execution_strategy, requires_approval_from, status_code, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  def.children.forEach((child, i) => {
    insert.run(
      emu.newId(),
      change.id,
      parent.id,
      i,
      `${parent.sort_key}.${String(i).padStart(4, '0')}`,
      parent.def_path === '' ? String(i) : `${parent.def_path}.${String(i)}`,
      child.kind,
      child.kind === 'wait' ? WAIT_ACTION : child.action,
      child.name,
      child.strategy,
      child.requiresApprovalFrom ?? null,
      now,
      now,
    );
  });
}

/** A child step's turn has come. */
function startStep(emu: Emulator, change: ChangeRow, step: StepRow, t: number): void {
  if (change.failed === 1) {
    setStep(emu, step.id, t, { status_code: 'aborted', phase: 'done', next_at: null });
    stepEvent(emu, step, 'abort', null);
    return;
  }
  if (step.kind === 'wait') {
    setStep(emu, step.id, t, { status_code: 'waiting', started_at: isoFromMs(t) });
    engineLine(
      emu,
      change,
      step,
      t,
      'info',
      `Waiting for someone to continue this step (POST /api/steps/${step.id}/continue)`,
    );
  } else if (step.kind === 'approval') {
    setStep(emu, step.id, t, { status_code: 'waiting_for_approval', started_at: isoFromMs(t) });
    engineLine(
      emu,
      change,
      step,
      t,
      'info',
      `Waiting for approval from: ${step.requires_approval_from ?? ''}`,
    );
  } else {
    setStep(emu, step.id, t, { status_code: 'queued', next_at: later(emu, t, TIMINGS.stepQueueMs) });
  }
}

function finishStep(emu: Emulator, step: StepRow, status: 'success' | 'error', t: number): void {
  setStep(emu, step.id, t, { status_code: status, phase: 'done', finished_at: isoFromMs(t), next_at: null });
  stepEvent(emu, step, status, null);
}

/** A step errored: the change is marked failed and its steps that never ran are aborted (§7.4). */
export function failStep(emu: Emulator, step: StepRow, t: number): void {
  finishStep(emu, step, 'error', t);
  const change = mustChange(emu, step.change_id);
  setChange(emu, change.id, t, { failed: 1 });
  const waiting = emu
    .sql(
      `SELECT * FROM steps WHERE change_id = ?
         AND status_code IN ('initializing', 'pending', 'queued', 'waiting', 'waiting_for_approval') ORDER BY sort_key`,
    )
    .all(change.id) as StepRow[];
  for (const s of waiting) {
    setStep(emu, s.id, t, { status_code: 'aborted', phase: 'done', next_at: null });
    stepEvent(emu, s, 'abort', null);
  }
}

/** Timer of a step: `queued` → running, or the next script line / chunk / end of a running own action. */
export function advanceStep(emu: Emulator, step: StepRow, t: number): void {
  if (step.status_code === 'queued') beginOwnAction(emu, step, t);
  else if (step.status_code === 'running' && step.phase === 'own') runOwnAction(emu, step, t);
}

// ---------------------------------------------------------------------------------------------------------
// Settling: containers whose children are done, the next sequential child, the change's own status

/**
 * Brings a change's tree up to date after a step finished: parents whose children are all finished finish
 * (success only if every child succeeded), a sequential parent starts its next child, and when the root step
 * is finished so is the change. While running, the change shows `waiting_for_approval` or `waiting` when
 * nothing runs and a step waits for a person.
 */
export function settle(emu: Emulator, changeId: string, t: number): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const change = mustChange(emu, changeId);
    if (isTerminal(change.status_code)) return;
    if (!settleOnce(emu, change, t)) {
      updateRunningStatus(emu, change, t);
      return;
    }
  }
  throw new Error(`change ${changeId} does not settle`);
}

// Settling runs after every step event, so it reads only what can move: the unfinished parents whose children
// run, and their children (not every step of the change: with big_tree's 2,000 steps that made a run quadratic).
const OPEN_PARENTS_SQL = `SELECT * FROM steps WHERE change_id = ? AND phase = 'children'
  AND status_code NOT IN (${[...TERMINAL].map((s) => `'${s}'`).join(', ')}) ORDER BY sort_key DESC`;

function settleOnce(emu: Emulator, change: ChangeRow, t: number): boolean {
  // Deepest and last first, so a finished child is settled before its parent looks at it.
  for (const s of emu.sql(OPEN_PARENTS_SQL).all(change.id) as StepRow[]) {
    const kids = emu.sql('SELECT * FROM steps WHERE parent_id = ? ORDER BY position').all(s.id) as StepRow[];
    if (kids.every((k) => isTerminal(k.status_code))) {
      finishStep(emu, s, kids.every((k) => k.status_code === 'success') ? 'success' : 'error', t);
      return true;
    }
    if (
      s.child_execution_strategy === 'sequential' &&
      !kids.some((k) => !isTerminal(k.status_code) && k.status_code !== 'pending')
    ) {
      const next = kids.find((k) => k.status_code === 'pending');
      if (next) {
        startStep(emu, change, next, t);
        return true;
      }
    }
  }
  const root = change.root_step_id ? getStep(emu, change.root_step_id) : undefined;
  if (root && (root.status_code === 'success' || root.status_code === 'error')) {
    finishChange(emu, change, root.status_code, t);
    return true;
  }
  return false;
}

function updateRunningStatus(emu: Emulator, change: ChangeRow, t: number): void {
  if (
    !['running', 'waiting', 'waiting_for_approval'].includes(change.status_code) ||
    change.started_at === null
  )
    return;
  const steps = emu
    .sql(
      `SELECT status_code, phase FROM steps WHERE change_id = ?
         AND status_code IN ('queued', 'running', 'waiting', 'waiting_for_approval')`,
    )
    .all(change.id) as Pick<StepRow, 'status_code' | 'phase'>[];
  const active = steps.some(
    (s) => s.status_code === 'queued' || (s.status_code === 'running' && s.phase === 'own'),
  );
  const status = active
    ? 'running'
    : steps.some((s) => s.status_code === 'waiting_for_approval')
      ? 'waiting_for_approval'
      : steps.some((s) => s.status_code === 'waiting')
        ? 'waiting'
        : 'running';
  if (status !== change.status_code) setChange(emu, change.id, t, { status_code: status });
}

// ---------------------------------------------------------------------------------------------------------
// People: approve, reject, continue, cancel

function appendRecord(text: string, username: string, message: string | null): string {
  const records = JSON.parse(text) as unknown[];
  return JSON.stringify([...records, { username, message }]);
}

/**
 * The person's message, when they gave one. An event's extra attributes may not be null in the vendor's schema
 * (`additionalProperties` allows booleans, numbers, objects and strings), so a missing message is left out.
 */
function messagePayload(message: string | null): Record<string, unknown> {
  return message === null ? {} : { message };
}

/** An approved step: the root step of a change awaiting approval lets the change queue; another step runs. */
export function approve(
  emu: Emulator,
  step: StepRow,
  username: string,
  message: string | null,
  t: number,
): void {
  const change = mustChange(emu, step.change_id);
  setStep(emu, step.id, t, {
    status_code: 'queued',
    approved_by: appendRecord(step.approved_by, username, message),
    next_at: step.parent_id === null ? null : later(emu, t, TIMINGS.stepQueueMs),
  });
  engineLine(
    emu,
    change,
    step,
    t,
    'info',
    `${GREEN}Approved${RESET} by ${username}${message ? `: ${message}` : ''}`,
  );
  stepEvent(emu, step, 'approve', username, messagePayload(message));
  if (step.parent_id === null) {
    setChange(emu, change.id, t, { status_code: 'pending' });
    promotePending(emu, change.node_id, t);
  } else {
    settle(emu, change.id, t);
  }
}

export function continueWait(
  emu: Emulator,
  step: StepRow,
  username: string,
  message: string | null,
  t: number,
): void {
  const change = mustChange(emu, step.change_id);
  setStep(emu, step.id, t, {
    status_code: 'success',
    phase: 'done',
    finished_at: isoFromMs(t),
    continued_by: appendRecord(step.continued_by, username, message),
    next_at: null,
  });
  engineLine(emu, change, step, t, 'info', `Continued by ${username}${message ? `: ${message}` : ''}`);
  stepEvent(emu, step, 'continue', username, messagePayload(message));
  stepEvent(emu, step, 'success', null);
  settle(emu, change.id, t);
}

/** A rejected approval: the step ends `rejected` and its change is cancelled (inferred, like workflow runs). */
export function reject(
  emu: Emulator,
  step: StepRow,
  username: string,
  message: string | null,
  t: number,
): void {
  const change = mustChange(emu, step.change_id);
  setStep(emu, step.id, t, {
    status_code: 'rejected',
    phase: 'done',
    finished_at: isoFromMs(t),
    rejected_by: appendRecord(step.rejected_by, username, message),
    next_at: null,
  });
  engineLine(emu, change, step, t, 'warn', `Rejected by ${username}${message ? `: ${message}` : ''}`);
  stepEvent(emu, step, 'reject', username, messagePayload(message));
  cancelRun(emu, change, username, t, 'the approval was rejected');
}

/** Cancels an unfinished change: its unfinished steps become `cancelled`, nothing is rolled back (§7.6). */
export function cancelRun(
  emu: Emulator,
  change: ChangeRow,
  username: string,
  t: number,
  reason?: string,
): void {
  const open = stepsOf(emu, change.id).filter((s) => !isTerminal(s.status_code));
  for (const s of open) {
    setStep(emu, s.id, t, {
      status_code: 'cancelled',
      phase: 'done',
      finished_at: isoFromMs(t),
      next_at: null,
    });
    stepEvent(emu, s, 'cancel', username);
  }
  setChange(emu, change.id, t, {
    status_code: 'cancelled',
    finished_at: isoFromMs(t),
    holds_lock: 0,
    next_at: null,
  });
  const cancelled = mustChange(emu, change.id);
  const root = cancelled.root_step_id ? getStep(emu, cancelled.root_step_id) : undefined;
  if (root) {
    engineLine(
      emu,
      cancelled,
      root,
      t,
      'warn',
      `Change cancelled by ${username}${reason ? ` (${reason})` : ''}`,
    );
  }
  changeEvent(emu, cancelled, 'cancel', username);
  promotePending(emu, cancelled.node_id, t);
}

/** After a restart, a step whose own action was running has lost its runner: it fails with a log line. */
export function failInterruptedStep(emu: Emulator, step: StepRow, t: number): void {
  const change = mustChange(emu, step.change_id);
  engineLine(
    emu,
    change,
    step,
    t,
    'error',
    `${YELLOW}The emulator restarted while this step was running${RESET}`,
  );
  failStep(emu, step, t);
  settle(emu, change.id, t);
}
