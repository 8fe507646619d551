import { useSyncExternalStore } from 'react';

// One clock for every live timer on the page: a single interval, started by the first subscriber and
// stopped with the last, so 500 waiting timers cost one timer, and only the timers re-render.

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const each of listeners) each();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time in ms, updated every second while any component reads it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
