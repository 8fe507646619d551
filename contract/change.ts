import { z } from 'zod';
import {
  jsonObjectSchema,
  listDocument,
  resourceSchema,
  singleDocument,
  timestampSchema,
} from './json-api.ts';

// Changes, their steps and log lines (domain §7, §8).

// `status_code` is a free string on the wire, so the schemas below accept any string and a new
// status never breaks a page; these lists name the values the sources use (domain §7.3) for
// filters, badges and exhaustive switches. Narrow with the guards at the end of this section.
export const ACTIVITY_STATUSES = [
  'initializing',
  'pending',
  'queued',
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
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

// `approved`, `continued` and `rejected` end wait steps of workflow runs, not changes; a change
// whose approval was rejected ends `cancelled` (inferred). `waiting` and `aborted` on a change
// are inferred from its steps and from the `api:changes:abort` event.
export const CHANGE_STATUSES = [
  'initializing',
  'pending',
  'queued',
  'running',
  'waiting',
  'waiting_for_approval',
  'success',
  'error',
  'cancelled',
  'aborted',
] as const satisfies readonly ActivityStatus[];
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

// A rejected approval leaves the change's step `rejected`.
export const STEP_STATUSES = [...CHANGE_STATUSES, 'rejected'] as const satisfies readonly ActivityStatus[];
export type StepStatus = (typeof STEP_STATUSES)[number];

// Nothing changes after these; polling can stop.
export const TERMINAL_STATUSES = [
  'success',
  'error',
  'cancelled',
  'aborted',
  'rejected',
  'approved',
  'continued',
] as const satisfies readonly ActivityStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((candidate) => candidate === value);
}

export function isChangeStatus(status: string): status is ChangeStatus {
  return isOneOf(CHANGE_STATUSES, status);
}
export function isTerminalStatus(status: string): status is TerminalStatus {
  return isOneOf(TERMINAL_STATUSES, status);
}

// How a step's children run (`run_as:` in actions.rb; default sequential).
export const CHILD_EXECUTION_STRATEGIES = ['sequential', 'parallel'] as const;
export type ChildExecutionStrategy = (typeof CHILD_EXECUTION_STRATEGIES)[number];

// Who approved, rejected or continued a step, with their optional message.
export const approvalRecordSchema = z.object({
  username: z.string(),
  message: z.string().nullable().optional(),
});
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;

export const changeAttributesSchema = z.object({
  created_by: z.string(),
  name: z.string().nullable(),
  action: z.string(),
  initial_step_tree: z.string().nullable(),
  metadata: jsonObjectSchema,
  property_overrides: jsonObjectSchema,
  // Started by a scheduled activity rather than by hand.
  scheduled: z.boolean(),
  // Mirror the root step.
  approved_by: z.array(approvalRecordSchema).nullable(),
  rejected_by: z.array(approvalRecordSchema).nullable(),
  requires_approval_from: z.string().nullable(),
  status_code: z.string(),
  created_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  updated_at: timestampSchema,
  project_name: z.string(),
  // The spec declares these three non-null, but a change on a project or an asset has no
  // environment, and an asset change takes its repository from the asset's template version
  // instead of a Git remote (domain §2.2, §7.1); every documented change targets an environment.
  environment_name: z.string().nullable(),
  git_remote_name: z.string().nullable(),
  git_rev: z.string().nullable(),
  asset_name: z.string().nullable(),
  // Null until the revision resolves.
  commit_sha: z.string().nullable(),
});
export type ChangeAttributes = z.infer<typeof changeAttributesSchema>;
export type Change = ChangeAttributes & { id: string };

// Show answers only (`{}` in lists): whether other changes hold the target, and which.
export const changeMetaSchema = z.object({
  parallel_changes_allowed: z.boolean().optional(),
  blocked_by_change_in_same_parent: z.boolean().optional(),
  blocked_by_queue: z.array(z.string()).optional(),
});
export type ChangeMeta = z.infer<typeof changeMetaSchema>;

export const changeResourceSchema = resourceSchema(
  'change',
  changeAttributesSchema,
  changeMetaSchema.optional(),
);
export type ChangeResource = z.infer<typeof changeResourceSchema>;
export const changeDocumentSchema = singleDocument(changeResourceSchema);
export type ChangeDocument = z.infer<typeof changeDocumentSchema>;

// `has_any`: whether any change exists before filtering (for empty states); `partial_response`:
// the result was cut by a limit.
export const changeListMetaSchema = z.object({ has_any: z.boolean(), partial_response: z.boolean() });
export type ChangeListMeta = z.infer<typeof changeListMetaSchema>;
export const changeListDocumentSchema = listDocument(changeResourceSchema, changeListMetaSchema);
export type ChangeListDocument = z.infer<typeof changeListDocumentSchema>;

export const stepAttributesSchema = z.object({
  approved_by: z.array(approvalRecordSchema).nullable(),
  rejected_by: z.array(approvalRecordSchema).nullable(),
  continued_by: z.array(approvalRecordSchema).nullable(),
  requires_approval_from: z.string().nullable(),
  action: z.string(),
  name: z.string().nullable(),
  // "standard" in every documented step.
  step_type: z.string(),
  child_execution_strategy: z.enum(CHILD_EXECUTION_STRATEGIES),
  change_id: z.string(),
  // Skip this failed step when the change is retried.
  skip_on_retry: z.boolean(),
  created_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  updated_at: timestampSchema,
  status_code: z.string(),
});
export type StepAttributes = z.infer<typeof stepAttributesSchema>;
export type Step = StepAttributes & { id: string };

export const stepResourceSchema = resourceSchema('step', stepAttributesSchema);
export type StepResource = z.infer<typeof stepResourceSchema>;
export const stepDocumentSchema = singleDocument(stepResourceSchema);
export type StepDocument = z.infer<typeof stepDocumentSchema>;
export const stepListDocumentSchema = listDocument(stepResourceSchema);
export type StepListDocument = z.infer<typeof stepListDocumentSchema>;

export const logLineAttributesSchema = z.object({
  change_id: z.string(),
  step_id: z.string(),
  message: z.string(),
  logged_at: timestampSchema,
});
export type LogLineAttributes = z.infer<typeof logLineAttributesSchema>;
export type LogLine = LogLineAttributes & { id: string };

export const logLineResourceSchema = resourceSchema('log_line', logLineAttributesSchema);
export type LogLineResource = z.infer<typeof logLineResourceSchema>;
export const logLineDocumentSchema = singleDocument(logLineResourceSchema);
export type LogLineDocument = z.infer<typeof logLineDocumentSchema>;

// While `partial_response` is true, a tailing client polls again at once.
export const logLineListMetaSchema = z.object({ partial_response: z.boolean() });
export type LogLineListMeta = z.infer<typeof logLineListMetaSchema>;
export const logLineListDocumentSchema = listDocument(logLineResourceSchema, logLineListMetaSchema);
export type LogLineListDocument = z.infer<typeof logLineListDocumentSchema>;
