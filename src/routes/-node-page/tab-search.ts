import { z } from 'zod';
import { listSearchSchema, listSearchShape } from '@/lib/list-search';
import { activitySearchSchema } from '@/features/changes/activity-search';
import type { NodeTab } from '@/lib/node-tabs';
import { schedulesSearchSchema } from '@/features/schedules/schedules-search';
import { workflowsSearchSchema } from '@/features/workflows/workflows-search';

// Each tab route validates only its own search parameters, so one tab's filters never reach another.
// Bad values fall back to the defaults. List tabs (environments, assets, Git remotes) use listSearchSchema.

/** Properties and settings: the version on screen (the current one when absent), and edit mode or history. */
export const documentTabSearchSchema = z.object({
  version: z.number().int().positive().optional().catch(undefined),
  mode: z.enum(['edit', 'history']).optional().catch(undefined),
});

/** Templates: the list's filters and the template whose versions are open. */
export const templatesTabSearchSchema = z.object({
  ...listSearchShape,
  template: z.string().max(100).optional().catch(undefined),
});

/** MintModels: the one open. */
export const mintmodelsTabSearchSchema = z.object({
  mintmodel: z.string().max(100).optional().catch(undefined),
});

/** The search each tab's route validates (the same schemas its `validateSearch` uses). */
export const TAB_SEARCH_SCHEMAS: Record<NodeTab, z.ZodObject> = {
  overview: z.object({}),
  environments: listSearchSchema,
  assets: listSearchSchema,
  properties: documentTabSearchSchema,
  settings: documentTabSearchSchema,
  'git-remotes': listSearchSchema,
  templates: templatesTabSearchSchema,
  template: z.object({}),
  'converged-properties': z.object({}),
  mintmodels: mintmodelsTabSearchSchema,
  activity: activitySearchSchema,
  schedules: schedulesSearchSchema,
  workflows: workflowsSearchSchema,
};
