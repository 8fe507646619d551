import type { z } from 'zod';

// Unsaved edits kept in this tab's session storage, so that a reload or an accidental navigation does not
// lose them (properties and settings documents, workflow YAML). Never local storage or IndexedDB: drafts may
// hold secrets, and session storage ends with the tab.

const storageKey = (key: string) => `opschain-console:draft:${key}`;

/** The tab's draft under `key` as `schema` reads it, or null (none, unreadable, or storage unavailable). */
export function readSessionDraft<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = sessionStorage.getItem(storageKey(key));
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the browser refused (storage full or disabled). */
export function writeSessionDraft(key: string, draft: unknown): boolean {
  try {
    sessionStorage.setItem(storageKey(key), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearSessionDraft(key: string): void {
  try {
    sessionStorage.removeItem(storageKey(key));
  } catch {
    // Storage unavailable: there is no draft to clear.
  }
}
