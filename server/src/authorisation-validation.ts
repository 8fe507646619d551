import { normaliseRulePath } from '@contract/authz.ts';
import { unsafeRulePathReason } from './authz.ts';
import { modelErrors, parameterMissing, unpermittedParameter } from './errors.ts';
import { humanise, isPlainObject } from './jsonapi.ts';

// Request bodies of the authorisation endpoints (domain §5), checked before the store sees them: each
// problem becomes a 422 on its attribute's pointer; unknown keys are 400s, as OpsChain answers.

const MAX_NAME = 255;
const MAX_INLINE_RULES = 100;
const MAX_ASSIGNMENTS = 1000;

export interface Problem {
  field: string;
  title: string;
}

export interface RuleInput {
  name: string | null;
  path: string;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
}

export const RULE_ATTRIBUTES = ['name', 'path', 'readable', 'updatable', 'executable'] as const;

function validateFlag(
  attrs: Record<string, unknown>,
  key: string,
  field: string,
  problems: Problem[],
): boolean {
  const value = attrs[key];
  // Rails casts the usual string spellings of booleans; anything else is a model error, never a 500.
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  problems.push({
    field,
    title:
      value === undefined || value === null
        ? `${humanise(key)} can't be blank`
        : `${humanise(key)} must be true or false`,
  });
  return false;
}

function validateRuleName(
  value: unknown,
  field: string,
  required: boolean,
  problems: Problem[],
): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push({ field, title: "Name can't be blank" });
    return null;
  }
  if (typeof value !== 'string') {
    problems.push({ field, title: 'Name must be a string' });
    return null;
  }
  if (value.trim().length > MAX_NAME)
    problems.push({ field, title: `Name is too long (maximum is ${String(MAX_NAME)} characters)` });
  return value.trim();
}

/** The regex path, `^`-anchored, or a problem: missing, not a string, invalid or too slow to run. */
function validateRulePath(value: unknown, field: string, problems: Problem[]): string {
  if (value === undefined || value === null) {
    problems.push({ field, title: `Path can't be blank (use "" to match every path)` });
    return '';
  }
  if (typeof value !== 'string') {
    problems.push({ field, title: 'Path must be a string' });
    return '';
  }
  const path = normaliseRulePath(value);
  const reason = unsafeRulePathReason(path);
  if (reason !== null) problems.push({ field, title: `Path ${reason}` });
  return path;
}

/** `prefix` locates an inline rule (`authorisation_rules/0/`); inline rules may omit their name. */
export function validateRule(
  attrs: Record<string, unknown>,
  prefix: string,
  nameRequired: boolean,
  problems: Problem[],
): RuleInput {
  return {
    name: validateRuleName(attrs.name, `${prefix}name`, nameRequired, problems),
    path: validateRulePath(attrs.path, `${prefix}path`, problems),
    readable: validateFlag(attrs, 'readable', `${prefix}readable`, problems),
    updatable: validateFlag(attrs, 'updatable', `${prefix}updatable`, problems),
    executable: validateFlag(attrs, 'executable', `${prefix}executable`, problems),
  };
}

export interface PolicyInput {
  name: string;
  description: string | null;
  rules: RuleInput[];
}

/** Unknown keys inside nested objects are 400s too: OpsChain raises on every unpermitted parameter. */
function refuseUnknownKeys(value: Record<string, unknown>, permitted: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !permitted.includes(k));
  if (unknown.length > 0) throw unpermittedParameter(unknown);
}

function validateInlineRules(value: unknown, problems: Problem[]): RuleInput[] {
  // Omitted (or null) means "no rules": on PATCH that removes them all, as the spec describes.
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ field: 'authorisation_rules', title: 'Authorisation rules must be a list of rules' });
    return [];
  }
  if (value.length > MAX_INLINE_RULES) {
    problems.push({
      field: 'authorisation_rules',
      title: `Authorisation rules has too many rules (maximum is ${String(MAX_INLINE_RULES)})`,
    });
    return [];
  }
  const rules: RuleInput[] = [];
  value.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) {
      problems.push({
        field: `authorisation_rules/${String(index)}`,
        title: 'Authorisation rule must be an object',
      });
      return;
    }
    refuseUnknownKeys(item, RULE_ATTRIBUTES);
    rules.push(validateRule(item, `authorisation_rules/${String(index)}/`, false, problems));
  });
  return rules;
}

export function validatePolicy(attrs: Record<string, unknown>): PolicyInput {
  const problems: Problem[] = [];
  const name = typeof attrs.name === 'string' ? attrs.name.trim() : '';
  if (attrs.name !== undefined && attrs.name !== null && typeof attrs.name !== 'string') {
    problems.push({ field: 'name', title: 'Name must be a string' });
  } else if (name === '') problems.push({ field: 'name', title: "Name can't be blank" });
  else if (name.length > MAX_NAME)
    problems.push({ field: 'name', title: `Name is too long (maximum is ${String(MAX_NAME)} characters)` });
  // The spec requires `description` on create and update; null is a valid value (policies without one exist).
  let description: string | null = null;
  if (!('description' in attrs))
    problems.push({ field: 'description', title: 'Description must be given (it may be null)' });
  else if (typeof attrs.description === 'string') description = attrs.description;
  else if (attrs.description !== null)
    problems.push({ field: 'description', title: 'Description must be a string' });
  const rules = validateInlineRules(attrs.authorisation_rules, problems);
  if (problems.length > 0) throw modelErrors(problems);
  return { name, description, rules };
}

export interface AssignmentInput {
  username: string | null;
  groupname: string | null;
}

function validateAssignee(value: unknown, field: string, label: string, problems: Problem[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push({ field, title: `${label} must be a string or null` });
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '')
    problems.push({ field, title: `${label} can't be blank (send null to leave it unset)` });
  else if (trimmed.length > MAX_NAME)
    problems.push({ field, title: `${label} is too long (maximum is ${String(MAX_NAME)} characters)` });
  return trimmed;
}

/** The wanted assignments, duplicates dropped: `{username}`, `{groupname}`, both (user while in group), or neither (everyone). */
export function validateAssignments(attrs: Record<string, unknown>): AssignmentInput[] {
  const value = attrs.assignments;
  if (value === undefined || value === null) throw parameterMissing('assignments');
  const problems: Problem[] = [];
  if (!Array.isArray(value))
    throw modelErrors([{ field: 'assignments', title: 'Assignments must be a list' }]);
  if (value.length > MAX_ASSIGNMENTS) {
    throw modelErrors([
      {
        field: 'assignments',
        title: `Assignments has too many entries (maximum is ${String(MAX_ASSIGNMENTS)})`,
      },
    ]);
  }
  const wanted = new Map<string, AssignmentInput>();
  value.forEach((item: unknown, index) => {
    const at = `assignments/${String(index)}`;
    if (!isPlainObject(item)) {
      problems.push({ field: at, title: 'Assignment must be an object' });
      return;
    }
    refuseUnknownKeys(item, ['username', 'groupname']);
    const username = validateAssignee(item.username, `${at}/username`, 'Username', problems);
    const groupname = validateAssignee(item.groupname, `${at}/groupname`, 'Groupname', problems);
    const key = JSON.stringify([username, groupname]);
    if (!wanted.has(key)) wanted.set(key, { username, groupname });
  });
  if (problems.length > 0) throw modelErrors(problems);
  return [...wanted.values()];
}

/** `authorisation_rule_id`: one id or a non-empty list of ids, duplicates dropped. */
export function validateRuleIds(attrs: Record<string, unknown>): string[] {
  const value = attrs.authorisation_rule_id;
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((id) => typeof id !== 'string' || id.trim() === '')) {
    throw modelErrors([
      {
        field: 'authorisation_rule_id',
        title: 'Authorisation rule must be a rule id or a non-empty list of rule ids',
      },
    ]);
  }
  return [...new Set(list.filter((id): id is string => typeof id === 'string'))];
}
