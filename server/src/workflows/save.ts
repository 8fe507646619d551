/**
 * Turning a create or update request into the next workflow version (domain §9.1).
 *
 * `steps` and `source_yaml` describe the same thing. A request may send either: the other is derived (steps
 * are read from the YAML; YAML is written from the steps). When it sends both and they differ, **`steps`
 * wins** and `source_yaml` is rewritten from them; when they agree, the caller's YAML text is kept as sent.
 *
 * Every save is validated in full, drafts included (shape, then what the steps refer to); drafts differ only
 * in not being runnable. `meta.validate: true` runs the same checks without saving anything.
 */
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from '../context.ts';
import { modelErrors } from '../errors.ts';
import { isPlainObject } from '../jsonapi.ts';
import { CODE_PATTERN } from '../node-store.ts';
import type { NodeRow } from '../nodes.ts';
import type { Problem, StepDef } from './definitions.ts';
import { readSteps, readYaml, sameSteps, toYaml } from './definitions.ts';
import type { VersionRow, WorkflowRow } from './store.ts';
import { findWorkflow } from './store.ts';
import { referenceProblems } from './validation.ts';

export const CREATE_ATTRIBUTES = [
  'code',
  'name',
  'steps',
  'draft',
  'description',
  'archived',
  'source_yaml',
] as const;
export const UPDATE_ATTRIBUTES = [
  'name',
  'steps',
  'draft',
  'description',
  'archived',
  'source_yaml',
] as const;

const MAX_NAME = 200;
const MAX_YAML = 1_000_000;

export interface PreparedVersion {
  code: string;
  name: string;
  description: string | null;
  draft: boolean;
  archived: boolean | undefined;
  steps: StepDef[];
  sourceYaml: string;
}

export interface SaveContext {
  emu: Emulator;
  authz: Authorizer;
  project: NodeRow;
  username: string;
  /** The workflow being updated; absent on create. */
  existing?: { workflow: WorkflowRow; latest: VersionRow };
}

/** `meta.validate: true` on a create or update request: check, do not save. */
export function wantsValidationOnly(body: unknown): boolean {
  if (!isPlainObject(body) || !isPlainObject(body.meta)) return false;
  const flag = body.meta.validate;
  return flag === true || flag === 'true';
}

function booleanProblem(
  attrs: Record<string, unknown>,
  key: string,
  problems: Problem[],
): boolean | undefined {
  const value = attrs[key];
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  problems.push({ field: key, title: `${key.charAt(0).toUpperCase()}${key.slice(1)} must be true or false` });
  return undefined;
}

function readCode(ctx: SaveContext, attrs: Record<string, unknown>, problems: Problem[]): string {
  if (ctx.existing) return ctx.existing.workflow.code;
  const raw = attrs.code;
  const code = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (raw !== undefined && raw !== null && typeof raw !== 'string')
    problems.push({ field: 'code', title: 'Code must be a string' });
  else if (code === '') problems.push({ field: 'code', title: "Code can't be blank" });
  else if (!CODE_PATTERN.test(code)) {
    problems.push({
      field: 'code',
      title: 'Code must contain only lowercase letters, numbers and underscores (at most 50 characters)',
    });
  } else if (findWorkflow(ctx.emu, ctx.project.id, code))
    problems.push({ field: 'code', title: 'Code has already been taken' });
  return code;
}

function readName(attrs: Record<string, unknown>, fallback: unknown, problems: Problem[]): string {
  const raw = attrs.name ?? fallback;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    problems.push({ field: 'name', title: 'Name must be a string' });
    return '';
  }
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') problems.push({ field: 'name', title: "Name can't be blank" });
  else if (name.length > MAX_NAME)
    problems.push({ field: 'name', title: `Name is too long (maximum is ${String(MAX_NAME)} characters)` });
  return name;
}

function readDescription(
  attrs: Record<string, unknown>,
  fallback: unknown,
  problems: Problem[],
): string | null {
  const raw = attrs.description !== undefined ? attrs.description : fallback;
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') {
    problems.push({ field: 'description', title: 'Description must be a string' });
    return null;
  }
  return raw;
}

interface Definition {
  steps: StepDef[];
  /** The caller's YAML when it says the same as the steps, else null (then it is written from the steps). */
  yamlText: string | null;
  yamlName: unknown;
  yamlDescription: unknown;
}

/** Reconciles `steps` and `source_yaml` (see the module comment). */
function readDefinition(attrs: Record<string, unknown>, problems: Problem[]): Definition {
  const yamlRaw = attrs.source_yaml;
  let yamlText: string | null = null;
  if (yamlRaw !== undefined && yamlRaw !== null) {
    if (typeof yamlRaw !== 'string')
      problems.push({ field: 'source_yaml', title: 'Source yaml must be a string' });
    else if (yamlRaw.length > MAX_YAML)
      problems.push({ field: 'source_yaml', title: 'Source yaml is too long' });
    else if (yamlRaw.trim() !== '') yamlText = yamlRaw;
  }
  const fromYaml = yamlText === null ? undefined : readYaml(yamlText);
  const yamlName = fromYaml?.definition?.name;
  const yamlDescription = fromYaml?.definition?.description;

  if (attrs.steps !== undefined && attrs.steps !== null) {
    const { steps, problems: stepProblems } = readSteps(attrs.steps);
    problems.push(...stepProblems);
    const yamlSteps = fromYaml?.definition ? readSteps(fromYaml.definition.steps) : undefined;
    const agree = yamlSteps?.problems.length === 0 && sameSteps(yamlSteps.steps, steps);
    return { steps, yamlText: agree ? yamlText : null, yamlName, yamlDescription };
  }
  if (fromYaml?.problem) {
    problems.push(fromYaml.problem);
    return { steps: [], yamlText: null, yamlName, yamlDescription };
  }
  if (!fromYaml?.definition) {
    problems.push({ field: 'steps', title: "Steps can't be blank" });
    return { steps: [], yamlText: null, yamlName, yamlDescription };
  }
  const { steps, problems: stepProblems } = readSteps(fromYaml.definition.steps);
  problems.push(...stepProblems);
  return { steps, yamlText, yamlName, yamlDescription };
}

/** Validates a create or update request into the version it would store; 422 (all problems at once) otherwise. */
export function prepareVersion(ctx: SaveContext, attrs: Record<string, unknown>): PreparedVersion {
  const problems: Problem[] = [];
  const code = readCode(ctx, attrs, problems);
  const definition = readDefinition(attrs, problems);
  const name = readName(attrs, definition.yamlName, problems);
  const description = readDescription(
    attrs,
    definition.yamlDescription ?? ctx.existing?.latest.description,
    problems,
  );
  const draft = booleanProblem(attrs, 'draft', problems) ?? true;
  const archived = booleanProblem(attrs, 'archived', problems);
  if (problems.length === 0) {
    problems.push(
      ...referenceProblems(
        { emu: ctx.emu, authz: ctx.authz, selfPath: `/projects/${ctx.project.code}/workflows/${code}` },
        definition.steps,
      ),
    );
  }
  if (problems.length > 0) throw modelErrors(problems);
  const createdBy = ctx.existing?.workflow.created_by ?? ctx.username;
  const sourceYaml = definition.yamlText ?? toYaml({ code, name, description, createdBy }, definition.steps);
  return { code, name, description, draft, archived, steps: definition.steps, sourceYaml };
}
