import { z } from 'zod';
import {
  jsonObjectSchema,
  listDocument,
  resourceSchema,
  singleDocument,
  timestampSchema,
} from './json-api.ts';

// Cron-driven starters of changes and workflow runs (domain §10). One collection,
// `/api/scheduled_activities`, holds both types.

export const SCHEDULED_ACTIVITY_TYPES = ['scheduled_change', 'scheduled_workflow'] as const;
export type ScheduledActivityType = (typeof SCHEDULED_ACTIVITY_TYPES)[number];

// `repeat: false` fires once, then the schedule deletes itself; `next_run_at` is empty while
// the schedule cannot run (disabled, archived parent; inferred).
const scheduleShape = {
  created_by: z.string(),
  cron_schedule: z.string(),
  repeat: z.boolean(),
  metadata: jsonObjectSchema,
  enabled: z.boolean(),
  created_at: timestampSchema,
  next_run_at: timestampSchema.nullable(),
  project_name: z.string(),
};

export const scheduledChangeAttributesSchema = z.object({
  ...scheduleShape,
  action: z.string(),
  // Only create a change when the revision has commits not yet used for this action here.
  new_commits_only: z.boolean(),
  // Null on asset targets, whose template version supplies the repository.
  git_rev: z.string().nullable(),
  git_remote_name: z.string().nullable(),
  project_code: z.string(),
  environment_code: z.string().nullable(),
  environment_name: z.string().nullable(),
  asset_code: z.string().nullable(),
  asset_name: z.string().nullable(),
});
export type ScheduledChangeAttributes = z.infer<typeof scheduledChangeAttributesSchema>;
export type ScheduledChange = ScheduledChangeAttributes & { id: string };

export const scheduledWorkflowAttributesSchema = z.object({
  ...scheduleShape,
  workflow_code: z.string(),
  version: z.number().int(),
  project_code: z.string().nullable(),
});
export type ScheduledWorkflowAttributes = z.infer<typeof scheduledWorkflowAttributesSchema>;
export type ScheduledWorkflow = ScheduledWorkflowAttributes & { id: string };

export const scheduledChangeResourceSchema = resourceSchema(
  'scheduled_change',
  scheduledChangeAttributesSchema,
);
export type ScheduledChangeResource = z.infer<typeof scheduledChangeResourceSchema>;
export const scheduledWorkflowResourceSchema = resourceSchema(
  'scheduled_workflow',
  scheduledWorkflowAttributesSchema,
);
export type ScheduledWorkflowResource = z.infer<typeof scheduledWorkflowResourceSchema>;

export const scheduledActivityResourceSchema = z.discriminatedUnion('type', [
  scheduledChangeResourceSchema,
  scheduledWorkflowResourceSchema,
]);
export type ScheduledActivityResource = z.infer<typeof scheduledActivityResourceSchema>;

// `has_any`: whether any schedule exists before filtering (for empty states).
export const scheduledActivityListMetaSchema = z.object({ has_any: z.boolean().optional() });
export type ScheduledActivityListMeta = z.infer<typeof scheduledActivityListMetaSchema>;

export const scheduledActivityDocumentSchema = singleDocument(scheduledActivityResourceSchema);
export type ScheduledActivityDocument = z.infer<typeof scheduledActivityDocumentSchema>;
export const scheduledActivityListDocumentSchema = listDocument(
  scheduledActivityResourceSchema,
  scheduledActivityListMetaSchema,
);
export type ScheduledActivityListDocument = z.infer<typeof scheduledActivityListDocumentSchema>;

export const scheduledChangeDocumentSchema = singleDocument(scheduledChangeResourceSchema);
export type ScheduledChangeDocument = z.infer<typeof scheduledChangeDocumentSchema>;
export const scheduledChangeListDocumentSchema = listDocument(
  scheduledChangeResourceSchema,
  scheduledActivityListMetaSchema,
);
export type ScheduledChangeListDocument = z.infer<typeof scheduledChangeListDocumentSchema>;

export const scheduledWorkflowDocumentSchema = singleDocument(scheduledWorkflowResourceSchema);
export type ScheduledWorkflowDocument = z.infer<typeof scheduledWorkflowDocumentSchema>;
export const scheduledWorkflowListDocumentSchema = listDocument(
  scheduledWorkflowResourceSchema,
  scheduledActivityListMetaSchema,
);
export type ScheduledWorkflowListDocument = z.infer<typeof scheduledWorkflowListDocumentSchema>;
