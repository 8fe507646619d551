import { ApiError } from '@/api/errors';
import { BULK_PAGE, fetchLogPage, FIRST_PAGE, type LogPage, type LogScope } from '@/api/log-lines';
import { LogStore } from '@/lib/log-store';
import { advanceCursor, nextTailStep, START_CURSOR } from '@/lib/log-tail';

// Loads a log into a LogStore and keeps it up to date: pages one after another while answers are partial
// (a finished change's whole log), then polls every POLL_MS while the change runs, and stops after the change
// has finished and one more poll brought nothing (README "Tailing logs"). Listeners hear after every page.

export const POLL_MS = 1000;
const RETRY_MS = 3000;
/** While a long log loads page after page, how often the pane re-renders. */
const NOTIFY_MS = 250;

export interface FeedState {
  /** Bumped whenever lines arrive or the status changes. */
  version: number;
  /** Every line the log has is loaded and no more will come. */
  isDone: boolean;
  /** Why the last request failed (a retry follows unless the log is gone), or null. */
  failure: string | null;
  /** Lines the console could not read (reported in the browser console), not shown. */
  unreadableCount: number;
}

function describe(error: unknown): string {
  if (error instanceof ApiError && error.status === 404)
    return 'This log no longer exists or you may not read it.';
  return error instanceof Error ? error.message : 'The log lines could not be loaded.';
}

export class LogFeed {
  readonly store = new LogStore();
  private state: FeedState = { version: 0, isDone: false, failure: null, unreadableCount: 0 };
  private readonly listeners = new Set<() => void>();
  private abort: AbortController | null = null;
  private cursor = START_CURSOR;
  private limit = FIRST_PAGE;
  private isLive: boolean;
  private wake: (() => void) | null = null;

  constructor(
    private readonly scope: LogScope,
    isLive: boolean,
  ) {
    this.isLive = isLive;
  }

  get snapshot(): FeedState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): FeedState => this.state;

  /** The change's liveness as the page knows it; a change that has just finished gets its last poll now. */
  setLive(isLive: boolean): void {
    this.isLive = isLive;
    if (!isLive) this.wake?.();
  }

  /** Starts (or resumes, where the last run stopped) loading. */
  start(): void {
    if (this.abort !== null || this.state.isDone) return;
    this.abort = new AbortController();
    void this.run(this.abort.signal);
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.wake?.();
  }

  private update(patch: Partial<FeedState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const listener of this.listeners) listener();
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = null;
  }

  /** Sends the next request from the current cursor; `wasTerminalWhenSent` is the change's state then. */
  private request(signal: AbortSignal): PendingPage {
    const promise = fetchLogPage(this.scope, this.cursor, this.limit, signal);
    // Awaited later (after the page before it is stored): a failure meanwhile is not "unhandled".
    promise.catch(() => undefined);
    return { promise, wasTerminalWhenSent: !this.isLive };
  }

  private async run(signal: AbortSignal): Promise<void> {
    // While answers are partial, the next page is requested as soon as this one's cursor is known, so the
    // server prepares it while this page is stored and painted (a million-line log is 100 pages).
    let prefetched: PendingPage | null = null;
    let notifiedAt = Number.NEGATIVE_INFINITY;
    while (!signal.aborted) {
      const pending: PendingPage = prefetched ?? this.request(signal);
      prefetched = null;
      let page;
      try {
        page = await pending.promise;
      } catch (error) {
        if (isAborted(signal)) return;
        const gone = error instanceof ApiError && (error.status === 404 || error.status === 403);
        this.update({ failure: describe(error), isDone: gone });
        if (gone) return;
        await this.sleep(RETRY_MS);
        continue;
      }
      if (isAborted(signal)) return;
      const next = advanceCursor(this.cursor, page.lines);
      this.cursor = next.cursor;
      const step = nextTailStep({
        isPartial: page.isPartial,
        freshCount: next.fresh.length,
        wasTerminalWhenSent: pending.wasTerminalWhenSent,
      });
      this.limit = page.isPartial ? BULK_PAGE : FIRST_PAGE * 2;
      if (step === 'poll-now') prefetched = this.request(signal);
      for (const [i, line] of next.fresh.entries())
        this.store.push(line.message, (next.freshMicros[i] ?? Number.NaN) / 1000, line.step_id);
      const unreadableCount = this.state.unreadableCount + page.unreadableCount;
      // While pages follow one another, listeners hear at most every NOTIFY_MS (each hearing re-renders
      // the pane); the first page and the last are always heard.
      const now = performance.now();
      if (step !== 'poll-now' || now - notifiedAt >= NOTIFY_MS || this.state.failure !== null) {
        notifiedAt = now;
        this.update({ failure: null, isDone: step === 'stop', unreadableCount });
      } else this.state = { ...this.state, unreadableCount };
      if (step === 'stop') return;
      // A finished change needs no pause before its last, empty poll.
      if (step === 'wait' && !pending.wasTerminalWhenSent) await this.sleep(POLL_MS);
      else await yieldToBrowser();
    }
  }
}

interface PendingPage {
  promise: Promise<LogPage>;
  wasTerminalWhenSent: boolean;
}

/** Read through a call: TypeScript would otherwise assume the flag cannot change across an await. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** Lets the page render what arrived before the next page is parsed. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
