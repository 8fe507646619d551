import { useDebouncedCallback, useWindowEvent } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { deniedReason, failureMessage } from '@/api/failures';
import {
  documentQuery,
  isVersionMismatch,
  useUpdateDocument,
  type DocumentKind,
  type VersionedDocument,
} from '@/api/properties';
import {
  asJsonRecord,
  formatJson,
  mergeJson3,
  parseJsonDocument,
  resolveConflicts,
  type ConflictResolution,
  type JsonRecord,
  type MergeResult,
} from '@/lib/json-merge3';
import { recordServerDenial } from '@/lib/server-denials';
import { clearDraft, writeDraft } from './document-draft';

// The editing session of one properties or settings document: the text, the version it started from, and
// what happens when a checked save meets a newer version (three-way merge, conflicts, overwrite). No JSX.

/** Larger documents open read-only: the editor and the browser's storage stay responsive up to this size. */
export const MAX_EDITABLE_BYTES = 5 * 1024 * 1024;

/** A saved version as the editor builds on it. */
export interface EditorBase {
  version: number;
  data: JsonRecord;
}

export type MergeState =
  | { kind: 'none' }
  /** Merged with a newer version: the values taken from it, and how many conflicts the user decided. */
  | { kind: 'merged'; version: number; fromTheirs: readonly string[]; decided: number }
  | { kind: 'conflicts'; theirs: EditorBase; mine: JsonRecord; result: MergeResult };

export interface UseDocumentEditorOptions {
  kind: DocumentKind;
  id: string;
  /** The owner's path, naming the save in a server refusal (`/projects/bank/environments/dev`). */
  nodePath: string;
  base: EditorBase;
  text: string;
  onSaved: (saved: VersionedDocument) => void;
}

const encoder = new TextEncoder();

/**
 * How long typing pauses before the editor reports the text: the checks, the draft and the dirty flag below
 * read the whole document, which on a large one must not happen on every keystroke (issue 13).
 */
export const EDITOR_CHANGE_DELAY_MS = 250;

// The saved version's text, formatted once per version: the draft compares against it after each pause.
const formattedTexts = new WeakMap<JsonRecord, string>();
function formattedText(data: JsonRecord): string {
  let text = formattedTexts.get(data);
  if (text === undefined) {
    text = formatJson(data);
    formattedTexts.set(data, text);
  }
  return text;
}

/** The action a 403 on save denies (the Edit button reads it). */
export const editAction = (nodePath: string, kind: DocumentKind) => ({
  resource: nodePath,
  action: `edit-${kind}`,
});

export function useDocumentEditor({
  kind,
  id,
  nodePath,
  base: initialBase,
  text: initialText,
  onSaved,
}: UseDocumentEditorOptions) {
  const queryClient = useQueryClient();
  const update = useUpdateDocument();
  const [base, setBase] = useState(initialBase);
  const [text, setText] = useState(initialText);
  const [merge, setMerge] = useState<MergeState>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [isDraftKept, setDraftKept] = useState(true);
  // Set once the session ends (saved or discarded): no draft may be written after that.
  const isClosed = useRef(false);

  const baseText = formattedText(base.data);
  const isDirty = text !== baseText;
  // The text changes once typing pauses (EDITOR_CHANGE_DELAY_MS), so the whole-document checks run then.
  const parsed = useMemo(() => parseJsonDocument(text), [text]);
  const bytes = useMemo(() => encoder.encode(text).length, [text]);

  // The draft follows the text shortly after (writing a large document on every pause would cost a frame
  // each), at once when a merge replaces the text, and before the page goes away.
  const persist = (nextText: string, nextBase: EditorBase) => {
    if (isClosed.current) return;
    if (nextText === formattedText(nextBase.data)) clearDraft(kind, id);
    else setDraftKept(writeDraft(kind, id, { baseVersion: nextBase.version, text: nextText }));
  };
  const persistSoon = useDebouncedCallback(persist, { delay: 400, flushOnUnmount: true });
  // A reload or closing the tab right after typing still keeps the last keystrokes.
  useWindowEvent('pagehide', () => {
    persistSoon.flush();
  });
  const replaceText = (nextText: string, nextBase: EditorBase) => {
    setBase(nextBase);
    setText(nextText);
    persistSoon.cancel();
    persist(nextText, nextBase);
  };

  const mergeWithLatest = (latest: VersionedDocument, mine: JsonRecord, against: EditorBase) => {
    const theirs = asJsonRecord(latest.data);
    if (theirs === null) {
      setError(`Version ${String(latest.version)} could not be read as JSON, so it cannot be merged.`);
      return;
    }
    const result = mergeJson3(against.data, mine, theirs);
    const next = { version: latest.version, data: theirs };
    if (result.conflicts.length > 0) {
      setMerge({ kind: 'conflicts', theirs: next, mine, result });
      return;
    }
    replaceText(formatJson(result.merged), next);
    setMerge({ kind: 'merged', version: latest.version, fromTheirs: result.fromTheirs, decided: 0 });
  };

  const send = async (data: JsonRecord, against: EditorBase) => {
    setError(null);
    setSaving(true);
    try {
      const saved = await update.mutateAsync({ kind, id, data, version: against.version });
      isClosed.current = true;
      persistSoon.cancel();
      clearDraft(kind, id);
      onSaved(saved);
    } catch (failure) {
      if (!isVersionMismatch(failure)) {
        setError(failureMessage(failure));
        const reason = deniedReason(failure);
        if (reason !== null) recordServerDenial(queryClient, editAction(nodePath, kind), reason);
        return;
      }
      try {
        const latest = await queryClient.query({ ...documentQuery(kind, id), staleTime: 0 });
        mergeWithLatest(latest, data, against);
      } catch (fetchFailure) {
        setError(`Someone saved a newer version, which could not be loaded: ${failureMessage(fetchFailure)}`);
      }
    } finally {
      setSaving(false);
    }
  };

  /** The editor's document now (not the debounced check), or null with the reason shown. */
  const currentDocument = (): JsonRecord | null => {
    const now = parseJsonDocument(text);
    if (!now.ok) {
      setError(`The JSON is not valid: ${now.message}`);
      return null;
    }
    return now.value;
  };

  return {
    text,
    setText: (nextText: string) => {
      setText(nextText);
      persistSoon(nextText, base);
    },
    base,
    baseText,
    isDirty,
    parsed,
    isTooLarge: bytes > MAX_EDITABLE_BYTES,
    bytes,
    merge,
    error,
    isSaving,
    isDraftKept,
    /** The checked update of the editor's document against the version it builds on. */
    save: () => {
      const data = currentDocument();
      if (data !== null) void send(data, base);
    },
    /** Merges a newer version into the edit now, before saving. */
    mergeNow: (latest: VersionedDocument) => {
      const data = currentDocument();
      if (data !== null) mergeWithLatest(latest, data, base);
    },
    /** Every conflict decided: the merged document replaces the edit, built on their version. */
    applyResolutions: (resolutions: ReadonlyMap<string, ConflictResolution>) => {
      if (merge.kind !== 'conflicts') return;
      const document = resolveConflicts(merge.result, resolutions);
      replaceText(formatJson(document), merge.theirs);
      setMerge({
        kind: 'merged',
        version: merge.theirs.version,
        fromTheirs: merge.result.fromTheirs,
        decided: merge.result.conflicts.length,
      });
    },
    /** Leaves the conflicts undecided and goes back to the edit (a later save meets them again). */
    backToEdit: () => {
      setMerge({ kind: 'none' });
    },
    /** Saves the edit as it is over their version: only after the user confirmed it by name. */
    overwrite: () => {
      if (merge.kind !== 'conflicts') return;
      replaceText(formatJson(merge.mine), merge.theirs);
      setMerge({ kind: 'none' });
      void send(merge.mine, merge.theirs);
    },
    format: () => {
      const data = currentDocument();
      if (data !== null) replaceText(formatJson(data), base);
    },
    /** Ends the session without saving and forgets the draft. */
    discard: () => {
      isClosed.current = true;
      persistSoon.cancel();
      clearDraft(kind, id);
    },
  };
}

export type DocumentEditorSession = ReturnType<typeof useDocumentEditor>;
