import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { statusLabel } from '@/lib/step-tree';
import type { VisibleStep } from '@/lib/step-tree-nav';
import { ElapsedTime } from './step-clock';
import classes from './step-graph.module.css';
import { StepStatusIcon } from './step-status-icon';

// The step tree as an ARIA tree (WAI-ARIA APG "tree view"): one tab stop, arrows move, Right/Left
// expand, collapse or go to the parent, Home/End, Enter or Space selects. Statuses are words. Long
// outlines render only the rows in view; each row still carries its level and position.

const ROW_HEIGHT = 32;
/** Up to this many rows render plainly; more are windowed. */
const WINDOW_FROM = 300;

export interface StepOutlineProps {
  rows: readonly VisibleStep[];
  collapsed: ReadonlySet<string>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  label: string;
  /** Ids of the steps matching the search, to mark. */
  matches: ReadonlySet<string>;
  /** CSS height the outline scrolls within. */
  height: number | string;
}

const itemDomId = (id: string) => `step-outline-${id}`;

export function StepOutline({
  rows,
  collapsed,
  selectedId,
  onSelect,
  onToggle,
  label,
  matches,
  height,
}: StepOutlineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The roving tab stop follows the selection when the selection changes elsewhere (graph, "next" jumps).
  const [active, setActive] = useState({ id: selectedId, forSelection: selectedId });
  if (active.forSelection !== selectedId) setActive({ id: selectedId, forSelection: selectedId });
  // Set when the keyboard moves focus to a row that is not rendered yet.
  const pendingFocus = useRef<string | null>(null);
  const indexOf = new Map(rows.map((row, i) => [row.node.id, i]));
  const activeIndex = (active.id === undefined ? undefined : indexOf.get(active.id)) ?? 0;
  const isWindowed = rows.length > WINDOW_FROM;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual hands out fresh functions by design; the compiler then leaves this component unmemoised, which is what it needs
  const virtualizer = useVirtualizer({
    count: isWindowed ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.node.id ?? index,
    // The row with the tab stop stays rendered so Tab always finds it.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        return indexes.includes(activeIndex) || activeIndex >= range.count
          ? indexes
          : [...indexes, activeIndex].sort((a, b) => a - b);
      },
      [activeIndex],
    ),
  });

  const rowElement = (id: string) =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(id)}"]`) ?? null;

  // Brings the selected step into view when the selection changes.
  const selectedIndex = selectedId === undefined ? undefined : indexOf.get(selectedId);
  useEffect(() => {
    if (selectedIndex === undefined || selectedId === undefined) return;
    if (isWindowed) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    else
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(selectedId)}"]`)
        ?.scrollIntoView({ block: 'nearest' });
  }, [isWindowed, selectedIndex, selectedId, virtualizer]);

  // Focus that waited for its row to render.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(id)}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[target];
    if (row === undefined) return;
    setActive({ id: row.node.id, forSelection: selectedId });
    if (isWindowed) virtualizer.scrollToIndex(target, { align: 'auto' });
    const element = rowElement(row.node.id);
    if (element === null) pendingFocus.current = row.node.id;
    else element.focus({ preventScroll: isWindowed });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[activeIndex];
    if (row === undefined) return;
    const hasChildren = row.node.children.length > 0;
    const isOpen = hasChildren && !collapsed.has(row.node.id);
    const keys: Record<string, () => void> = {
      ArrowDown: () => {
        moveTo(activeIndex + 1);
      },
      ArrowUp: () => {
        moveTo(activeIndex - 1);
      },
      Home: () => {
        moveTo(0);
      },
      End: () => {
        moveTo(rows.length - 1);
      },
      ArrowRight: () => {
        if (hasChildren && !isOpen) onToggle(row.node.id);
        else if (isOpen) moveTo(activeIndex + 1);
      },
      ArrowLeft: () => {
        if (isOpen) onToggle(row.node.id);
        else if (row.parentId !== null) moveTo(indexOf.get(row.parentId) ?? activeIndex);
      },
      Enter: () => {
        onSelect(row.node.id);
      },
      ' ': () => {
        onSelect(row.node.id);
      },
    };
    const action = keys[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  };

  const renderRow = (row: VisibleStep, index: number, top?: number) => {
    const { node } = row;
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && !collapsed.has(node.id);
    const isSelected = node.id === selectedId;
    return (
      <div
        key={node.id}
        id={itemDomId(node.id)}
        role="treeitem"
        aria-level={row.depth + 1}
        aria-posinset={row.position}
        aria-setsize={row.siblings}
        aria-selected={isSelected}
        aria-expanded={hasChildren ? isOpen : undefined}
        tabIndex={index === activeIndex ? 0 : -1}
        data-step-id={node.id}
        className={classes.item}
        style={{
          paddingLeft: 8 + row.depth * 16,
          ...(top === undefined ? {} : { position: 'absolute', top, left: 0, right: 0 }),
        }}
        onClick={() => {
          setActive({ id: node.id, forSelection: selectedId });
          onSelect(node.id);
        }}
      >
        <span
          className={classes.twisty}
          aria-hidden="true"
          onClick={(event) => {
            if (!hasChildren) return;
            event.stopPropagation();
            onToggle(node.id);
          }}
        >
          {hasChildren && (isOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />)}
        </span>
        <StepStatusIcon status={node.status} />
        <span className={matches.has(node.id) ? classes.match : undefined}>{node.name}</span>
        <span className={classes.dimmed}>
          {statusLabel(node.status)}
          {node.started_at !== null && ', '}
          <ElapsedTime startedAt={node.started_at} finishedAt={node.finished_at} />
        </span>
      </div>
    );
  };

  return (
    <div ref={scrollRef} className={classes.outline} style={{ maxHeight: height }}>
      <div
        role="tree"
        aria-label={label}
        onKeyDown={handleKeyDown}
        style={isWindowed ? { position: 'relative', height: virtualizer.getTotalSize() } : undefined}
      >
        {isWindowed
          ? virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return row === undefined ? null : renderRow(row, item.index, item.start);
            })
          : rows.map((row, index) => renderRow(row, index))}
      </div>
    </div>
  );
}
