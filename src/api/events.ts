import type { EventFilterKey, EventSort } from '@contract/filters';
import type { JsonObject } from '@contract/json-api';
import { eventListDocumentSchema, EVENT_LIMIT_MAX, type EventAttributes } from '@contract/event';
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { UnreadableRow } from '@/lib/list-rows';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { fetchList, flatten, type Flat } from './json-api';

// The audit trail, `GET /api/events` (domain §11): the most recent `limit` matches, oldest first, with
// `meta.partial_response` when the limit cut the result. Older events are read by asking again with
// `filter[created_at_lt]=<oldest shown>`.

export type OpsChainEvent = Flat<EventAttributes, JsonObject | null | undefined> & {
  /** `relationships.source` link (`/api/projects/bank`), when the event has a source. */
  source_link: string | null;
};

/** What the events page filters on; every field optional. */
export interface EventFilters {
  /** Part of the type, `api:changes` or `maintenance`. */
  type?: string | undefined;
  username?: string | undefined;
  /** System events only (true), custom events only (false), or both. */
  system?: boolean | undefined;
  /** ISO timestamp: events created at or after it (`created_at >= from`). */
  from?: string | undefined;
  /** ISO timestamp: events created before it (`created_at < before`). */
  before?: string | undefined;
}

export interface EventPage {
  /** Oldest first, as the server sends them. */
  events: OpsChainEvent[];
  /** Events of this page the console could not read (shown marked, see UnreadableRowsNotice). */
  unreadable: UnreadableRow[];
  /** More matching events exist before the oldest of this page. */
  hasOlder: boolean;
}

export const EVENTS_PER_PAGE = 50;

export const eventKeys = {
  all: ['events'] as const,
  lists: () => [...eventKeys.all, 'list'] as const,
  list: (filters: EventFilters) => [...eventKeys.lists(), filters] as const,
};

/**
 * The ransack query for one page: the filters, with `created_at_lt` moved back to `olderThan` (the oldest
 * event already shown) when paging.
 */
export function eventQuery(
  filters: EventFilters,
  olderThan?: string,
): RansackQuery<EventFilterKey, EventSort> {
  const type = filters.type?.trim();
  const username = filters.username?.trim();
  return {
    filters: {
      type_cont: type === '' ? undefined : type,
      username_cont: username === '' ? undefined : username,
      system_eq: filters.system,
      created_at_gteq: filters.from,
      created_at_lt: olderThan ?? filters.before,
    },
  };
}

function sourceLink(relationships: OpsChainEvent['relationships']): string | null {
  const links = relationships.source?.links;
  return links?.source ?? links?.related ?? null;
}

export async function listEvents(
  filters: EventFilters,
  olderThan: string | undefined,
  signal?: AbortSignal,
  limit = EVENTS_PER_PAGE,
): Promise<EventPage> {
  const params = ransackParams(eventQuery(filters, olderThan));
  params.set('limit', String(Math.min(limit, EVENT_LIMIT_MAX)));
  const list = await fetchList(eventListDocumentSchema, '/events', { params, signal });
  const events = list.data.map((resource) => {
    const event = flatten(resource);
    return { ...event, source_link: sourceLink(event.relationships) };
  });
  return {
    events,
    unreadable: list.unreadable,
    hasOlder: list.meta?.partial_response === true && events.length > 0,
  };
}

/** Where the next (older) page starts: before the oldest event shown, or nothing when all are shown. */
export function olderPageParam(page: EventPage): string | undefined {
  if (!page.hasOlder) return undefined;
  let oldest: string | undefined;
  for (const event of page.events) {
    if (oldest === undefined || Date.parse(event.created_at) < Date.parse(oldest)) oldest = event.created_at;
  }
  return oldest;
}

export const eventListQuery = (filters: EventFilters) =>
  infiniteQueryOptions({
    queryKey: eventKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listEvents(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: olderPageParam,
  });
