import { Button, Code, Table, Text } from '@mantine/core';
import { useState } from 'react';
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

export interface EventRowProps {
  event: OpsChainEvent;
}

/** One audit event; its payload opens below it. */
export function EventRow({ event }: EventRowProps) {
  const [isOpen, setOpen] = useState(false);
  const details = eventDetails(event);
  const hasDetails = Object.keys(details).length > 0;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            <Timestamp value={event.created_at} />
          </Text>
        </Table.Td>
        <Table.Td>
          <Code>{event.type}</Code>{' '}
          {event.system ? null : (
            <StatusBadge tone="accent" size="xs">
              custom
            </StatusBadge>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{event.username}</Text>
        </Table.Td>
        <Table.Td>
          <EventSource link={event.source_link} />
        </Table.Td>
        <Table.Td>
          {hasDetails ? (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-expanded={isOpen}
              onClick={() => {
                setOpen((open) => !open);
              }}
              aria-label={`${isOpen ? 'Hide' : 'Show'} details of ${event.type} at ${event.created_at}`}
            >
              {isOpen ? 'Hide' : 'Details'}
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {isOpen ? (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <JsonView value={details} label={`Details of ${event.type}`} maxHeight={320} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
