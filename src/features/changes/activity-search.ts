import { ACTIVITY_STATUSES, type ActivityStatus } from '@contract/change';
import { z } from 'zod';
import type { ActivityFilters, ActivityKind } from '@/api/activity';
import { wholeSecondRange } from '@/lib/local-time';

// The activity list's URL (the global page and every node's Activity tab): its filters, so a filtered view
// can be shared. Bad values are dropped rather than failing the page.

export const ACTIVITY_KINDS = ['change', 'workflow_run'] as const satisfies readonly ActivityKind[];

const text = z.string().max(200).optional().catch(undefined);
const isoTime = z.iso.datetime({ offset: true }).optional().catch(undefined);

function isActivityStatus(value: unknown): value is ActivityStatus {
  return ACTIVITY_STATUSES.some((status) => status === value);
}

/** Known statuses only, each once; a single value (`?status=running`) counts as a list of one. */
const statuses = z
  .unknown()
  .transform((value): ActivityStatus[] | undefined => {
    const values = Array.isArray(value) ? value : [value];
    const known = [...new Set(values.filter(isActivityStatus))];
    return known.length === 0 ? undefined : known;
  })
  .optional();

/** A metadata key path: letters, digits, `_`, `-`, `.`, with commas between nested keys. */
export const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/;

export const activitySearchSchema = z.object({
  status: statuses,
  action: text,
  target: text,
  user: text,
  from: isoTime,
  to: isoTime,
  meta_key: z.string().max(200).regex(METADATA_KEY_PATTERN).optional().catch(undefined),
  meta_value: text,
  kind: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
});
export type ActivitySearch = z.infer<typeof activitySearchSchema>;

/** The URL's filters as the API's; a metadata value without a key (or a key without value) filters nothing. */
export function toActivityFilters(search: ActivitySearch): ActivityFilters {
  const range = wholeSecondRange(search.from, search.to);
  const filters: ActivityFilters = {
    statuses: search.status,
    action: search.action,
    targetPrefix: search.target,
    createdBy: search.user,
    from: range.from,
    before: range.before,
    metadataKey: search.meta_key,
    metadataValue: search.meta_key === undefined ? undefined : search.meta_value,
    kind: search.kind,
  };
  // Undefined keys are dropped, so equal filters make equal query keys whatever the URL spelled out.
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

/** Whether any filter narrows the list (an empty answer then means "nothing matches"). */
export function isFiltered(search: ActivitySearch): boolean {
  const { status, action, target, user, from, to, meta_key, meta_value, kind } = search;
  return [status, action, target, user, from, to, meta_key, meta_value, kind].some(
    (value) => value !== undefined,
  );
}
