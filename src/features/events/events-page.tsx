import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { eventListQuery, type OpsChainEvent } from '@/api/events';
import { failureMessage } from '@/api/failures';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { TableSkeleton } from '@/ui/table-skeleton';
import { UnreadableRowsNotice } from '@/ui/unreadable-rows-notice';
import { EventFilterBar } from './event-filter-bar';
import { EventRow } from './event-row';
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

  let body: ReactNode;
  if (events.isPending) body = <TableSkeleton label="Loading events" rows={8} />;
  else if (events.data === undefined) {
    body = (
      <ErrorState
        title="The events could not be loaded"
        message={failureMessage(events.error)}
        onRetry={() => void events.refetch()}
        isRetrying={events.isFetching}
      />
    );
  } else {
    const rows = newestFirst(events.data.pages);
    const unreadable = events.data.pages.flatMap((page) => page.unreadable);
    body =
      rows.length === 0 && unreadable.length === 0 ? (
        <EmptyState title="No events match">Widen the time range or clear the filters.</EmptyState>
      ) : (
        <Stack gap="sm">
          <UnreadableRowsNotice rows={unreadable} what="events" />
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-label="Events, newest first">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((event) => (
                  <EventRow key={event.id} event={event} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
        </Stack>
      );
  }

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
