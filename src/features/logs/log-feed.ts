import { ApiError } from '@/api/errors';
import {
  BULK_PAGE,
  fetchLogPage,
  fetchNewestLogLine,
  FIRST_PAGE,
  takeFirstLogPage,
  type LogPage,
  type LogScope,
} from '@/api/log-lines';
import { LogStore } from '@/lib/log-store';
import {
  advanceCursor,
  cursorAt,
  microsOf,
  nextTailStep,
  splitTimes,
  stampOfMicros,
  START_CURSOR,
  type TailCursor,
} from '@/lib/log-tail';

// Loads a log into a LogStore and keeps it up to date (README "Tailing logs"): the first page (small, so the
// first screen paints at once), then the rest, then polls while the change runs, and stops after the change
// has finished and one more poll brought nothing. Listeners hear after every page (at most every NOTIFY_MS).
//
// A long log is read in PARTS time ranges side by side (loadInParts): each page's cursor comes from the page
// before it, so one reader waits for the server, the transfer and the parsing of every page in turn, while
// several readers keep the server busy while the browser parses. The first part goes straight into the
// store; the others fill stores of their own, joined in order as the parts before them finish.
//
// Polling a running change: POLL_MS is the nominal interval. While lines keep arriving, the next poll goes
// ACTIVE_POLL_MS after the previous answer, so a busy log's newest line shows well within one POLL_MS of
// being written; an answer with no new line backs off to POLL_MS.

export const POLL_MS = 1000;
export const ACTIVE_POLL_MS = 250;
const RETRY_MS = 3000;
/** While a long log loads page after page, how often the pane re-renders. */
const NOTIFY_MS = 250;
/** Time ranges of a long log read side by side. */
const PARTS = 3;
/** Lines joined from a finished part into the store between two paints. */
const JOIN_SLICE = 20_000;

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

  /** Sends the next request from the current cursor. */
  private request(signal: AbortSignal): PendingPage {
    const promise = fetchLogPage(this.scope, this.cursor, this.limit, signal);
    // Awaited later (after the page before it is stored): a failure meanwhile is not "unhandled".
    promise.catch(() => undefined);
    return { promise, wasTerminalWhenSent: !this.isLive };
  }

  /** Hears the listeners now, or (while pages follow one another) at most every NOTIFY_MS. */
  private notify(isUrgent: boolean, patch: Partial<FeedState> = {}): void {
    const now = performance.now();
    if (isUrgent || now - this.notifiedAt >= NOTIFY_MS || this.state.failure !== null) {
      this.notifiedAt = now;
      this.update({ failure: null, ...patch });
    } else this.state = { ...this.state, ...patch };
  }

  private notifiedAt = Number.NEGATIVE_INFINITY;

  /** A failed request: reported, then true when the log is gone (no retry), else after a pause. */
  private async failed(error: unknown, signal: AbortSignal): Promise<boolean> {
    if (isAborted(signal)) return true;
    const gone = error instanceof ApiError && (error.status === 404 || error.status === 403);
    this.update({ failure: describe(error), isDone: gone });
    if (gone) return true;
    await this.sleep(RETRY_MS);
    return isAborted(signal);
  }

  private async run(signal: AbortSignal): Promise<void> {
    // The route may have asked for the first page already (before this pane's code loaded); whether the
    // change had finished when it was sent is unknown, so that answer never ends the feed by itself.
    const early = this.cursor === START_CURSOR ? takeFirstLogPage(this.scope) : null;
    let prefetched: PendingPage | null =
      early === null ? null : { promise: early, wasTerminalWhenSent: false };
    let isFirst = this.cursor === START_CURSOR;
    while (!signal.aborted) {
      const pending: PendingPage = prefetched ?? this.request(signal);
      prefetched = null;
      let page;
      try {
        page = await pending.promise;
      } catch (error) {
        if (await this.failed(error, signal)) return;
        continue;
      }
      if (isAborted(signal)) return;
      const next = advanceCursor(this.cursor, page.lines);
      this.cursor = next.cursor;
      let step = nextTailStep({
        isPartial: page.isPartial,
        freshCount: next.fresh.length,
        wasTerminalWhenSent: pending.wasTerminalWhenSent,
      });
      this.limit = page.isPartial ? BULK_PAGE : FIRST_PAGE * 2;
      // A long log (the first page was cut short) is read in parts; otherwise page after page.
      const isLong = isFirst && page.isPartial;
      isFirst = false;
      if (step === 'poll-now' && !isLong) prefetched = this.request(signal);
      pushLines(this.store, next.fresh, next.freshMicros);
      // While pages follow one another, listeners hear at most every NOTIFY_MS (each hearing re-renders
      // the pane); the first page and the last are always heard.
      this.notify(step !== 'poll-now' || isLong, {
        isDone: step === 'stop',
        unreadableCount: this.state.unreadableCount + page.unreadableCount,
      });
      if (step === 'stop') return;
      if (isLong) {
        if (!(await this.loadInParts(signal))) return;
        step = 'poll-now';
      }
      if (step === 'wait' && this.isLive) {
        // The adaptive interval (see the top of this file).
        await this.sleep(next.fresh.length > 0 ? ACTIVE_POLL_MS : POLL_MS);
      } else await yieldToBrowser();
    }
  }

  /**
   * Reads the rest of a long log (after the cursor, up to its newest line and on) in PARTS time ranges side
   * by side, joins them into the store in order and moves the cursor past them. False when the feed ended
   * meanwhile (stopped, or the log is gone).
   */
  private async loadInParts(signal: AbortSignal): Promise<boolean> {
    let newest;
    for (;;) {
      try {
        newest = await fetchNewestLogLine(this.scope, signal);
        break;
      } catch (error) {
        if (await this.failed(error, signal)) return false;
      }
    }
    if (isAborted(signal)) return false;
    const starts = splitTimes(this.cursor.micros, microsOf(newest?.logged_at ?? ''), PARTS);
    // The first part continues from the cursor, the others start at their instants; each but the last
    // ends where the next starts (the last has no end: on a running change it reads what arrives meanwhile).
    const parts: Part[] = [this.cursor, ...starts.map(cursorAt)].map((cursor, k) => {
      const end = starts[k];
      return {
        cursor,
        before: end === undefined ? undefined : stampOfMicros(end),
        lines: k === 0 ? this.store : new LogStore(),
      };
    });
    const reading = parts.map((part) => this.readPart(part, signal));
    for (const [k, part] of parts.entries()) {
      if (k > 0) {
        // The parts before this one are in the store: join what this part read so far, then let it write
        // to the store itself (it keeps reading meanwhile: the joining goes on until it has caught up).
        // Stopped meanwhile, the join is finished at once: the store then ends where the cursor says.
        let joined = 0;
        while (joined < part.lines.length) {
          const to = isAborted(signal) ? part.lines.length : Math.min(part.lines.length, joined + JOIN_SLICE);
          this.store.appendFrom(part.lines, joined, to);
          joined = to;
          this.notify(false);
          if (joined < part.lines.length) await yieldToBrowser();
        }
        part.lines = this.store;
        this.cursor = part.cursor;
        if (isAborted(signal)) return false;
      }
      if (!(await reading[k])) return false;
    }
    const last = parts[parts.length - 1];
    if (last !== undefined) this.cursor = last.cursor;
    this.notify(true);
    return true;
  }

  /** Reads one part page after page into its store; false when the feed ended meanwhile. */
  private async readPart(part: Part, signal: AbortSignal): Promise<boolean> {
    const request = () => {
      const promise = fetchLogPage(this.scope, part.cursor, BULK_PAGE, signal, part.before);
      promise.catch(() => undefined);
      return promise;
    };
    let pending = request();
    for (;;) {
      let page;
      try {
        page = await pending;
      } catch (error) {
        if (await this.failed(error, signal)) return false;
        pending = request();
        continue;
      }
      if (isAborted(signal)) return false;
      const next = advanceCursor(part.cursor, page.lines);
      part.cursor = next.cursor;
      if (page.isPartial) pending = request();
      pushLines(part.lines, next.fresh, next.freshMicros);
      if (part.lines === this.store) this.cursor = part.cursor;
      this.notify(false, { unreadableCount: this.state.unreadableCount + page.unreadableCount });
      if (!page.isPartial) return true;
      await yieldToBrowser();
    }
  }
}

/** One time range of a long log read in parts, where it has got to and where its lines go. */
interface Part {
  cursor: TailCursor;
  /** Only lines logged before this timestamp; undefined for the last part. */
  before: string | undefined;
  /** The feed's store once the parts before it are in; its own until then. */
  lines: LogStore;
}

interface PendingPage {
  promise: Promise<LogPage>;
  wasTerminalWhenSent: boolean;
}

/** Stores fresh lines (their times already parsed by the cursor). */
function pushLines(
  store: LogStore,
  fresh: readonly { message: string; step_id: string }[],
  micros: readonly number[],
): void {
  for (const [i, line] of fresh.entries())
    store.push(line.message, (micros[i] ?? Number.NaN) / 1000, line.step_id);
}

/** Read through a call: TypeScript would otherwise assume the flag cannot change across an await. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** Lets the page render what arrived before the next page is parsed. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
