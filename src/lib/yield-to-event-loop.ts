// Long work on the main thread (reading a 30 MB list as it arrives) pauses now and then so the browser can
// handle input, render and run other tasks in between.

/** How long a stretch of work may run before it gives the event loop a turn. */
export const TIME_SLICE_MS = 8;

/**
 * Resolves in a new task, after what is already queued. A message rather than `setTimeout(0)`: browsers
 * stretch nested timeouts to 4 ms, which would slow a long job down for nothing.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Tells a loop when its current slice is used up: `if (slice.spent()) await slice.pause()`. */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly budgetMs = TIME_SLICE_MS) {}

  spent(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  /** Starts a new slice (after the loop handed its results on, or paused). */
  restart(): void {
    this.started = performance.now();
  }

  async pause(): Promise<void> {
    await yieldToEventLoop();
    this.restart();
  }
}
