import { useCallback, useRef, useState } from 'react';
import { z } from 'zod';
import { clearSessionDraft, readSessionDraft, writeSessionDraft } from '@/lib/session-draft';

// The workflow YAML being edited, kept in this tab's session storage while it differs from the saved
// version (as the properties editor keeps its drafts), and restored when the editor opens again.

const draftSchema = z.object({
  /** The version the edit started from. */
  baseVersion: z.number().int().positive(),
  text: z.string(),
  /** When the draft was last written (ISO-8601). */
  savedAt: z.string(),
});

const draftKey = (projectCode: string, workflowCode: string) => `workflow:${projectCode}:${workflowCode}`;

export interface WorkflowDraft {
  source: string;
  setSource: (text: string) => void;
  /** When the restored draft was written; null when the editor opened on the saved YAML. */
  restoredAt: string | null;
  /** Back to the saved YAML; the draft is forgotten. */
  discard: () => void;
  /** Forgets the draft (after a save), keeping the text. */
  forget: () => void;
  /** Whether the text differs from the saved YAML, read when the user tries to leave. */
  isDirty: { readonly current: boolean };
}

export function useWorkflowDraft(
  projectCode: string,
  workflowCode: string,
  saved: { text: string; version: number },
): WorkflowDraft {
  const key = draftKey(projectCode, workflowCode);
  const [initial] = useState(() => {
    const draft = readSessionDraft(key, draftSchema);
    return draft === null || draft.text === saved.text ? null : draft;
  });
  const [source, setText] = useState(initial?.text ?? saved.text);
  const [restoredAt, setRestoredAt] = useState(initial?.savedAt ?? null);
  const isDirty = useRef(initial !== null);
  const setSource = useCallback(
    (text: string) => {
      setText(text);
      isDirty.current = text !== saved.text;
      if (isDirty.current)
        writeSessionDraft(key, { baseVersion: saved.version, text, savedAt: new Date().toISOString() });
      else clearSessionDraft(key);
    },
    [key, saved.text, saved.version],
  );
  const forget = useCallback(() => {
    isDirty.current = false;
    clearSessionDraft(key);
    setRestoredAt(null);
  }, [key]);
  const discard = useCallback(() => {
    forget();
    setText(saved.text);
  }, [forget, saved.text]);
  return { source, setSource, restoredAt, discard, forget, isDirty };
}
