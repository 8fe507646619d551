import type { Emulator } from '../context.ts';
import { currentData } from '../documents.ts';
import type { NodeRow } from '../nodes.ts';
import { findNodeById } from '../nodes.ts';
import type { ExecutionStrategy, StepKind } from './catalog-trees.ts';

export interface ChangeRow {
  id: string;
  seq: number;
  node_id: string;
  project_id: string;
  environment_id: string | null;
  asset_id: string | null;
  action: string;
  name: string | null;
  created_by: string;
  metadata: string;
  property_overrides: string;
  scheduled: number;
  git_remote_id: string | null;
  git_remote_name: string | null;
  git_rev: string | null;
  commit_sha: string | null;
  template_version_id: string | null;
  requires_approval_from: string | null;
  status_code: string;
  holds_lock: number;
  failed: number;
  next_at: number | null;
  properties_versions: string;
  root_step_id: string | null;
  workflow_run_id: string | null;
  workflow_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

/** A change with what its representation needs from its target node and that node's ancestors. */
export interface ChangeView extends ChangeRow {
  node_path: string;
  node_kind: string;
  project_code: string;
  project_name: string;
  environment_code: string | null;
  environment_name: string | null;
  asset_code: string | null;
  asset_name: string | null;
}

export interface StepRow {
  id: string;
  change_id: string;
  parent_id: string | null;
  position: number;
  sort_key: string;
  def_path: string;
  kind: StepKind;
  action: string;
  name: string | null;
  step_type: string;
  child_execution_strategy: ExecutionStrategy;
  requires_approval_from: string | null;
  approved_by: string;
  rejected_by: string;
  continued_by: string;
  skip_on_retry: number;
  status_code: string;
  /** idle (not started) | own (its own action runs) | children (waiting for its children) | done */
  phase: 'idle' | 'own' | 'children' | 'done';
  progress: number;
  own_started_ms: number | null;
  next_at: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

/** A step with its change's target path and action (for links and permission checks). */
export interface StepView extends StepRow {
  node_path: string;
  change_action: string;
  change_properties_versions: string;
}

export const TERMINAL: ReadonlySet<string> = new Set([
  'success',
  'error',
  'cancelled',
  'aborted',
  'rejected',
  'approved',
  'continued',
]);

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

/** FROM clause (alias `c`, joined nodes `n`, `p`, `e`, `a`) and the columns of a ChangeView. */
export const CHANGE_VIEW_FROM = `changes c
  JOIN nodes n ON n.id = c.node_id
  JOIN nodes p ON p.id = c.project_id
  LEFT JOIN nodes e ON e.id = c.environment_id
  LEFT JOIN nodes a ON a.id = c.asset_id`;

export const CHANGE_VIEW_COLUMNS = `c.*, n.path AS node_path, n.kind AS node_kind, p.code AS project_code,
  p.name AS project_name, e.code AS environment_code, e.name AS environment_name, a.code AS asset_code,
  a.name AS asset_name`;

export const STEP_VIEW_FROM = `steps s JOIN changes c ON c.id = s.change_id JOIN nodes n ON n.id = c.node_id`;
export const STEP_VIEW_COLUMNS = `s.*, n.path AS node_path, c.action AS change_action,
  c.properties_versions AS change_properties_versions`;

export function getChange(emu: Emulator, id: string): ChangeRow | undefined {
  return emu.sql('SELECT * FROM changes WHERE id = ?').get(id) as ChangeRow | undefined;
}

export function getChangeView(emu: Emulator, id: string): ChangeView | undefined {
  return emu.sql(`SELECT ${CHANGE_VIEW_COLUMNS} FROM ${CHANGE_VIEW_FROM} WHERE c.id = ?`).get(id) as
    ChangeView | undefined;
}

export function getStep(emu: Emulator, id: string): StepRow | undefined {
  return emu.sql('SELECT * FROM steps WHERE id = ?').get(id) as StepRow | undefined;
}

export function getStepView(emu: Emulator, id: string): StepView | undefined {
  return emu.sql(`SELECT ${STEP_VIEW_COLUMNS} FROM ${STEP_VIEW_FROM} WHERE s.id = ?`).get(id) as
    StepView | undefined;
}

/** Steps of a change, depth first (parents before children, siblings in order). */
export function stepsOf(emu: Emulator, changeId: string): StepRow[] {
  return emu.sql('SELECT * FROM steps WHERE change_id = ? ORDER BY sort_key').all(changeId) as StepRow[];
}

export function childIds(emu: Emulator, stepId: string): string[] {
  return (
    emu.sql('SELECT id FROM steps WHERE parent_id = ? ORDER BY position').all(stepId) as { id: string }[]
  ).map((r) => r.id);
}

/** The target and its ancestors, project first. */
export function nodeChain(emu: Emulator, node: NodeRow): NodeRow[] {
  const chain: NodeRow[] = [node];
  let current = node;
  while (current.parent_id) {
    const parent = findNodeById(emu, current.parent_id);
    if (!parent) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/**
 * A settings key as it applies to a node: the nearest node (the node itself, then its environment, then its
 * project) whose settings define the key decides — so an environment's value overrides its project's.
 */
export function effectiveSetting(emu: Emulator, node: NodeRow, key: string): unknown {
  const chain = nodeChain(emu, node).reverse();
  for (const n of chain) {
    const data = currentData(emu, n.settings_id);
    if (Object.prototype.hasOwnProperty.call(data, key)) return data[key];
  }
  return undefined;
}

export function parallelChangesAllowed(emu: Emulator, node: NodeRow): boolean {
  return effectiveSetting(emu, node, 'allow_parallel_changes') === true;
}

/** `requires_approval_from` as it applies to changes on the node, or null when none is required. */
export function approvalRequirement(emu: Emulator, node: NodeRow): string | null {
  const value = effectiveSetting(emu, node, 'requires_approval_from');
  if (typeof value !== 'string') return null;
  return value.trim() === '' ? null : value.trim();
}

export interface ApprovalRecord {
  username: string;
  message: string | null;
}

export function parseRecords(text: string): ApprovalRecord[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as ApprovalRecord[]) : [];
  } catch {
    return [];
  }
}

export function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function parseStringArray(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
