import { z } from 'zod';

// The inbox's URL state (STYLE habit 7): which tab, whether items of others show, and the grouping.

export const approvalsSearchSchema = z.object({
  tab: z.enum(['approve', 'continue']).default('approve').catch('approve'),
  /** `all`: also what waits for others, each with the reason it is not the user's. */
  scope: z.enum(['mine', 'all']).default('mine').catch('mine'),
  group: z.enum(['none', 'run', 'target']).default('none').catch('none'),
  /** The item to put the keyboard on when the page opens (a desktop notification's click). */
  item: z.string().optional().catch(undefined),
});
export type ApprovalsSearch = z.infer<typeof approvalsSearchSchema>;
