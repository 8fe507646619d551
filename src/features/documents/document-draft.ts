import { z } from 'zod';
import type { DocumentKind } from '@/api/properties';

// Unsaved edits of a properties or settings document, kept in this tab's session storage so that a reload
// or an accidental navigation does not lose them. Never local storage or IndexedDB: properties may hold
// secrets, and session storage ends with the tab.

const draftSchema = z.object({
  /** The version the edit started from: the save is checked against it. */
  baseVersion: z.number().int().positive(),
  text: z.string(),
  /** Set when the draft began as "restore version N". */
  restoredFrom: z.number().int().positive().optional(),
});
export type DocumentDraft = z.infer<typeof draftSchema>;

const draftKey = (kind: DocumentKind, id: string) => `opschain-console:draft:${kind}:${id}`;

/** The tab's draft of the document, or null (none, unreadable, or storage unavailable). */
export function readDraft(kind: DocumentKind, id: string): DocumentDraft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(kind, id));
    if (raw === null) return null;
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the browser refused (storage full or disabled). */
export function writeDraft(kind: DocumentKind, id: string, draft: DocumentDraft): boolean {
  try {
    sessionStorage.setItem(draftKey(kind, id), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(kind: DocumentKind, id: string): void {
  try {
    sessionStorage.removeItem(draftKey(kind, id));
  } catch {
    // Storage unavailable: there is no draft to clear.
  }
}
