import { useCallback, useSyncExternalStore } from 'react';
import type { z } from 'zod';

// Per-browser preferences (STYLE habit 8): one localStorage entry each, parsed with a schema so an old
// or hand-edited value falls back to the default instead of breaking the console. Never for credentials.

const PREFIX = 'opschain-console.pref.';
const listeners = new Set<() => void>();

function read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed a preference.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Writes a preference and tells every component reading it. */
export function writePreference(key: string, value: string | number | boolean): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the preference lasts until the page is reloaded.
  }
  for (const listener of listeners) listener();
}

/**
 * A preference and its setter. The value must be a primitive (or the same object each read would be a
 * new one): booleans, strings and numbers are what preferences are.
 */
export function usePreference<T extends string | number | boolean>(
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): [T, (value: T) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key, schema, fallback));
  const setValue = useCallback(
    (next: T) => {
      writePreference(key, next);
    },
    [key],
  );
  return [value, setValue];
}
