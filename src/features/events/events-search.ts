import { z } from 'zod';
import type { EventFilters } from '@/api/events';

// The events page's URL: its filters, so a filtered audit view can be shared. Bad values are dropped.

export const EVENT_KINDS = ['system', 'custom'] as const;

const isoTime = z.iso.datetime({ offset: true }).optional().catch(undefined);

export const eventsSearchSchema = z.object({
  type: z.string().max(200).optional().catch(undefined),
  user: z.string().max(200).optional().catch(undefined),
  kind: z.enum(EVENT_KINDS).optional().catch(undefined),
  from: isoTime,
  to: isoTime,
});
export type EventsSearch = z.infer<typeof eventsSearchSchema>;

// The time boxes choose whole seconds (`step={1}`), so the range covers whole seconds, both ends included:
// "From 10:00:05" starts at 10:00:05.000000 and "Until 10:00:07" ends before 10:00:08, whatever fraction a
// shared link carries. What the boxes show is exactly what is filtered.
const SECOND_MS = 1000;

/** The start of the second `iso` falls in, in epoch milliseconds; undefined for nothing or garbage. */
function startOfSecond(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : Math.floor(time / SECOND_MS) * SECOND_MS;
}

function isoOf(epochMs: number | undefined): string | undefined {
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** True when Until names an earlier second than From, so no event can match. */
export function isReversedRange(search: Pick<EventsSearch, 'from' | 'to'>): boolean {
  const from = startOfSecond(search.from);
  const until = startOfSecond(search.to);
  return from !== undefined && until !== undefined && until < from;
}

/** The API filters for what the URL says. */
export function toEventFilters(search: EventsSearch): EventFilters {
  const until = startOfSecond(search.to);
  return {
    type: search.type,
    username: search.user,
    system: search.kind === undefined ? undefined : search.kind === 'system',
    from: isoOf(startOfSecond(search.from)),
    before: isoOf(until === undefined ? undefined : until + SECOND_MS),
  };
}
