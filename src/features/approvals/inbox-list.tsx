import { Stack, Title } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react';
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

/**
 * From this many items the list renders only the rows in and near view (500 waiting items took seconds to
 * render in full); shorter lists render every row, so a screen reader meets the whole list.
 */
export const INBOX_WINDOW_FROM = 100;

/** The waiting items, in groups when grouped (a heading per run or target). */
export function InboxList(props: InboxListProps) {
  const count = props.groups.reduce((sum, group) => sum + group.rows.length, 0);
  return count >= INBOX_WINDOW_FROM ? (
    <WindowedInboxList {...props} count={count} />
  ) : (
    <FullInboxList {...props} />
  );
}

type Entry =
  | { kind: 'title'; key: string; title: string }
  | { kind: 'row'; key: string; row: InboxGroup['rows'][number]; position: number };

/** Group titles and rows in one sequence, rows numbered 1… across groups. */
function entriesOf(groups: readonly InboxGroup[]): Entry[] {
  const entries: Entry[] = [];
  let position = 0;
  for (const group of groups) {
    if (group.title !== null)
      entries.push({ kind: 'title', key: `title:${group.title}`, title: group.title });
    for (const row of group.rows) {
      position += 1;
      entries.push({ kind: 'row', key: row.item.key, row, position });
    }
  }
  return entries;
}

/**
 * Long inboxes: one list whose rows outside the window's view are not rendered (the page scrolls, not the
 * list). Each row keeps its place in the whole (`aria-posinset` / `aria-setsize`), and moving the active
 * row with the keyboard scrolls it into view and moves focus to it once it is rendered.
 */
function WindowedInboxList({
  groups,
  label,
  activeKey,
  selected,
  busyKeys,
  listRef,
  count,
  ...handlers
}: InboxListProps & { count: number }) {
  const entries = useMemo(() => entriesOf(groups), [groups]);
  const containerRef = useRef<HTMLUListElement | null>(null);
  // Where the list starts in the page (the window scrolls, not the list).
  const [scrollMargin, setScrollMargin] = useState(0);
  const measureList = useCallback((list: HTMLUListElement | null) => {
    containerRef.current = list;
    if (list !== null) setScrollMargin(list.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: entries.length,
    estimateSize: (index) => (entries[index]?.kind === 'title' ? 40 : 104),
    overscan: 8,
    getItemKey: (index) => entries[index]?.key ?? index,
    scrollMargin,
  });
  const activeIndex = activeKey === null ? -1 : entries.findIndex((entry) => entry.key === activeKey);
  // When the active row changes (j / k anywhere on the page), bring it into view and focus it once rendered;
  // not on opening, which must not move focus or scroll.
  const shownKey = useRef(activeKey);
  useEffect(() => {
    if (activeKey === shownKey.current || activeKey === null || activeIndex < 0) return undefined;
    shownKey.current = activeKey;
    const list = containerRef.current;
    const focusIsFree =
      document.activeElement === document.body || list?.contains(document.activeElement) === true;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    if (list === null || !focusIsFree) return undefined;
    // The row renders once the scroll has been seen: look for it over a few frames.
    let frame = 0;
    let tries = 0;
    const focusWhenRendered = () => {
      const row = list.querySelector<HTMLElement>(`[data-key="${CSS.escape(activeKey)}"]`);
      if (row !== null) {
        if (row !== document.activeElement) row.focus();
      } else if (tries < 10) {
        tries += 1;
        frame = requestAnimationFrame(focusWhenRendered);
      }
    };
    frame = requestAnimationFrame(focusWhenRendered);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [activeIndex, activeKey, virtualizer]);
  return (
    <div ref={listRef}>
      <ul
        ref={measureList}
        aria-label={label}
        style={{ margin: 0, padding: 0, position: 'relative', height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (entry === undefined) return null;
          const place = {
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${String(item.start - virtualizer.options.scrollMargin)}px)`,
          } as const;
          return entry.kind === 'title' ? (
            <li
              key={item.key}
              role="presentation"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={place}
            >
              <Title order={3} size="h5" mb="xs">
                {entry.title}
              </Title>
            </li>
          ) : (
            <InboxItemRow
              key={item.key}
              row={entry.row}
              isActive={entry.key === activeKey}
              isSelected={selected.has(entry.key)}
              isBusy={busyKeys.has(entry.key)}
              windowed={{
                index: item.index,
                measure: virtualizer.measureElement,
                style: place,
                setSize: count,
                positionInSet: entry.position,
              }}
              {...handlers}
            />
          );
        })}
      </ul>
    </div>
  );
}

function FullInboxList({
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
