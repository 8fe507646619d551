import { useEffect, useState, type RefObject } from 'react';
import type { ActivityRow } from '@/api/activity';
import { activityRowKey } from './activity-table';
import { nextHeldRows, releaseHeldRows, startHolding, visibleRows, type HeldRows } from './held-rows';

/** Height of the app's header: a list scrolled under it is out of view. */
const HEADER_OFFSET_PX = 70;

/**
 * Whether the element (the top edge of a list) is scrolled up out of view. Changes only when the edge
 * crosses the viewport's top, so scrolling does not re-render the list.
 */
export function useIsScrolledPast(ref: RefObject<HTMLElement | null>): boolean {
  const [isPast, setPast] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry === undefined) return;
        setPast(!entry.isIntersecting && entry.boundingClientRect.top < HEADER_OFFSET_PX);
      },
      { rootMargin: `-${String(HEADER_OFFSET_PX)}px 0px 0px 0px` },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return isPast;
}

interface Snapshot {
  rows: readonly ActivityRow[];
  isHolding: boolean;
  wasComplete: boolean;
  held: HeldRows;
}

export interface HeldRowsView {
  /** The rows to show (new ones held back while scrolled down); undefined until the first answer. */
  rows: readonly ActivityRow[] | undefined;
  /** How many new rows wait behind the cue. */
  heldCount: number;
  release: () => void;
}

/**
 * The live list's rows with new ones held back while `isScrolledDown` (see held-rows.ts). Nothing is held
 * while the first load streams in (its batches add older rows below).
 */
export function useHeldRows(
  rows: readonly ActivityRow[] | undefined,
  isComplete: boolean,
  isScrolledDown: boolean,
): HeldRowsView {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  let current = snapshot;
  // Adjusting state while rendering (react.dev, "You might not need an effect"): no paint with new rows shown.
  if (rows !== undefined && (current?.rows !== rows || current.isHolding !== isScrolledDown)) {
    const keys = rows.map(activityRowKey);
    const held =
      current?.wasComplete !== true ? startHolding(keys) : nextHeldRows(current.held, keys, isScrolledDown);
    current = { rows, isHolding: isScrolledDown, wasComplete: isComplete, held };
    setSnapshot(current);
  }
  return {
    rows:
      rows === undefined || current === null ? undefined : visibleRows(rows, current.held, activityRowKey),
    heldCount: current?.held.held.size ?? 0,
    release: () => {
      setSnapshot((previous) =>
        previous === null ? previous : { ...previous, held: releaseHeldRows(previous.held) },
      );
    },
  };
}
