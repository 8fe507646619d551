import { isMap, isScalar, LineCounter, parseDocument, visit, type YAMLMap } from 'yaml';

// What the workflow editor offers on completion: a snippet per kind of step, and which value is being typed
// where the cursor is (a step's target or action) with what the step around it says. Pure: no Monaco.

export interface WorkflowSnippet {
  label: string;
  description: string;
  /** Monaco snippet syntax; lines after the first are indented like the line the snippet starts on. */
  body: string;
}

export const WORKFLOW_SNIPPETS: readonly WorkflowSnippet[] = [
  {
    label: 'change step',
    description: 'Runs an action on an asset',
    body: '- type: change\n  name: ${1:Deploy}\n  target: ${2:/projects/}\n  action: ${3:deploy}',
  },
  {
    label: 'wait step needing approvers',
    description: 'Waits until a member of a group approves',
    body: '- type: wait\n  name: ${1:Sign-off}\n  requires_approval_from: ${2:approvers}',
  },
  {
    label: 'nested workflow step',
    description: 'Runs another workflow and waits for it',
    body: '- type: workflow\n  name: ${1:Checks}\n  target: ${2:/projects/}\n  version: ${3:null}',
  },
  {
    label: 'parallel stage',
    description: 'Steps that run side by side',
    body: '- run_as: parallel\n  name: ${1:Side by side}\n  children:\n    - type: wait\n      name: ${2:Hold}',
  },
];

export interface WorkflowCompletionSlot {
  key: 'target' | 'action';
  /** The `type` of the step the cursor is in (undefined: not written yet). */
  stepType: string | undefined;
  /** The step's `target`, for the actions of that asset. */
  target: string | undefined;
  /** 1-based column the value starts at: what a chosen value replaces runs from here to the line's end. */
  startColumn: number;
}

const VALUE_KEY = /^(\s*(?:-\s+)?)(target|action)(\s*:\s*)/;

function scalarText(map: YAMLMap, key: string): string | undefined {
  const value = map.get(key, true);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/**
 * The value being typed at 1-based `line` and `column` when it is a step's `target` or `action`, else null.
 * Never throws: half-typed YAML is the normal case here.
 */
export function completionSlot(text: string, line: number, column: number): WorkflowCompletionSlot | null {
  const lines = text.split('\n');
  const current = lines[line - 1];
  if (current === undefined) return null;
  const match = VALUE_KEY.exec(current);
  if (match === null) return null;
  const [whole, , key] = match;
  if (column <= whole.length || (key !== 'target' && key !== 'action')) return null;

  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const offset = lines.slice(0, line - 1).reduce((sum, each) => sum + each.length + 1, 0) + whole.length;
  // The innermost mapping around the cursor is the step it belongs to.
  let step: YAMLMap | undefined;
  visit(doc, {
    Map(_key, node) {
      const range = node.range;
      if (range !== null && range !== undefined && range[0] <= offset && offset <= range[2]) step = node;
    },
  });
  return {
    key,
    stepType: step !== undefined && isMap(step) ? scalarText(step, 'type') : undefined,
    target: step === undefined ? undefined : scalarText(step, 'target'),
    startColumn: whole.length + 1,
  };
}

export interface WorkflowCompletionData {
  /** Assets a change step may target, with the actions of their template version. */
  assets: readonly {
    path: string;
    name: string;
    actions: readonly { name: string; description?: string }[];
  }[];
  /** Workflows a workflow step may run. */
  workflows: readonly { path: string; name: string }[];
}

export interface WorkflowCompletionValue {
  label: string;
  detail?: string | undefined;
}

/** The values to offer in `slot`: assets or workflows for a target, the target asset's actions for an action. */
export function completionValues(
  slot: WorkflowCompletionSlot,
  data: WorkflowCompletionData,
): WorkflowCompletionValue[] {
  if (slot.key === 'action') {
    const asset = data.assets.find((each) => each.path === slot.target?.trim());
    return (asset?.actions ?? []).map((action) => ({ label: action.name, detail: action.description }));
  }
  const assets = data.assets.map((asset) => ({ label: asset.path, detail: `Asset ${asset.name}` }));
  const workflows = data.workflows.map((workflow) => ({
    label: workflow.path,
    detail: `Workflow ${workflow.name}`,
  }));
  if (slot.stepType === 'change') return assets;
  if (slot.stepType === 'workflow') return workflows;
  return [...assets, ...workflows];
}
