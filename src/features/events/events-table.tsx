import { Button, Code, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable, type DataTableProps } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import type { OpsChainEvent } from '@/api/events';
import { nodeLinkOptions } from '@/lib/node-links';
import { parseNodePath } from '@/lib/node-path';
import { JsonView } from '@/ui/json-view';
import { AnchorLink } from '@/ui/router-links';
import { Timestamp } from '@/ui/timestamp';
import { StatusBadge } from '@/ui/status-badge';

const OWN_KEYS = new Set([
  'id',
  'username',
  'system',
  'type',
  'created_at',
  'relationships',
  'links',
  'meta',
  'source_link',
]);

/** What the event carries beyond its own attributes: request parameters, a custom event's data. */
export function eventDetails(event: OpsChainEvent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([key]) => !OWN_KEYS.has(key)));
}

function EventSource({ link }: { link: string | null }) {
  if (link === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const path = link.replace(/^\/api(?=\/)/, '');
  const node = parseNodePath(path);
  if (node === null) return <Code>{path}</Code>;
  return (
    <AnchorLink {...nodeLinkOptions(node)} size="sm">
      {path}
    </AnchorLink>
  );
}

export type EventsTableProps = Pick<
  DataTableProps<OpsChainEvent, never>,
  'failure' | 'onRetry' | 'isFetching' | 'unreadable'
> & {
  /** Newest first; undefined until the first answer. */
  events: readonly OpsChainEvent[] | undefined;
};

/** The audit events, newest first; each event's payload opens below it. */
export function EventsTable({ events, ...state }: EventsTableProps) {
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    setOpenIds((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const columns: readonly DataTableColumn<OpsChainEvent, never>[] = [
    {
      key: 'time',
      header: 'Time',
      isSticky: true,
      render: (event) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Timestamp value={event.created_at} />
        </Text>
      ),
    },
    {
      key: 'type',
      header: 'Type',
      render: (event) => (
        <>
          <Code>{event.type}</Code>{' '}
          {event.system ? null : (
            <StatusBadge tone="accent" size="xs">
              custom
            </StatusBadge>
          )}
        </>
      ),
    },
    { key: 'user', header: 'User', render: (event) => <Text size="sm">{event.username}</Text> },
    {
      key: 'source',
      header: 'Source',
      isLowPriority: true,
      render: (event) => <EventSource link={event.source_link} />,
    },
    {
      key: 'details',
      header: 'Details',
      render: (event) => {
        if (Object.keys(eventDetails(event)).length === 0) return null;
        const isOpen = openIds.has(event.id);
        return (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-expanded={isOpen}
            onClick={() => {
              toggle(event.id);
            }}
            aria-label={`${isOpen ? 'Hide' : 'Show'} details of ${event.type} at ${event.created_at}`}
          >
            {isOpen ? 'Hide' : 'Details'}
          </Button>
        );
      },
    },
  ];
  return (
    <DataTable
      {...state}
      label="Events, newest first"
      what="events"
      rows={events}
      rowKey={(event) => event.id}
      columns={columns}
      rowDetails={(event) =>
        openIds.has(event.id) ? (
          <JsonView value={eventDetails(event)} label={`Details of ${event.type}`} maxHeight={320} />
        ) : null
      }
      skeletonRows={8}
      emptyTitle="No events match"
      emptyHint="Widen the time range or clear the filters."
      minWidth={560}
    />
  );
}
