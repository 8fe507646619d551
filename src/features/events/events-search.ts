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

/** The API filters for what the URL says. */
export function toEventFilters(search: EventsSearch): EventFilters {
  return {
    type: search.type,
    username: search.user,
    system: search.kind === undefined ? undefined : search.kind === 'system',
    from: search.from,
    to: search.to,
  };
}
