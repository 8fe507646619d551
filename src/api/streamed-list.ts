import type { QueryClient, QueryFunction, QueryKey } from '@tanstack/react-query';
import type { RowList, UnreadableRow } from '@/lib/list-rows';
import { yieldToEventLoop } from '@/lib/yield-to-event-loop';

// A list whose items arrive in batches (see `apiListStream`): the cache shows what has come so far, so a
// level of 10,000 assets paints its first rows at once and fills in while the rest downloads.

export interface StreamedList<T> {
  items: readonly T[];
  /** Members of the list that did not match the contract (shown marked, see UnreadableRowsNotice). */
  unreadable: readonly UnreadableRow[];
  /** False while more items are on their way (the first load only; see streamedListQueryFn). */
  complete: boolean;
}

/**
 * A query function for a streamed list. On the first load (or after a failed one) each batch is written to
 * the cache as it arrives, with `complete: false`; a refetch of a complete list keeps showing the old one and
 * swaps in the new list once it has fully arrived, so a background refresh never shrinks what is on screen.
 */
export function streamedListQueryFn<T, K extends QueryKey>(
  stream: (signal: AbortSignal) => AsyncIterable<RowList<T>>,
): QueryFunction<StreamedList<T>, K> {
  return async ({ client, queryKey, signal }) => {
    const previous = client.getQueryData<StreamedList<T>>(queryKey);
    const progressive = previous?.complete !== true;
    let items: T[] = [];
    let unreadable: UnreadableRow[] = [];
    for await (const batch of stream(signal)) {
      items = items.concat(batch.items);
      if (batch.unreadable.length > 0) unreadable = unreadable.concat(batch.unreadable);
      if (progressive) {
        client.setQueryData<StreamedList<T>>(queryKey, { items, unreadable, complete: false });
        await paintOpportunity();
      }
    }
    return { items, unreadable, complete: true };
  };
}

/**
 * The query options of a streamed list: its key and function, and no structural sharing. Sharing would
 * compare every item already shown with itself on each batch (tens of milliseconds per batch at 10,000
 * assets, on the main thread); batches keep the items they share with the previous one anyway.
 */
export function streamedListOptions<T, K extends QueryKey>(
  queryKey: K,
  stream: (signal: AbortSignal) => AsyncIterable<RowList<T>>,
) {
  return { queryKey, queryFn: streamedListQueryFn<T, K>(stream), structuralSharing: false } as const;
}

/** Longest wait for a frame: a hidden tab gets none, and its list must still load. */
const FRAME_WAIT_MS = 50;

/**
 * Lets the browser render and paint the rows just written before the next batch is worked on (parsing a
 * long list keeps the main thread busy; without a pause the first rows would show only at the end). First a
 * task, in which React Query tells the screens of the new data (it notifies in a timeout) and React renders;
 * then the next frame, which paints it; then a task after that frame.
 */
export async function paintOpportunity(): Promise<void> {
  await yieldToEventLoop();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}

/** Longest a list no screen shows waits for one before its next batch is read. */
const UNSHOWN_WAIT_MS = 2000;

/**
 * The pause between two batches of a list no screen shows yet (a prefetch on link intent, or a page whose
 * code is still loading): until a screen shows it, or UNSHOWN_WAIT_MS at most. Parsing rows nobody sees
 * would hold up the page's code and first render, and the first batch is already there to show.
 */
export async function untilShown(
  client: QueryClient,
  queryKey: QueryKey,
  signal: AbortSignal,
): Promise<void> {
  if (isShown(client, queryKey)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, UNSHOWN_WAIT_MS);
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'observerAdded' && isShown(client, queryKey)) done();
    });
    signal.addEventListener('abort', done);
  });
}

/** Whether a screen shows the query (has an observer): `client` and `queryKey` as a query function gets them. */
export function isShown(client: QueryClient, queryKey: QueryKey): boolean {
  return (client.getQueryCache().find({ queryKey, exact: true })?.getObserversCount() ?? 0) > 0;
}
