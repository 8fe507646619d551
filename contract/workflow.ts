import { z } from 'zod';
import { approvalRecordSchema, CHILD_EXECUTION_STRATEGIES } from './change.ts';
import type { ActivityStatus, ChildExecutionStrategy } from './change.ts';
import {
  jsonObjectSchema,
  listDocument,
  resourceSchema,
  singleDocument,
  timestampSchema,
} from './json-api.ts';

// Workflows, their versions, runs and run steps (domain §9). Enterprise projects only.

// Statuses per domain §7.3 (`status_code` stays a free string on the wire, as on changes).
// `waiting` and `aborted` on runs are inferred from their steps.
export const WORKFLOW_RUN_STATUSES = [
  'pending',
  'running',
  'waiting',
  'success',
  'error',
  'cancelled',
  'aborted',
] as const satisfies readonly ActivityStatus[];
export type WorkflowRunStatus = (typeof WORKFLOW_RUN_STATUSES)[number];

// A wait step ends `approved`, `continued` or `rejected` rather than `success`.
export const WORKFLOW_STEP_STATUSES = [
  'pending',
  'running',
  'waiting',
  'waiting_for_approval',
  'success',
  'error',
  'cancelled',
  'aborted',
  'approved',
  'continued',
  'rejected',
] as const satisfies readonly ActivityStatus[];
export type WorkflowStepStatus = (typeof WORKFLOW_STEP_STATUSES)[number];

// ---- Step definitions: the `steps` a workflow (version) is written in ----

// `type: change`: run an action on a target node.
export const changeStepDefinitionSchema = z.object({
  type: z.literal('change'),
  target: z.string(),
  action: z.string(),
  template_version: z.string().nullable().optional(),
  name: z.string().optional(),
  start_time: z.string().nullable().optional(),
  property_overrides: jsonObjectSchema.nullable().optional(),
  change_parent: jsonObjectSchema.nullable().optional(),
});
export type ChangeStepDefinition = z.infer<typeof changeStepDefinitionSchema>;

// `type: wait`: wait to be continued, or to be approved when `requires_approval_from` is set.
export const waitStepDefinitionSchema = z.object({
  type: z.literal('wait'),
  requires_approval_from: z.string().nullable().optional(),
  name: z.string().optional(),
  validation_error: z.string().optional(),
});
export type WaitStepDefinition = z.infer<typeof waitStepDefinitionSchema>;

// `type: workflow`: run another workflow; a null version means the latest published one.
export const nestedWorkflowStepDefinitionSchema = z.object({
  type: z.literal('workflow'),
  target: z.string(),
  version: z.number().int().nullable().optional(),
  name: z.string().optional(),
  start_time: z.string().nullable().optional(),
  validation_error: z.string().optional(),
  child_workflow_version: z.unknown().optional(),
});
export type NestedWorkflowStepDefinition = z.infer<typeof nestedWorkflowStepDefinitionSchema>;

// A stage has no `type`: `run_as` plus at least one child. The spec's component is
// `stage_grouping_step_body`; one `$ref` misspells it `stage_grouping_body`.
export interface StageStepDefinition {
  run_as: ChildExecutionStrategy;
  name: string;
  children: WorkflowStepDefinition[];
}
export type WorkflowStepDefinition =
  ChangeStepDefinition | WaitStepDefinition | NestedWorkflowStepDefinition | StageStepDefinition;

// Recursive, so the types are written out above and the schemas annotated with them.
export const stageStepDefinitionSchema: z.ZodType<StageStepDefinition> = z.object({
  run_as: z.enum(CHILD_EXECUTION_STRATEGIES),
  name: z.string(),
  get children() {
    return z.array(workflowStepDefinitionSchema).min(1);
  },
});

export const workflowStepDefinitionSchema: z.ZodType<WorkflowStepDefinition> = z.union([
  changeStepDefinitionSchema,
  waitStepDefinitionSchema,
  nestedWorkflowStepDefinitionSchema,
  stageStepDefinitionSchema,
]);

// ---- Workflows and versions ----

const workflowDefinitionShape = {
  code: z.string(),
  name: z.string(),
  description: z.string(),
  // Drafts are not available to run; saving with `draft: false` publishes.
  draft: z.boolean(),
  archived: z.boolean(),
  created_by: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  // The same definition as YAML.
  source_yaml: z.string(),
  steps: z.array(workflowStepDefinitionSchema).min(1),
};

export const workflowAttributesSchema = z.object({
  ...workflowDefinitionShape,
  latest_version: z.number().int(),
  latest_published_version: z.number().int().nullable(),
});
export type WorkflowAttributes = z.infer<typeof workflowAttributesSchema>;
export type Workflow = WorkflowAttributes & { id: string };

export const workflowResourceSchema = resourceSchema('workflow', workflowAttributesSchema);
export type WorkflowResource = z.infer<typeof workflowResourceSchema>;
export const workflowDocumentSchema = singleDocument(workflowResourceSchema);
export type WorkflowDocument = z.infer<typeof workflowDocumentSchema>;

export const workflowListMetaSchema = z.object({ partial_response: z.boolean() });
export type WorkflowListMeta = z.infer<typeof workflowListMetaSchema>;
export const workflowListDocumentSchema = listDocument(workflowResourceSchema, workflowListMetaSchema);
export type WorkflowListDocument = z.infer<typeof workflowListDocumentSchema>;

export const workflowVersionAttributesSchema = z.object({
  ...workflowDefinitionShape,
  version: z.number().int(),
});
export type WorkflowVersionAttributes = z.infer<typeof workflowVersionAttributesSchema>;
export type WorkflowVersion = WorkflowVersionAttributes & { id: string };

export const workflowVersionResourceSchema = resourceSchema(
  'workflow_version',
  workflowVersionAttributesSchema,
);
export type WorkflowVersionResource = z.infer<typeof workflowVersionResourceSchema>;
export const workflowVersionDocumentSchema = singleDocument(workflowVersionResourceSchema);
export type WorkflowVersionDocument = z.infer<typeof workflowVersionDocumentSchema>;
export const workflowVersionListDocumentSchema = listDocument(workflowVersionResourceSchema);
export type WorkflowVersionListDocument = z.infer<typeof workflowVersionListDocumentSchema>;

// ---- Runs ----

export const WORKFLOW_STEP_TYPES = [
  'workflow_noop_step',
  'workflow_change_step',
  'workflow_wait_step',
  'workflow_workflow_step',
] as const;
export type WorkflowStepType = (typeof WORKFLOW_STEP_TYPES)[number];

// The run's shape without statuses, rooted at a noop step named after the workflow; join it
// with the step resources by id for statuses.
export interface StepTreeNode {
  id: string;
  name: string;
  type: WorkflowStepType;
  child_execution_strategy?: ChildExecutionStrategy | undefined;
  action?: string | undefined;
  target?: string | undefined;
  children: StepTreeNode[];
}

export const stepTreeNodeSchema: z.ZodType<StepTreeNode> = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(WORKFLOW_STEP_TYPES),
  child_execution_strategy: z.enum(CHILD_EXECUTION_STRATEGIES).optional(),
  action: z.string().optional(),
  target: z.string().optional(),
  get children() {
    return z.array(stepTreeNodeSchema);
  },
});

export const workflowRunAttributesSchema = z.object({
  step_tree: stepTreeNodeSchema,
  scheduled: z.boolean(),
  metadata: jsonObjectSchema,
  created_by: z.string(),
  status_code: z.string(),
  created_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  updated_at: timestampSchema,
  project_name: z.string(),
});
export type WorkflowRunAttributes = z.infer<typeof workflowRunAttributesSchema>;
export type WorkflowRun = WorkflowRunAttributes & { id: string };

// Show answers only: whether the run waits for another run of the same workflow, and which.
export const workflowRunMetaSchema = z.object({
  parallel_workflows_allowed: z.boolean().optional(),
  blocked_by_same_workflow_running: z.boolean().optional(),
  blocked_by_queue: z.array(z.string()).optional(),
});
export type WorkflowRunMeta = z.infer<typeof workflowRunMetaSchema>;

export const workflowRunResourceSchema = resourceSchema(
  'workflow_run',
  workflowRunAttributesSchema,
  workflowRunMetaSchema.optional(),
);
export type WorkflowRunResource = z.infer<typeof workflowRunResourceSchema>;
export const workflowRunDocumentSchema = singleDocument(workflowRunResourceSchema);
export type WorkflowRunDocument = z.infer<typeof workflowRunDocumentSchema>;

export const workflowRunListMetaSchema = z.object({ partial_response: z.boolean() });
export type WorkflowRunListMeta = z.infer<typeof workflowRunListMetaSchema>;
export const workflowRunListDocumentSchema = listDocument(
  workflowRunResourceSchema,
  workflowRunListMetaSchema,
);
export type WorkflowRunListDocument = z.infer<typeof workflowRunListDocumentSchema>;

// ---- Run steps: one resource type per step type ----

// `lock_version` is a read-only revision counter.
const workflowStepShape = {
  lock_version: z.number().int(),
  created_by: z.string(),
  name: z.string(),
  status_code: z.string(),
  created_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  updated_at: timestampSchema,
  skip_on_retry: z.boolean(),
};

export const workflowNoopStepAttributesSchema = z.object({
  ...workflowStepShape,
  child_execution_strategy: z.enum(CHILD_EXECUTION_STRATEGIES),
});
export type WorkflowNoopStepAttributes = z.infer<typeof workflowNoopStepAttributesSchema>;

// Its change (relationship `change`) is null until created.
export const workflowChangeStepAttributesSchema = z.object({
  ...workflowStepShape,
  action: z.string(),
  property_overrides: jsonObjectSchema,
});
export type WorkflowChangeStepAttributes = z.infer<typeof workflowChangeStepAttributesSchema>;

export const workflowWaitStepAttributesSchema = z.object({
  ...workflowStepShape,
  approved_by: z.array(approvalRecordSchema).nullable(),
  rejected_by: z.array(approvalRecordSchema).nullable(),
  continued_by: z.array(approvalRecordSchema).nullable(),
  requires_approval_from: z.string().nullable(),
});
export type WorkflowWaitStepAttributes = z.infer<typeof workflowWaitStepAttributesSchema>;

// `code` is the child workflow's; relationship `child_workflow_run` is null until started.
export const workflowWorkflowStepAttributesSchema = z.object({
  ...workflowStepShape,
  code: z.string(),
});
export type WorkflowWorkflowStepAttributes = z.infer<typeof workflowWorkflowStepAttributesSchema>;

export const workflowNoopStepResourceSchema = resourceSchema(
  'workflow_noop_step',
  workflowNoopStepAttributesSchema,
);
export type WorkflowNoopStepResource = z.infer<typeof workflowNoopStepResourceSchema>;
export const workflowChangeStepResourceSchema = resourceSchema(
  'workflow_change_step',
  workflowChangeStepAttributesSchema,
);
export type WorkflowChangeStepResource = z.infer<typeof workflowChangeStepResourceSchema>;
export const workflowWaitStepResourceSchema = resourceSchema(
  'workflow_wait_step',
  workflowWaitStepAttributesSchema,
);
export type WorkflowWaitStepResource = z.infer<typeof workflowWaitStepResourceSchema>;
export const workflowWorkflowStepResourceSchema = resourceSchema(
  'workflow_workflow_step',
  workflowWorkflowStepAttributesSchema,
);
export type WorkflowWorkflowStepResource = z.infer<typeof workflowWorkflowStepResourceSchema>;

// What `/api/workflow_steps` and a run's `steps` answer: any of the four, told apart by `type`.
export const workflowStepResourceSchema = z.discriminatedUnion('type', [
  workflowNoopStepResourceSchema,
  workflowChangeStepResourceSchema,
  workflowWaitStepResourceSchema,
  workflowWorkflowStepResourceSchema,
]);
export type WorkflowStepResource = z.infer<typeof workflowStepResourceSchema>;
// Flattened like other resources, but keeping `type` so the union stays narrowable.
export type WorkflowStep =
  | (WorkflowNoopStepAttributes & { id: string; type: 'workflow_noop_step' })
  | (WorkflowChangeStepAttributes & { id: string; type: 'workflow_change_step' })
  | (WorkflowWaitStepAttributes & { id: string; type: 'workflow_wait_step' })
  | (WorkflowWorkflowStepAttributes & { id: string; type: 'workflow_workflow_step' });

export function flattenWorkflowStep(resource: WorkflowStepResource): WorkflowStep {
  // One case per type: TypeScript does not correlate `type` and `attributes` across a spread.
  switch (resource.type) {
    case 'workflow_noop_step':
      return { ...resource.attributes, id: resource.id, type: resource.type };
    case 'workflow_change_step':
      return { ...resource.attributes, id: resource.id, type: resource.type };
    case 'workflow_wait_step':
      return { ...resource.attributes, id: resource.id, type: resource.type };
    case 'workflow_workflow_step':
      return { ...resource.attributes, id: resource.id, type: resource.type };
  }
}

export const workflowStepDocumentSchema = singleDocument(workflowStepResourceSchema);
export type WorkflowStepDocument = z.infer<typeof workflowStepDocumentSchema>;
export const workflowStepListDocumentSchema = listDocument(workflowStepResourceSchema);
export type WorkflowStepListDocument = z.infer<typeof workflowStepListDocumentSchema>;

export const workflowNoopStepDocumentSchema = singleDocument(workflowNoopStepResourceSchema);
export const workflowNoopStepListDocumentSchema = listDocument(workflowNoopStepResourceSchema);
// `PATCH /api/workflow_steps/{id}` (skip_on_retry) answers a change step.
export const workflowChangeStepDocumentSchema = singleDocument(workflowChangeStepResourceSchema);
export const workflowChangeStepListDocumentSchema = listDocument(workflowChangeStepResourceSchema);
export const workflowWaitStepDocumentSchema = singleDocument(workflowWaitStepResourceSchema);
export const workflowWaitStepListDocumentSchema = listDocument(workflowWaitStepResourceSchema);
export const workflowWorkflowStepDocumentSchema = singleDocument(workflowWorkflowStepResourceSchema);
export const workflowWorkflowStepListDocumentSchema = listDocument(workflowWorkflowStepResourceSchema);
