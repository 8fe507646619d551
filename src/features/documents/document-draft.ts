import { z } from 'zod';
import type { DocumentKind } from '@/api/properties';
import { clearSessionDraft, readSessionDraft, writeSessionDraft } from '@/lib/session-draft';

// Unsaved edits of a properties or settings document, in this tab's session storage (lib/session-draft.ts).

const draftSchema = z.object({
  /** The version the edit started from: the save is checked against it. */
  baseVersion: z.number().int().positive(),
  text: z.string(),
  /** Set when the draft began as "restore version N". */
  restoredFrom: z.number().int().positive().optional(),
});
export type DocumentDraft = z.infer<typeof draftSchema>;

const draftKey = (kind: DocumentKind, id: string) => `${kind}:${id}`;

/** The tab's draft of the document, or null (none, unreadable, or storage unavailable). */
export function readDraft(kind: DocumentKind, id: string): DocumentDraft | null {
  return readSessionDraft(draftKey(kind, id), draftSchema);
}

/** Keeps the draft; false when the browser refused (storage full or disabled). */
export function writeDraft(kind: DocumentKind, id: string, draft: DocumentDraft): boolean {
  return writeSessionDraft(draftKey(kind, id), draft);
}

export function clearDraft(kind: DocumentKind, id: string): void {
  clearSessionDraft(draftKey(kind, id));
}
