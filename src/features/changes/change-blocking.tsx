import { Alert, List, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { targetHolderQuery, type ChangeDetail } from '@/api/changes';
import { AnchorLink } from '@/ui/router-links';

export interface ChangeBlockingProps {
  detail: ChangeDetail;
}

/**
 * Why a pending change has not started (`meta`, domain §7.8): another change holds its target (changes on one
 * node run one at a time unless the settings allow parallel ones), and which pending changes are ahead.
 */
export function ChangeBlocking({ detail }: ChangeBlockingProps) {
  const meta = detail.change.meta;
  const queue = meta?.blocked_by_queue ?? [];
  const isHeld = meta?.blocked_by_change_in_same_parent === true;
  const isPending = detail.change.status_code === 'pending';
  const holder = useQuery({
    ...targetHolderQuery(detail.targetPath ?? '', detail.change.id),
    enabled: isPending && isHeld && detail.targetPath !== null,
  }).data;
  if (!isPending || (!isHeld && queue.length === 0)) return null;
  return (
    <Alert variant="light" color="gray" icon={<IconHourglass aria-hidden />} title="Waiting to start">
      {isHeld ? (
        <Text size="sm">
          {holder === undefined || holder === null ? (
            'Another change on this target is running'
          ) : (
            <>
              Waiting for change{' '}
              <AnchorLink to="/changes/$changeId" params={{ changeId: holder.id }}>
                {holder.action}
              </AnchorLink>{' '}
              ({holder.status_code.replaceAll('_', ' ')}, started by {holder.created_by}) on this target
            </>
          )}
          ; this one starts when it has finished.
        </Text>
      ) : null}
      {queue.length > 0 ? (
        <>
          <Text size="sm">
            Position {queue.length + 1} in the queue of this target, after{' '}
            {queue.length === 1 ? 'change' : 'changes'}:
          </Text>
          <List size="sm">
            {queue.map((id) => (
              <List.Item key={id}>
                <AnchorLink to="/changes/$changeId" params={{ changeId: id }}>
                  {id}
                </AnchorLink>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Alert>
  );
}
