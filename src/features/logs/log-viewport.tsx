import { useComputedColorScheme } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { LogStore } from '@/lib/log-store';
import type { LineRange } from '@/lib/log-line-link';
import { formatLogTime, logTimeTitle, type LogTimeMode } from '@/lib/log-time';
import { LogRow } from './log-row';
import classes from './log-pane.module.css';

const ROW_HEIGHT = 20;

/** What the pane can ask of the viewport. */
export interface LogViewportHandle {
  /** Scrolls row `row` (of the view) into the middle. */
  scrollToRow: (row: number) => void;
  scrollToEnd: () => void;
  scrollToStart: () => void;
  focus: () => void;
  /** Scrolls the page so the viewport is in view. */
  reveal: () => void;
}

export interface LogViewportProps {
  store: LogStore;
  /** Bumped when lines arrive (the store itself is mutated in place). */
  version: number;
  /** Lines shown, as indexes into the store; null for all. */
  view: Int32Array | null;
  timeMode: LogTimeMode;
  isWrapped: boolean;
  isFollowing: boolean;
  selection: LineRange | null;
  /** Line index (0-based) of the current search match, or -1. */
  currentLine: number;
  pattern: RegExp | null;
  onLineClick: (line: number, isExtending: boolean) => void;
  /** The reader scrolled: up (never the pane's own following) or not, and whether the end is in view. */
  onScrolled: (scroll: { isUp: boolean; isAtEnd: boolean }) => void;
  /** The reader moved the pane themselves (wheel, keys, its scroll bar), not the pane scrolling itself. */
  onReaderScroll?: (() => void) | undefined;
  handleRef: Ref<LogViewportHandle>;
}

/** Keys that scroll the pane. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

export function LogViewport(props: LogViewportProps) {
  const { store, version, view, isFollowing, onScrolled } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastTop = useRef(0);
  const count = view === null ? store.length : view.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual hands out fresh functions by design; the compiler then leaves this component unmemoised, which is what it needs
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // Rows are one line high unless wrapped: only wrapped rows are measured (measuring every row that scrolls
  // into view costs a layout each, and a million-line log scrolls through thousands).
  const { isWrapped } = props;
  useEffect(() => {
    virtualizer.measure();
  }, [isWrapped, virtualizer]);
  // Read once for all rows (a media-query listener per row was a measurable part of scrolling).
  const scheme = useComputedColorScheme('light');
  const lineOf = useCallback((row: number) => (view === null ? row : (view[row] ?? 0)), [view]);

  useImperativeHandle(props.handleRef, () => ({
    scrollToRow: (row) => {
      virtualizer.scrollToIndex(row, { align: 'center' });
    },
    scrollToEnd: () => {
      if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
    },
    scrollToStart: () => {
      virtualizer.scrollToOffset(0);
    },
    focus: () => scrollRef.current?.focus(),
    reveal: () => scrollRef.current?.scrollIntoView({ block: 'nearest' }),
  }));

  // Follow: stay at the end as lines arrive.
  useEffect(() => {
    if (isFollowing && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [isFollowing, count, version, virtualizer]);

  const handleScroll = () => {
    const el = scrollRef.current;
    if (el === null) return;
    const isUp = el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    onScrolled({ isUp, isAtEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2 });
  };

  const startMs = store.length > 0 ? store.time(0) : Number.NaN;
  const { selection, currentLine, pattern, timeMode, onLineClick } = props;
  return (
    <div
      ref={scrollRef}
      className={[classes.viewport, isWrapped ? classes.wrap : ''].join(' ')}
      tabIndex={0}
      role="region"
      aria-label="Log lines"
      onScroll={handleScroll}
      // Wheel and keys up are the reader's own: they pause following even in a frame where the pane also
      // scrolls itself to the newest line.
      onWheel={(event) => {
        props.onReaderScroll?.();
        if (event.deltaY < 0) onScrolled({ isUp: true, isAtEnd: false });
      }}
      onPointerDown={() => props.onReaderScroll?.()}
      onKeyDown={(event) => {
        if (SCROLL_KEYS.has(event.key)) props.onReaderScroll?.();
        if (event.key === 'PageUp' || event.key === 'ArrowUp') onScrolled({ isUp: true, isAtEnd: false });
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lineOf(item.index);
          const number = line + 1;
          const time = store.time(line);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={isWrapped ? virtualizer.measureElement : undefined}
              className={classes.row}
              style={{ transform: `translateY(${String(item.start)}px)` }}
            >
              <LogRow
                line={line}
                raw={store.rawMessage(line)}
                flags={store.flags(line)}
                time={formatLogTime(time, timeMode, startMs)}
                timeTitle={logTimeTitle(time)}
                isSelected={selection !== null && number >= selection.start && number <= selection.end}
                isCurrentMatch={line === currentLine}
                pattern={pattern}
                scheme={scheme}
                onLineClick={onLineClick}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
