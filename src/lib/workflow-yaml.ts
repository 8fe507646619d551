import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { StepTreeKind, StepTreeNode } from './step-tree';

// A workflow's YAML (a list of steps, or `name`, `description` and `steps`; domain §9.2) read into the step
// graph's tree for the editor's preview, with the YAML line each step starts on. Pure: no React, no Monaco.
// Each node's id is its pointer below the version's attributes (`steps/0/children/1`), the same pointer a
// 422 from `meta.validate` names (`/data/attributes/steps/0/children/1/target`), so an error finds its line.

export interface WorkflowYamlProblem {
  /** 1-based line. */
  line: number;
  message: string;
}

export interface WorkflowYamlPreview {
  /** Null when the text cannot be read as YAML, or holds no list of steps. */
  tree: StepTreeNode | null;
  /** Node id (pointer) → the 1-based line its step starts on. */
  lines: ReadonlyMap<string, number>;
  /** Node id (pointer) → the 1-based lines its step spans (first and last). */
  spans: ReadonlyMap<string, { first: number; last: number }>;
  /** What keeps the text from being a workflow, each on its line. */
  problems: readonly WorkflowYamlProblem[];
  /** `target`s of `type: workflow` steps with the line of each (for the self-call lint). */
  workflowTargets: readonly { target: string; line: number }[];
}

const ROOT_ID = 'steps';

function lineOf(node: YamlNode | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

function lastLineOf(node: YamlNode | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[1];
  // The value's end is the offset after its last character: that character's line.
  return offset === undefined ? 1 : counter.linePos(Math.max(offset - 1, 0)).line;
}

function text(map: YamlNode, key: string): string | undefined {
  if (!isMap(map)) return undefined;
  const value = map.get(key, true);
  if (!isScalar(value)) return undefined;
  const raw = value.value;
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
    ? String(raw)
    : undefined;
}

const KINDS: Record<string, StepTreeKind> = { change: 'change', wait: 'wait', workflow: 'workflow' };

/** Reads the workflow's YAML; never throws. */
export function previewWorkflowYaml(source: string, workflowName = 'Workflow'): WorkflowYamlPreview {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: false });
  const lines = new Map<string, number>();
  const spans = new Map<string, { first: number; last: number }>();
  const problems: WorkflowYamlProblem[] = doc.errors.map((error) => ({
    line: error.linePos?.[0].line ?? 1,
    message: error.message.split('\n')[0] ?? error.message,
  }));
  const workflowTargets: { target: string; line: number }[] = [];
  if (problems.length > 0) return { tree: null, lines, spans, problems, workflowTargets };

  const contents = doc.contents;
  const stepsNode = isMap(contents) ? contents.get('steps', true) : contents;
  const ownName = contents === null ? undefined : text(contents, 'name');
  const name = ownName === undefined || ownName === '' ? workflowName : ownName;
  if (!isSeq(stepsNode)) {
    problems.push({ line: lineOf(contents, counter), message: 'The workflow needs a list of steps' });
    return { tree: null, lines, spans, problems, workflowTargets };
  }

  const build = (item: unknown, pointer: string): StepTreeNode => {
    const node = isNode(item) ? item : null;
    const line = lineOf(node, counter);
    lines.set(pointer, line);
    spans.set(pointer, { first: line, last: Math.max(line, lastLineOf(node, counter)) });
    if (node === null || !isMap(node)) {
      problems.push({ line, message: 'A step is a mapping: type, name, …' });
      return leaf(pointer, 'Unreadable step', undefined, undefined);
    }
    const type = text(node, 'type');
    const children = node.get('children', true);
    if (type === undefined && isSeq(children)) {
      const runAs = text(node, 'run_as');
      return {
        ...leaf(pointer, text(node, 'name') ?? 'Stage', undefined, undefined),
        childExecution: runAs === 'parallel' ? 'parallel' : 'sequential',
        children: children.items.map((child, index) => build(child, `${pointer}/children/${String(index)}`)),
      };
    }
    const kind = type === undefined ? undefined : KINDS[type];
    if (kind === undefined)
      problems.push({ line, message: `Unknown step type "${type ?? ''}": change, wait or workflow` });
    const target = text(node, 'target');
    if (type === 'workflow' && target !== undefined) workflowTargets.push({ target, line });
    const action = text(node, 'action');
    const detail =
      type === 'change' ? `${action ?? '?'} on ${target ?? '?'}` : type === 'workflow' ? target : undefined;
    return leaf(pointer, text(node, 'name') ?? `${type ?? 'unknown'} step`, kind, detail);
  };

  const steps = stepsNode.items.map((item, index) => build(item, `${ROOT_ID}/${String(index)}`));
  lines.set(ROOT_ID, lineOf(stepsNode, counter));
  const tree: StepTreeNode = { ...leaf(ROOT_ID, name, undefined, undefined), children: steps };
  return { tree, lines, spans, problems, workflowTargets };
}

/** The innermost step whose YAML spans `line` (its node id), or undefined between and outside steps. */
export function stepAtLine(preview: Pick<WorkflowYamlPreview, 'spans'>, line: number): string | undefined {
  let found: string | undefined;
  let foundSize = Infinity;
  for (const [id, span] of preview.spans) {
    const size = span.last - span.first;
    if (span.first <= line && line <= span.last && size <= foundSize) {
      found = id;
      foundSize = size;
    }
  }
  return found;
}

function leaf(
  id: string,
  name: string,
  kind: StepTreeKind | undefined,
  detail: string | undefined,
): StepTreeNode {
  return {
    id,
    name,
    status: 'pending',
    started_at: null,
    finished_at: null,
    childExecution: 'sequential',
    children: [],
    kind,
    detail,
  };
}

/**
 * The line a 422 pointer (`/data/attributes/steps/1/target`) names: that of the deepest step it is under,
 * else null (a pointer to `name`, `base`, …).
 */
export function lineOfPointer(preview: Pick<WorkflowYamlPreview, 'lines'>, pointer: string): number | null {
  const parts = pointer.replace(/^\/data\/attributes\//, '').split('/');
  for (let length = parts.length; length > 0; length -= 1) {
    const line = preview.lines.get(parts.slice(0, length).join('/'));
    if (line !== undefined) return line;
  }
  return null;
}

/**
 * A workflow that runs itself never ends: each `type: workflow` step whose target names this workflow
 * (`code`, or `<project>/<code>` with this project) is reported on its line.
 */
export function selfCallProblems(
  preview: Pick<WorkflowYamlPreview, 'workflowTargets'>,
  self: { projectCode: string; workflowCode: string },
): WorkflowYamlProblem[] {
  const names = new Set([
    self.workflowCode,
    `${self.projectCode}/${self.workflowCode}`,
    `/projects/${self.projectCode}/workflows/${self.workflowCode}`,
  ]);
  return preview.workflowTargets
    .filter(({ target }) => names.has(target.trim()))
    .map(({ line }) => ({ line, message: 'The workflow runs itself: it would never finish' }));
}
