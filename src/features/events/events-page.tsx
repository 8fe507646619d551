import { Button, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { eventListQuery, type OpsChainEvent } from '@/api/events';
import { failureMessage } from '@/api/failures';
import { ErrorState } from '@/ui/error-state';
import { EventFilterBar } from './event-filter-bar';
import { EventsTable } from './events-table';
import { toEventFilters, type EventsSearch } from './events-search';

export interface EventsPageProps {
  search: EventsSearch;
  onSearchChange: (patch: Partial<EventsSearch>) => void;
}

/** Pages oldest-first answers into one newest-first list. */
export function newestFirst(pages: readonly { events: readonly OpsChainEvent[] }[]): OpsChainEvent[] {
  const seen = new Set<string>();
  const out: OpsChainEvent[] = [];
  for (const page of pages) {
    for (const event of [...page.events].reverse()) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      out.push(event);
    }
  }
  return out;
}

/** The audit trail: what happened, who did it, when; newest first, older pages on request. */
export function EventsPage({ search, onSearchChange }: EventsPageProps) {
  // The filter boxes send their text once typing pauses (EventFilterBar), so the URL, and with it the query,
  // changes once per pause rather than on every keystroke.
  const events = useInfiniteQuery(eventListQuery(toEventFilters(search)));

  const rows = events.data === undefined ? undefined : newestFirst(events.data.pages);
  const body = (
    <Stack gap="sm">
      <EventsTable
        events={rows}
        unreadable={events.data?.pages.flatMap((page) => page.unreadable)}
        failure={events.data === undefined && events.isError ? failureMessage(events.error) : null}
        onRetry={() => void events.refetch()}
        isFetching={events.isFetching}
      />
      {rows === undefined || rows.length === 0 ? null : (
        <>
          <Text size="xs" c="dimmed" aria-live="polite">
            {rows.length === 1 ? '1 event' : `${String(rows.length)} events`} shown
            {events.hasNextPage ? '; older ones exist.' : '; that is all of them.'}
          </Text>
          {events.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void events.fetchNextPage()}
              loading={events.isFetchingNextPage}
              w="fit-content"
            >
              Load older events
            </Button>
          ) : null}
          {events.isFetchNextPageError ? (
            <ErrorState
              title="Older events could not be loaded"
              message={failureMessage(events.error)}
              onRetry={() => void events.fetchNextPage()}
            />
          ) : null}
        </>
      )}
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Events</Title>
        <Text c="dimmed">
          The audit trail: every change of state in OpsChain, and custom events people posted.
        </Text>
      </Stack>
      <EventFilterBar search={search} onSearchChange={onSearchChange} />
      {body}
    </Stack>
  );
}
