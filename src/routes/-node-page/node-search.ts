import { z } from 'zod';
import { listSearchShape } from '@/lib/list-search';
import { nodeTabSearchSchema } from '@/lib/node-tabs';

// The search parameters of every node page: the tab, the list filters of list tabs, and what a tab has
// open (a properties version, a template, a MintModel). Bad values fall back to the defaults.
export const nodePageSearchSchema = z.object({
  tab: nodeTabSearchSchema,
  ...listSearchShape,
  version: z.number().int().positive().optional().catch(undefined),
  template: z.string().max(100).optional().catch(undefined),
  mintmodel: z.string().max(100).optional().catch(undefined),
});
export type NodePageSearch = z.infer<typeof nodePageSearchSchema>;
