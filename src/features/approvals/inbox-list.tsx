import { Stack, Title } from '@mantine/core';
import type { Ref } from 'react';
import type { InboxDecision } from '@/api/approvals';
import { InboxItemRow } from './inbox-item-row';
import type { InboxGroup } from './inbox-view';

export interface InboxListProps {
  groups: readonly InboxGroup[];
  label: string;
  activeKey: string | null;
  selected: ReadonlySet<string>;
  busyKeys: ReadonlySet<string>;
  listRef: Ref<HTMLDivElement>;
  onFocusRow: (key: string) => void;
  onToggle: (key: string, isRange: boolean) => void;
  onDecide: (key: string, decision: InboxDecision) => void;
  onNavigate: (href: string) => void;
}

/** The waiting items, in groups when grouped (a heading per run or target). */
export function InboxList({
  groups,
  label,
  activeKey,
  selected,
  busyKeys,
  listRef,
  ...handlers
}: InboxListProps) {
  return (
    <Stack gap="md" ref={listRef}>
      {groups.map((group) => (
        <section key={group.title ?? ''} aria-label={group.title ?? label}>
          {group.title === null ? null : (
            <Title order={3} size="h5" mb="xs">
              {group.title}
            </Title>
          )}
          <ul aria-label={group.title ?? label} style={{ margin: 0, padding: 0, display: 'grid', gap: 8 }}>
            {group.rows.map((row) => (
              <InboxItemRow
                key={row.item.key}
                row={row}
                isActive={row.item.key === activeKey}
                isSelected={selected.has(row.item.key)}
                isBusy={busyKeys.has(row.item.key)}
                {...handlers}
              />
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}
