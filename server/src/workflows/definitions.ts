/**
 * Workflow step definitions (domain §9.2): reading them from a request (`steps` or `source_yaml`), checking
 * their shape and what they refer to, and writing them back as YAML.
 *
 * Every problem is reported against the step it is about, as a field below `steps` — `steps/1/target`
 * becomes the pointer `/data/attributes/steps/1/target` — also when the steps came from `source_yaml`, so a
 * form or a YAML editor can mark the offending step (the yaml package maps such a path to a range).
 */
import { parseDocument, stringify } from 'yaml';
import { isPlainObject } from '../jsonapi.ts';

export type ExecutionStrategy = 'sequential' | 'parallel';

export interface ChangeStepDef {
  type: 'change';
  name?: string;
  target: string;
  action: string;
  template_version?: string | null;
  start_time?: string | null;
  property_overrides?: Record<string, unknown> | null;
}

export interface WaitStepDef {
  type: 'wait';
  name?: string;
  requires_approval_from?: string | null;
}

export interface WorkflowStepDef {
  type: 'workflow';
  name?: string;
  target: string;
  version?: number | null;
  start_time?: string | null;
}

export interface StageDef {
  run_as: ExecutionStrategy;
  name: string;
  children: StepDef[];
}

export type StepDef = ChangeStepDef | WaitStepDef | WorkflowStepDef | StageDef;

export interface Problem {
  field: string;
  title: string;
}

export function isStage(step: StepDef): step is StageDef {
  return !('type' in step);
}

/** Keys each kind of step accepts. Keys the spec only ever sends back (`validation_error`, …) are dropped. */
const ACCEPTED: Record<'change' | 'wait' | 'workflow' | 'stage', readonly string[]> = {
  change: [
    'type',
    'name',
    'target',
    'action',
    'template_version',
    'start_time',
    'property_overrides',
    'change_parent',
  ],
  wait: ['type', 'name', 'requires_approval_from', 'validation_error'],
  workflow: ['type', 'name', 'target', 'version', 'start_time', 'validation_error', 'child_workflow_version'],
  stage: ['run_as', 'name', 'children'],
};

const STEP_TYPES = ['change', 'wait', 'workflow'] as const;
// OpsChain documents no limit; the emulator keeps one to bound the work of a save. Workflows of thousands of
// steps are real (issue 15 benchmarks a run of 2,000).
const MAX_STEPS = 5_000;
const MAX_NESTING = 10;
const MAX_NAME = 200;

/** `/projects/<p>/workflows/<w>`, the target of a `type: workflow` step. */
export const WORKFLOW_TARGET = /^\/projects\/([^/]+)\/workflows\/([^/]+)$/;

class StepReader {
  readonly problems: Problem[] = [];
  private count = 0;

  list(raw: unknown, field: string, depth: number): StepDef[] {
    if (!Array.isArray(raw) || raw.length === 0) {
      this.problems.push({
        field,
        title: field === 'steps' ? "Steps can't be blank" : "Children can't be blank",
      });
      return [];
    }
    const out: StepDef[] = [];
    raw.forEach((item, index) => {
      const step = this.step(item, `${field}/${String(index)}`, depth);
      if (step) out.push(step);
    });
    return out;
  }

  private step(raw: unknown, field: string, depth: number): StepDef | undefined {
    this.count += 1;
    if (this.count === MAX_STEPS + 1) {
      this.problems.push({ field: 'steps', title: `A workflow has at most ${String(MAX_STEPS)} steps` });
    }
    if (!isPlainObject(raw)) {
      this.problems.push({ field, title: 'Step must be an object' });
      return undefined;
    }
    if (raw.type === undefined && raw.run_as !== undefined) return this.stage(raw, field, depth);
    if (raw.type === undefined || raw.type === null || raw.type === '') {
      this.problems.push({
        field: `${field}/type`,
        title: "Type can't be blank (change, wait or workflow; a stage has run_as)",
      });
      return undefined;
    }
    if (typeof raw.type !== 'string' || !(STEP_TYPES as readonly string[]).includes(raw.type)) {
      this.problems.push({ field: `${field}/type`, title: 'Type must be one of change, wait or workflow' });
      return undefined;
    }
    const type = raw.type as (typeof STEP_TYPES)[number];
    this.unknownKeys(raw, ACCEPTED[type], field, `a ${type} step`);
    const name = this.optionalName(raw, field);
    if (type === 'change') return this.change(raw, field, name);
    if (type === 'wait') return this.wait(raw, field, name);
    return this.workflow(raw, field, name);
  }

  private stage(raw: Record<string, unknown>, field: string, depth: number): StageDef | undefined {
    this.unknownKeys(raw, ACCEPTED.stage, field, 'a stage');
    const runAs = raw.run_as;
    if (runAs !== 'sequential' && runAs !== 'parallel') {
      this.problems.push({ field: `${field}/run_as`, title: 'Run as must be sequential or parallel' });
    }
    const name = this.optionalName(raw, field);
    if (name === undefined) this.problems.push({ field: `${field}/name`, title: "Name can't be blank" });
    if (depth >= MAX_NESTING) {
      this.problems.push({
        field: `${field}/children`,
        title: `Stages nest at most ${String(MAX_NESTING)} deep`,
      });
      return undefined;
    }
    const children = this.list(raw.children, `${field}/children`, depth + 1);
    if (runAs !== 'sequential' && runAs !== 'parallel') return undefined;
    return { run_as: runAs, name: name ?? '', children };
  }

  private change(raw: Record<string, unknown>, field: string, name: string | undefined): ChangeStepDef {
    const step: ChangeStepDef = {
      type: 'change',
      ...(name !== undefined ? { name } : {}),
      target: this.required(raw, 'target', field),
      action: this.required(raw, 'action', field),
    };
    const templateVersion = this.nullableString(raw, 'template_version', field);
    if (templateVersion !== undefined) step.template_version = templateVersion;
    const startTime = this.startTime(raw, field);
    if (startTime !== undefined) step.start_time = startTime;
    const overrides = raw.property_overrides;
    if (overrides !== undefined) {
      if (overrides === null || isPlainObject(overrides)) step.property_overrides = overrides;
      else
        this.problems.push({
          field: `${field}/property_overrides`,
          title: 'Property overrides must be an object',
        });
    }
    return step;
  }

  private wait(raw: Record<string, unknown>, field: string, name: string | undefined): WaitStepDef {
    const step: WaitStepDef = { type: 'wait', ...(name !== undefined ? { name } : {}) };
    const approvers = this.nullableString(raw, 'requires_approval_from', field);
    if (approvers !== undefined)
      step.requires_approval_from = approvers === null || approvers.trim() === '' ? null : approvers.trim();
    return step;
  }

  private workflow(raw: Record<string, unknown>, field: string, name: string | undefined): WorkflowStepDef {
    const step: WorkflowStepDef = {
      type: 'workflow',
      ...(name !== undefined ? { name } : {}),
      target: this.required(raw, 'target', field),
    };
    const version = raw.version;
    if (version !== undefined) {
      if (version === null || (typeof version === 'number' && Number.isInteger(version) && version >= 1))
        step.version = version;
      else
        this.problems.push({
          field: `${field}/version`,
          title: 'Version must be a whole number of at least 1, or null',
        });
    }
    const startTime = this.startTime(raw, field);
    if (startTime !== undefined) step.start_time = startTime;
    return step;
  }

  private unknownKeys(
    raw: Record<string, unknown>,
    accepted: readonly string[],
    field: string,
    what: string,
  ): void {
    for (const key of Object.keys(raw)) {
      if (!accepted.includes(key))
        this.problems.push({ field: `${field}/${key}`, title: `Unknown attribute "${key}" in ${what}` });
    }
  }

  private optionalName(raw: Record<string, unknown>, field: string): string | undefined {
    const name = raw.name;
    if (name === undefined || name === null) return undefined;
    if (typeof name !== 'string') {
      this.problems.push({ field: `${field}/name`, title: 'Name must be a string' });
      return undefined;
    }
    if (name.length > MAX_NAME) {
      this.problems.push({
        field: `${field}/name`,
        title: `Name is too long (maximum is ${String(MAX_NAME)} characters)`,
      });
    }
    return name.trim() === '' ? undefined : name.trim();
  }

  private required(raw: Record<string, unknown>, key: string, field: string): string {
    const value = raw[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.problems.push({ field: `${field}/${key}`, title: `${label(key)} can't be blank` });
      return '';
    }
    if (typeof value !== 'string') {
      this.problems.push({ field: `${field}/${key}`, title: `${label(key)} must be a string` });
      return '';
    }
    return value.trim();
  }

  private nullableString(
    raw: Record<string, unknown>,
    key: string,
    field: string,
  ): string | null | undefined {
    const value = raw[key];
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string') {
      this.problems.push({ field: `${field}/${key}`, title: `${label(key)} must be a string` });
      return undefined;
    }
    return value;
  }

  /** `start_time` (the earliest the step may start): an ISO-8601 time, or null. */
  private startTime(raw: Record<string, unknown>, field: string): string | null | undefined {
    const value = raw.start_time;
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      this.problems.push({
        field: `${field}/start_time`,
        title: 'Start time must be an ISO-8601 time or null',
      });
      return undefined;
    }
    return value;
  }
}

function label(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Checks the shape of `steps` and normalises it (trimmed strings, only the keys each kind of step has). */
export function readSteps(raw: unknown): { steps: StepDef[]; problems: Problem[] } {
  const reader = new StepReader();
  const steps = reader.list(raw, 'steps', 0);
  return { steps, problems: reader.problems };
}

/** Depth-first walk with each step's field path (`steps/3/children/0`). */
export function walkSteps(
  steps: readonly StepDef[],
  visit: (step: StepDef, field: string) => void,
  field = 'steps',
): void {
  steps.forEach((step, index) => {
    const path = `${field}/${String(index)}`;
    visit(step, path);
    if (isStage(step)) walkSteps(step.children, visit, `${path}/children`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// YAML

export interface YamlDefinition {
  steps?: unknown;
  name?: unknown;
  description?: unknown;
}

/**
 * Reads `source_yaml`: a workflow document (`code`, `name`, `description`, `created_by`, `steps`, as OpsChain
 * writes it) or just the list of steps. Returns a problem on `source_yaml` when it is not YAML of that shape.
 */
export function readYaml(text: string): { definition?: YamlDefinition; problem?: Problem } {
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error)
    return {
      problem: {
        field: 'source_yaml',
        title: `Source yaml is not valid YAML: ${error.message.split('\n')[0] ?? ''}`,
      },
    };
  let value: unknown;
  try {
    // Bounded alias expansion: a "billion laughs" document is refused rather than expanded.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return {
      problem: {
        field: 'source_yaml',
        title: `Source yaml cannot be read: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
  if (Array.isArray(value)) return { definition: { steps: value } };
  if (isPlainObject(value))
    return { definition: { steps: value.steps, name: value.name, description: value.description } };
  return {
    problem: {
      field: 'source_yaml',
      title: 'Source yaml must be a workflow (a mapping with steps) or a list of steps',
    },
  };
}

export interface YamlHeader {
  code: string;
  name: string;
  description: string | null;
  createdBy: string;
}

/** The workflow as OpsChain renders `source_yaml`: a `---` document with its code, name, description, author and steps. */
export function toYaml(header: YamlHeader, steps: readonly StepDef[]): string {
  return stringify(
    {
      code: header.code,
      name: header.name,
      description: header.description ?? '',
      created_by: header.createdBy,
      steps,
    },
    { directives: true, lineWidth: 0 },
  );
}

/** Two step lists are the same definition when their normalised forms are equal. */
export function sameSteps(a: readonly StepDef[], b: readonly StepDef[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
