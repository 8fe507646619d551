import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import openapiDocument from './openapi/openapi-2025-04-25.json' with { type: 'json' };
import { COMPONENT_SCHEMAS } from './component-schemas.ts';
import {
  authorisationPolicyResourceSchema,
  authorisationRuleResourceSchema,
  policyAssignmentResourceSchema,
  policyRuleResourceSchema,
} from './authorisation.ts';
import { bookmarkResourceSchema } from './bookmark.ts';
import {
  changeDocumentSchema,
  changeResourceSchema,
  isChangeStatus,
  isTerminalStatus,
  logLineResourceSchema,
  stepDocumentSchema,
  STEP_STATUSES,
  stepResourceSchema,
  TERMINAL_STATUSES,
  CHANGE_STATUSES,
} from './change.ts';
import { eventListDocumentSchema, eventResourceSchema } from './event.ts';
import { gitRemoteDocumentSchema, gitRemoteResourceSchema } from './git-remote.ts';
import {
  errorDocumentSchema,
  flattenResource,
  listDocument,
  parseIncluded,
  toManyIds,
  toOneId,
} from './json-api.ts';
import { mintmodelHistoryResourceSchema, mintmodelResourceSchema } from './mintmodel.ts';
import {
  assetResourceSchema,
  environmentResourceSchema,
  projectDocumentSchema,
  projectResourceSchema,
} from './node.ts';
import {
  convergedPropertiesResourceSchema,
  propertiesDocumentSchema,
  propertiesResourceSchema,
  propertiesVersionResourceSchema,
  repositoryPropertiesResourceSchema,
  settingsResourceSchema,
  settingsVersionResourceSchema,
} from './properties.ts';
import { scheduledChangeResourceSchema, scheduledWorkflowResourceSchema } from './scheduled-activity.ts';
import {
  templateResourceSchema,
  templateVersionHistoryResourceSchema,
  templateVersionResourceSchema,
} from './template.ts';
import { groupResourceSchema, infoResourceSchema, userResourceSchema } from './user.ts';
import {
  flattenWorkflowStep,
  stageStepDefinitionSchema,
  workflowChangeStepResourceSchema,
  workflowNoopStepResourceSchema,
  workflowResourceSchema,
  workflowRunDocumentSchema,
  workflowRunResourceSchema,
  workflowStepDocumentSchema,
  workflowStepListDocumentSchema,
  workflowVersionResourceSchema,
  workflowWaitStepResourceSchema,
  workflowWorkflowStepResourceSchema,
  WORKFLOW_RUN_STATUSES,
  WORKFLOW_STEP_STATUSES,
} from './workflow.ts';

// The vendor's contract for this release. Our schemas must accept every documented answer,
// so the console and the emulator cannot share one misreading of it unnoticed. Imported rather
// than read with node:fs because contract/ is also compiled in the console's tsconfig, which has
// no Node types. Typed unknown: the walk below checks its shape instead of trusting it.
const spec: unknown = openapiDocument;

// Resource objects by `type`, to check every member of `data` and `included` on its own.
const RESOURCE_SCHEMAS: Record<string, z.ZodType> = {
  project: projectResourceSchema,
  environment: environmentResourceSchema,
  asset: assetResourceSchema,
  authorisation_rule: authorisationRuleResourceSchema,
  authorisation_policy: authorisationPolicyResourceSchema,
  policy_assignment: policyAssignmentResourceSchema,
  policy_rule: policyRuleResourceSchema,
  scheduled_change: scheduledChangeResourceSchema,
  scheduled_workflow: scheduledWorkflowResourceSchema,
  bookmark: bookmarkResourceSchema,
  change: changeResourceSchema,
  step: stepResourceSchema,
  log_line: logLineResourceSchema,
  converged_properties: convergedPropertiesResourceSchema,
  properties: propertiesResourceSchema,
  properties_version: propertiesVersionResourceSchema,
  settings: settingsResourceSchema,
  settings_version: settingsVersionResourceSchema,
  repository_properties: repositoryPropertiesResourceSchema,
  event: eventResourceSchema,
  git_remote: gitRemoteResourceSchema,
  template: templateResourceSchema,
  template_version: templateVersionResourceSchema,
  template_version_history: templateVersionHistoryResourceSchema,
  mintmodel: mintmodelResourceSchema,
  mintmodel_history: mintmodelHistoryResourceSchema,
  user: userResourceSchema,
  group: groupResourceSchema,
  info: infoResourceSchema,
  workflow: workflowResourceSchema,
  workflow_version: workflowVersionResourceSchema,
  workflow_run: workflowRunResourceSchema,
  workflow_noop_step: workflowNoopStepResourceSchema,
  workflow_change_step: workflowChangeStepResourceSchema,
  workflow_wait_step: workflowWaitStepResourceSchema,
  workflow_workflow_step: workflowWorkflowStepResourceSchema,
};

// The git remote DELETE documents its 200 (credentials wiped instead of deleting) without a
// schema `$ref`; this names the component it follows.
const UNREFERENCED_RESPONSES: Record<string, string> = {
  'DELETE /api/projects/{project_code}/git_remotes/{id_to_delete} 200': 'git_remote',
};

// ---- Walking the document (plain JSON, so only type guards) ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordAt(value: unknown, path: readonly string[]): Record<string, unknown> {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) throw new Error(`no object at ${path.join('.')}`);
    current = current[key];
  }
  if (!isRecord(current)) throw new Error(`no object at ${path.join('.')}`);
  return current;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const MEDIA_TYPE = 'application/vnd.api+json';

interface ResponseExample {
  label: string; // "GET /api/projects 200"
  status: number;
  schemaName: string | null;
  value: unknown;
}

function componentName(schema: unknown): string | null {
  if (!isRecord(schema) || typeof schema.$ref !== 'string') return null;
  const prefix = '#/components/schemas/';
  return schema.$ref.startsWith(prefix) ? schema.$ref.slice(prefix.length) : null;
}

function examplesOf(mediaType: Record<string, unknown>): unknown[] {
  if ('example' in mediaType) return [mediaType.example];
  const examples = mediaType.examples;
  if (!isRecord(examples)) return [];
  return Object.values(examples).flatMap((example) =>
    isRecord(example) && 'value' in example ? [example.value] : [],
  );
}

function collectResponseExamples(document: unknown): ResponseExample[] {
  const found: ResponseExample[] = [];
  for (const [path, operations] of Object.entries(recordAt(document, ['paths']))) {
    if (!isRecord(operations)) continue;
    for (const method of HTTP_METHODS) {
      const operation = operations[method];
      if (!isRecord(operation) || !isRecord(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!isRecord(response) || !isRecord(response.content)) continue;
        const mediaType = response.content[MEDIA_TYPE];
        if (!isRecord(mediaType)) continue;
        for (const value of examplesOf(mediaType)) {
          found.push({
            label: `${method.toUpperCase()} ${path} ${status}`,
            status: Number(status),
            schemaName: componentName(mediaType.schema),
            value,
          });
        }
      }
    }
  }
  return found;
}

function describeIssues(result: {
  success: boolean;
  error?: { issues: readonly z.core.$ZodIssue[] };
}): string {
  if (result.success || result.error === undefined) return 'parsed';
  return result.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
}

function expectParses(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  expect(result.success, `${what}\n${describeIssues(result)}`).toBe(true);
}

// Members of `data` (one or many) and `included`.
function resourcesIn(documentValue: unknown): Record<string, unknown>[] {
  if (!isRecord(documentValue)) return [];
  const data: unknown[] = Array.isArray(documentValue.data) ? documentValue.data : [documentValue.data];
  const included: unknown[] = Array.isArray(documentValue.included) ? documentValue.included : [];
  return [...data, ...included].filter(isRecord);
}

function hasBody(value: unknown): boolean {
  return !(isRecord(value) && Object.keys(value).length === 0);
}

const allExamples = collectResponseExamples(spec);
const successExamples = allExamples.filter((example) => example.status >= 200 && example.status < 300);
const successBodies = successExamples.filter((example) => hasBody(example.value));
const errorExamples = allExamples.filter((example) => example.status >= 400);

function documentSchemaFor(example: ResponseExample): z.ZodType | undefined {
  const name = example.schemaName ?? UNREFERENCED_RESPONSES[example.label];
  return name === undefined ? undefined : COMPONENT_SCHEMAS[name];
}

function exampleFor(label: string): unknown {
  const example = allExamples.find((candidate) => candidate.label === label);
  if (example === undefined) throw new Error(`no example for ${label}`);
  return structuredClone(example.value);
}

// ---- The spec's examples ----

describe('the OpenAPI examples', () => {
  it('are all found (the walk did not silently lose any)', () => {
    expect(allExamples.length).toBe(269);
    expect(successBodies.length).toBe(105);
    expect(errorExamples.length).toBe(149);
  });

  it('have a zod counterpart for every component schema of the document', () => {
    const components = Object.keys(recordAt(spec, ['components', 'schemas']));
    expect(components.filter((name) => !(name in COMPONENT_SCHEMAS))).toEqual([]);
    expect(Object.keys(COMPONENT_SCHEMAS).filter((name) => !components.includes(name))).toEqual([]);
  });

  it('map every schema a 2xx response refers to', () => {
    const unmapped = successBodies
      .filter((example) => documentSchemaFor(example) === undefined)
      .map((example) => `${example.label} → ${example.schemaName ?? 'no $ref'}`);
    expect(unmapped).toEqual([]);
  });

  it.each(successBodies.map((example) => [example.label, example] as const))(
    '%s parses with its document schema',
    (label, example) => {
      const schema = documentSchemaFor(example);
      if (schema === undefined)
        throw new Error(`${label}: no schema mapped for ${example.schemaName ?? 'no $ref'}`);
      expectParses(schema, example.value, label);
    },
  );

  it.each(successBodies.map((example) => [example.label, example] as const))(
    '%s: every data and included member parses with its own resource schema',
    (label, example) => {
      for (const resource of resourcesIn(example.value)) {
        const type = typeof resource.type === 'string' ? resource.type : '(no type)';
        const schema = RESOURCE_SCHEMAS[type];
        if (schema === undefined) throw new Error(`${label}: no resource schema for type ${type}`);
        expectParses(schema, resource, `${label} ${type} ${String(resource.id)}`);
      }
    },
  );

  it('use only statuses our status vocabularies name', () => {
    const vocabularies: Record<string, readonly string[]> = {
      change: CHANGE_STATUSES,
      step: STEP_STATUSES,
      workflow_run: WORKFLOW_RUN_STATUSES,
      workflow_noop_step: WORKFLOW_STEP_STATUSES,
      workflow_change_step: WORKFLOW_STEP_STATUSES,
      workflow_wait_step: WORKFLOW_STEP_STATUSES,
      workflow_workflow_step: WORKFLOW_STEP_STATUSES,
    };
    const unknownStatuses = new Set<string>();
    let checked = 0;
    for (const example of successBodies) {
      for (const resource of resourcesIn(example.value)) {
        const attributes = resource.attributes;
        if (typeof resource.type !== 'string' || !isRecord(attributes)) continue;
        if (typeof attributes.status_code !== 'string') continue;
        const vocabulary = vocabularies[resource.type] ?? [];
        checked += 1;
        if (!vocabulary.includes(attributes.status_code)) {
          unknownStatuses.add(`${resource.type}: ${attributes.status_code}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect([...unknownStatuses]).toEqual([]);
  });

  it('document 204 answers without a body', () => {
    const noContent = successExamples.filter((example) => example.status === 204);
    expect(noContent.length).toBeGreaterThan(0);
    expect(noContent.filter((example) => hasBody(example.value)).map((example) => example.label)).toEqual([]);
  });

  it.each(errorExamples.map((example) => [example.label, example] as const))(
    '%s parses as an error document',
    (label, example) => {
      expect(example.schemaName ?? 'jsonapi_error').toBe('jsonapi_error');
      expectParses(errorDocumentSchema, example.value, label);
    },
  );
});

// ---- The schemas are not vacuous: real examples, broken one way each ----

describe('the schemas reject', () => {
  const projectShow = 'GET /api/projects/{project_code} 200';

  it('a project without code', () => {
    const document = exampleFor(projectShow);
    expectParses(projectDocumentSchema, document, 'unchanged example');
    delete recordAt(document, ['data', 'attributes']).code;
    expect(projectDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a project of an unknown project type', () => {
    const document = exampleFor(projectShow);
    recordAt(document, ['data', 'attributes']).project_type = 'Premium';
    expect(projectDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a node without its capability flags', () => {
    const document = exampleFor(projectShow);
    delete recordAt(document, ['data', 'meta']).can_have_changes;
    expect(projectDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a resource of another type', () => {
    const document = exampleFor(projectShow);
    recordAt(document, ['data']).type = 'environment';
    expect(projectDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a step whose status is not a string', () => {
    const document = exampleFor('GET /api/steps/{step_id} 200');
    expectParses(stepDocumentSchema, document, 'unchanged example');
    recordAt(document, ['data', 'attributes']).status_code = 3;
    expect(stepDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a properties document whose version is a string', () => {
    const document = exampleFor('GET /api/properties/{properties_id} 200');
    expectParses(propertiesDocumentSchema, document, 'unchanged example');
    recordAt(document, ['data', 'attributes']).version = '3';
    expect(propertiesDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a change whose start time is not a timestamp', () => {
    const document = exampleFor('GET /api/changes/{change_id} 200');
    expectParses(changeDocumentSchema, document, 'unchanged example');
    recordAt(document, ['data', 'attributes']).started_at = 'yesterday';
    expect(changeDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a git remote whose credentials are missing rather than null', () => {
    const document = exampleFor('GET /api/projects/{project_code}/git_remotes/{remote_id} 200');
    expectParses(gitRemoteDocumentSchema, document, 'unchanged example');
    delete recordAt(document, ['data', 'attributes']).password;
    expect(gitRemoteDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a workflow run whose step tree node has no id', () => {
    const document = exampleFor('GET /api/workflow_runs/{run_id} 200');
    expectParses(workflowRunDocumentSchema, document, 'unchanged example');
    delete recordAt(document, ['data', 'attributes', 'step_tree']).id;
    expect(workflowRunDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('a workflow stage without children', () => {
    expect(
      stageStepDefinitionSchema.safeParse({ run_as: 'parallel', name: 'both', children: [] }).success,
    ).toBe(false);
    expect(
      stageStepDefinitionSchema.safeParse({
        run_as: 'parallel',
        name: 'both',
        children: [{ type: 'wait' }, { run_as: 'sequential', name: 'inner', children: [{ type: 'wait' }] }],
      }).success,
    ).toBe(true);
  });

  it('a workflow step of an unknown type', () => {
    const document = exampleFor('GET /api/workflow_steps/{step_id} 200');
    expectParses(workflowStepDocumentSchema, document, 'unchanged example');
    recordAt(document, ['data']).type = 'workflow_input_step';
    expect(workflowStepDocumentSchema.safeParse(document).success).toBe(false);
  });

  it('an error whose status is a string, and an empty error list', () => {
    const document = exampleFor('GET /api/changes/{change_id} 404');
    expectParses(errorDocumentSchema, document, 'unchanged example');
    const errors = recordAt(document, []).errors;
    const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
    if (!isRecord(first)) throw new Error('no error object');
    first.status = '404';
    expect(errorDocumentSchema.safeParse(document).success).toBe(false);
    expect(errorDocumentSchema.safeParse({ errors: [] }).success).toBe(false);
  });
});

describe('the schemas tolerate', () => {
  it('attributes the spec does not list, dropping them', () => {
    const document = exampleFor('GET /api/projects/{project_code} 200');
    recordAt(document, ['data', 'attributes']).created_at = '2025-04-25T06:21:23.984222Z';
    const parsed = projectDocumentSchema.parse(document);
    expect(parsed.data.attributes).not.toHaveProperty('created_at');
  });

  it('any keys on events, keeping them', () => {
    const parsed = eventListDocumentSchema.parse(exampleFor('GET /api/events 200'));
    const custom = parsed.data.find((event) => !event.attributes.system);
    expect(custom?.attributes).toHaveProperty('nested', { key: 'nested value' });
  });

  it('list meta that is null or absent', () => {
    const documentSchema = listDocument(bookmarkResourceSchema);
    expect(documentSchema.safeParse({ data: [], meta: null }).success).toBe(true);
    expect(documentSchema.safeParse({ data: [] }).success).toBe(true);
  });

  it('a change on a project, with no environment or Git remote', () => {
    const document = exampleFor('GET /api/changes/{change_id} 200');
    const attributes = recordAt(document, ['data', 'attributes']);
    attributes.environment_name = null;
    attributes.git_remote_name = null;
    attributes.git_rev = null;
    expectParses(changeDocumentSchema, document, 'project change');
  });
});

// ---- Helpers for reading documents ----

describe('document helpers', () => {
  const change = changeDocumentSchema.parse(exampleFor('GET /api/changes/{change_id} 200'));

  it('flatten a resource into id plus attributes', () => {
    const flat = flattenResource(change.data);
    expect(flat.id).toBe(change.data.id);
    expect(flat.action).toBe(change.data.attributes.action);
  });

  it('read to-one and to-many relationships, empty ones included', () => {
    const relationships = change.data.relationships;
    expect(toOneId(relationships?.root_step)).toEqual(expect.any(String));
    expect(toOneId(relationships?.workflow_run)).toBeNull();
    expect(toManyIds(relationships?.steps).length).toBeGreaterThan(0);
    expect(toManyIds(relationships?.root_step)).toEqual([]);
    expect(toOneId(undefined)).toBeNull();
  });

  it('parse the included members of one type', () => {
    const steps = parseIncluded(change.included, 'step', stepResourceSchema);
    expect(steps.map((step) => step.id)).toContain(toOneId(change.data.relationships?.root_step));
    expect(parseIncluded(change.included, 'bookmark', stepResourceSchema)).toEqual([]);
    // A schema that does not fit the members of that type is a programming error: it throws.
    expect(() => parseIncluded(change.included, 'project', stepResourceSchema)).toThrow();
  });

  it('flatten workflow steps keeping their type', () => {
    const runSteps = workflowStepListDocumentSchema.parse(
      exampleFor('GET /api/projects/{project_code}/workflows/{workflow_code}/runs/{run_id}/steps 200'),
    );
    const flat = runSteps.data.map(flattenWorkflowStep);
    const wait = flat.find((step) => step.type === 'workflow_wait_step');
    expect(wait?.type === 'workflow_wait_step' ? wait.continued_by : 'no wait step').not.toBe('no wait step');
  });

  it('tell terminal and change statuses apart', () => {
    expect(TERMINAL_STATUSES.every(isTerminalStatus)).toBe(true);
    expect(isTerminalStatus('running')).toBe(false);
    expect(isChangeStatus('waiting_for_approval')).toBe(true);
    expect(isChangeStatus('continued')).toBe(false);
  });
});
