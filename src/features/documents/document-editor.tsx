import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { documentQuery, type DocumentKind, type VersionedDocument } from '@/api/properties';
import { formatJson, isJsonRecord, isJsonValue, parseJsonDocument } from '@/lib/json-merge3';
import { secretReferenceMarks } from '@/lib/properties-schema';
import { CodeEditor, DiffEditor } from '@/ui/code-editor';
import type { JsonSchemaObject } from '@/ui/code-editor-types';
import { FormAlert } from '@/ui/form-alert';
import { ChangeSummary } from './change-summary';
import { ConflictResolver } from './conflict-resolver';
import { EditorNotices } from './editor-notices';
import { EditorToolbar, type EditorView } from './editor-toolbar';
import { EDITOR_CHANGE_DELAY_MS, useDocumentEditor, type EditorBase } from './use-document-editor';

/** How often an open editor asks whether someone saved a newer version (also on window focus). */
const NEWER_VERSION_POLL_MS = 30_000;

// 4.5:1 or better on the body in both schemes.
const ERROR_TEXT = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))';

export interface DocumentEditorProps {
  kind: DocumentKind;
  id: string;
  nodePath: string;
  /** Names the editor: "Properties of Development". */
  label: string;
  base: EditorBase;
  text: string;
  restored: { baseVersion: number; restoredFrom: number | undefined } | null;
  jsonSchema?: JsonSchemaObject | undefined;
  /**
   * A form view of the same document (settings): when given, a JSON | Form switch edits one document value,
   * each view showing the other's changes.
   */
  renderForm?: ((form: DocumentFormProps) => ReactNode) | undefined;
  onSaved: (saved: VersionedDocument) => void;
  /** Leaves the editor; the draft is gone by then. */
  onClose: () => void;
  onDirtyChange: (isDirty: boolean) => void;
}

/** What a form view of the document gets: the document as the editor holds it, and where its edits go. */
export interface DocumentFormProps {
  value: unknown;
  onChange: (next: unknown) => void;
}

/** The edit mode of a properties or settings document: Monaco, review, save, merge and conflicts. */
export function DocumentEditor(props: DocumentEditorProps) {
  const { kind, id, label, onDirtyChange } = props;
  const session = useDocumentEditor({
    kind,
    id,
    nodePath: props.nodePath,
    base: props.base,
    text: props.text,
    onSaved: props.onSaved,
  });
  const [isReviewing, setReviewing] = useState(false);
  const [view, setView] = useState<EditorView>('json');
  const isForm = view === 'form' && props.renderForm !== undefined;
  // The form reads the text as it is now (settings are small): what the JSON view typed shows at once.
  const formDocument = useMemo(
    () => (isForm ? parseJsonDocument(session.text) : null),
    [isForm, session.text],
  );
  const latest = useQuery({
    ...documentQuery(kind, id),
    refetchInterval: NEWER_VERSION_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
  const { isDirty, merge, parsed } = session;
  useEffect(() => {
    onDirtyChange(isDirty);
    return () => {
      onDirtyChange(false);
    };
  }, [isDirty, onDirtyChange]);

  const newer =
    latest.data !== undefined &&
    latest.data.version > session.base.version &&
    merge.kind !== 'conflicts' &&
    !session.isSaving
      ? latest.data
      : null;
  const problem = !parsed.ok
    ? `The JSON is not valid: ${parsed.message} Fix it to save (the editor marks where).`
    : session.isTooLarge
      ? `The document is larger than 5 MB (${(session.bytes / 1024 / 1024).toFixed(1)} MB): it cannot be saved.`
      : null;

  if (merge.kind === 'conflicts') {
    return (
      <Stack gap="sm">
        <FormAlert message={session.error} />
        <ConflictResolver
          kind={kind}
          theirs={merge.theirs}
          mineText={session.text}
          conflicts={merge.result.conflicts}
          isSaving={session.isSaving}
          onResolve={session.applyResolutions}
          onBack={session.backToEdit}
          onOverwrite={session.overwrite}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <EditorToolbar
        baseVersion={session.base.version}
        isDirty={isDirty}
        view={props.renderForm === undefined ? null : view}
        onViewChange={setView}
        canFormat={parsed.ok}
        onFormat={session.format}
        isReviewing={isReviewing}
        onReviewToggle={() => {
          setReviewing((value) => !value);
        }}
        onDiscard={() => {
          session.discard();
          onDirtyChange(false);
          props.onClose();
        }}
        onSave={session.save}
        isSaving={session.isSaving}
        canSave={problem === null && isDirty}
      />
      <EditorNotices
        restored={props.restored}
        newerVersion={newer?.version ?? null}
        merge={merge}
        isDraftKept={session.isDraftKept}
        onMergeNow={() => {
          if (newer !== null) session.mergeNow(newer);
        }}
      />
      <FormAlert message={session.error} />
      {problem === null ? null : (
        <Text size="sm" c={ERROR_TEXT} aria-live="polite">
          {problem}
        </Text>
      )}
      {isForm && !isReviewing && formDocument !== null ? (
        formDocument.ok ? (
          props.renderForm?.({
            value: formDocument.value,
            onChange: (next) => {
              if (isJsonValue(next) && isJsonRecord(next)) session.setText(formatJson(next));
            },
          })
        ) : (
          <Text size="sm" c={ERROR_TEXT}>
            The form needs valid JSON: {formDocument.message} Fix it in the JSON view.
          </Text>
        )
      ) : null}
      {isReviewing && parsed.ok ? (
        <ChangeSummary before={session.base.data} after={parsed.value} label="Your changes" />
      ) : null}
      {isReviewing ? (
        <DiffEditor
          original={session.baseText}
          modified={session.text}
          language="json"
          label={`Changes to the ${kind}`}
          sideNames={[`version ${String(session.base.version)}`, 'your edit']}
          height="60vh"
        />
      ) : isForm ? null : (
        <CodeEditor
          value={session.text}
          language="json"
          label={`${label} (JSON)`}
          onChange={session.setText}
          changeDelayMs={EDITOR_CHANGE_DELAY_MS}
          jsonSchema={props.jsonSchema}
          stringMarks={kind === 'properties' ? secretReferenceMarks : undefined}
          height="60vh"
        />
      )}
    </Stack>
  );
}
