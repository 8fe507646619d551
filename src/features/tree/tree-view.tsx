import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import {
  commandForKey,
  isTypeAheadKey,
  TypeAheadBuffer,
  typeAheadIndex,
  type TreeCommand,
} from './tree-keyboard';
import type { TreeRow } from './tree-model';
import { ROW_HEIGHT, TreeRowItem } from './tree-row';
import classes from './tree.module.css';

export interface TreeViewHandle {
  /** Moves keyboard focus into the tree, to the focusable row. */
  focus: () => void;
}

export interface TreeViewProps {
  ref?: Ref<TreeViewHandle>;
  rows: readonly TreeRow[];
  /** Scrolled into view once when it appears (a deep link's node, or a new selection). */
  revealPath: string | null;
  label: string;
  /** The row that takes Tab focus (roving tabindex); null for the first. */
  focusedPath: string | null;
  onFocusPath: (path: string) => void;
  onExpand: (paths: readonly string[]) => void;
  onCollapse: (path: string) => void;
  onOpen: (row: TreeRow, inNewTab: boolean) => void;
}

/**
 * The WAI-ARIA tree, flat and virtualised: only the rows in view (and the focused one) are in the DOM,
 * so 10,000 children scroll smoothly.
 */
export function TreeView({
  ref,
  rows,
  revealPath,
  label,
  focusedPath,
  onFocusPath,
  onExpand,
  onCollapse,
  onOpen,
}: TreeViewProps) {
  const baseId = useId();
  const viewportRef = useRef<HTMLDivElement>(null);
  const typeAhead = useRef(new TypeAheadBuffer());
  // Set when the keyboard moves focus to a row that may not be rendered yet.
  const pendingFocus = useRef<string | null>(null);
  const focusedIndex = Math.max(
    0,
    rows.findIndex((row) => row.node.path === focusedPath),
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual hands out fresh functions by design; the compiler then leaves this component unmemoised, which is what it needs
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.node.path ?? index,
    // The focused row stays rendered so Tab always finds it.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        return indexes.includes(focusedIndex) || focusedIndex >= rows.length
          ? indexes
          : [...indexes, focusedIndex].sort((a, b) => a - b);
      },
      [focusedIndex, rows.length],
    ),
  });

  const rowElement = (path: string) =>
    viewportRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ?? null;

  const focusRow = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    onFocusPath(row.node.path);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // A rendered row takes focus now: when the focused path does not change (the filter box's Down arrow
    // to the row already marked focusable) nothing re-renders, so the effect below would not run.
    const element = rowElement(row.node.path);
    if (element === null) pendingFocus.current = row.node.path;
    else element.focus({ preventScroll: true });
  };

  useImperativeHandle(ref, () => ({
    focus: () => {
      focusRow(focusedIndex);
    },
  }));

  // Brings a newly selected node into view, once, when its row exists.
  const revealed = useRef<string | null>(null);
  const revealIndex = revealPath === null ? -1 : rows.findIndex((row) => row.node.path === revealPath);
  useEffect(() => {
    if (revealIndex < 0 || revealed.current === revealPath) return;
    revealed.current = revealPath;
    virtualizer.scrollToIndex(revealIndex, { align: 'center' });
  }, [revealIndex, revealPath, virtualizer]);

  const run = (command: TreeCommand, row: TreeRow) => {
    switch (command.type) {
      case 'focus':
        focusRow(command.index);
        return;
      case 'expand':
        onExpand([command.path]);
        return;
      case 'expand-siblings':
        onExpand(command.paths);
        return;
      case 'collapse':
        onCollapse(command.path);
        return;
      case 'open':
        onOpen(row, false);
        return;
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    const command = commandForKey(rows, index, event);
    if (command !== null) {
      event.preventDefault();
      run(command, row);
      return;
    }
    if (isTypeAheadKey(event)) {
      const target = typeAheadIndex(rows, index, typeAhead.current.add(event.key, event.timeStamp));
      if (target !== null) {
        event.preventDefault();
        focusRow(target);
      }
    }
  };

  const handleActivate = (row: TreeRow, event: MouseEvent) => {
    onFocusPath(row.node.path);
    onOpen(row, event.ctrlKey || event.metaKey);
  };
  const handleToggle = (target: TreeRow) => {
    if (target.isExpanded) onCollapse(target.node.path);
    else onExpand([target.node.path]);
  };
  const handleFocus = (row: TreeRow) => {
    if (row.node.path !== focusedPath) onFocusPath(row.node.path);
  };

  // Rows are memoised (TreeRowItem): they get handlers that never change, which call the latest ones.
  const latest = useRef({ handleKeyDown, handleActivate, handleToggle, handleFocus });
  useLayoutEffect(() => {
    latest.current = { handleKeyDown, handleActivate, handleToggle, handleFocus };
  });
  const onRowKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>, index: number) => {
    latest.current.handleKeyDown(event, index);
  }, []);
  const onRowActivate = useCallback((row: TreeRow, event: MouseEvent) => {
    latest.current.handleActivate(row, event);
  }, []);
  const onRowToggle = useCallback((row: TreeRow) => {
    latest.current.handleToggle(row);
  }, []);
  const onRowFocus = useCallback((row: TreeRow) => {
    latest.current.handleFocus(row);
  }, []);

  // Moves DOM focus once the row the keyboard asked for is rendered (it may have been scrolled out).
  useEffect(() => {
    const path = pendingFocus.current;
    if (path === null) return;
    const element = rowElement(path);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  return (
    <div ref={viewportRef} className={classes.viewport}>
      <div
        role="tree"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <TreeRowItem
              key={item.key}
              row={row}
              index={item.index}
              id={`${baseId}-${String(item.index)}`}
              isFocusable={item.index === focusedIndex}
              top={item.start}
              onToggle={onRowToggle}
              onActivate={onRowActivate}
              onKeyDown={onRowKeyDown}
              onFocus={onRowFocus}
            />
          );
        })}
      </div>
    </div>
  );
}
