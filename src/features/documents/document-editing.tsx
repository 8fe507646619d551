import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DocumentKind, VersionedDocument } from '@/api/properties';
import type { JsonSchemaObject } from '@/ui/code-editor-types';
import { preloadCodeEditor } from '@/ui/code-editor';
import { GuardedButton } from '@/ui/guarded-button';
import { notifySuccess } from '@/ui/notify';
import { clearDraft, readDraft, writeDraft } from './document-draft';
import { DocumentEditMode } from './document-edit-mode';
import type { DocumentFormProps } from './document-editor';
import { DocumentHistory } from './document-history';
import { ReplaceDraftDialog } from './replace-draft-dialog';
import { editAction, MAX_EDITABLE_BYTES } from './use-document-editor';

// The text colour for titles: Mantine's light green and yellow titles fail contrast (axe).
const TITLE_STYLES = { title: { color: 'var(--mantine-color-text)' } };

export type DocumentMode = 'edit' | 'history';

export interface DocumentEditingProps {
  nodePath: string;
  /** Names the document: "Properties of Development". */
  label: string;
  /** Edit mode, history, or reading (undefined); the URL keeps it. */
  mode: DocumentMode | undefined;
  onModeChange: (mode: DocumentMode | undefined) => void;
  /** Opens a version read-only. */
  onOpenVersion: (version: number) => void;
  /** Why the user may not edit (from `meta.authorisations`), or null. */
  editDenied: string | null;
  /** Whether the editor holds unsaved edits (the page asks before leaving). */
  onDirtyChange: (isDirty: boolean) => void;
  jsonSchema?: JsonSchemaObject | undefined;
  /** A form view of the document beside the JSON (settings). */
  renderForm?: ((form: DocumentFormProps) => ReactNode) | undefined;
}

interface Props extends DocumentEditingProps {
  kind: DocumentKind;
  id: string;
  current: VersionedDocument;
  /** The read view, shown below the Edit and History buttons when neither mode is open. */
  children: ReactNode;
}

const encoder = new TextEncoder();
/** After the tab's own requests: the editor download must not slow the page down. */
const PRELOAD_DELAY_MS = 2000;

/**
 * Everything beyond reading a document: the Edit and History buttons (with the tab's unsaved draft, if
 * any), the editor, and the version history.
 */
export function DocumentEditing({ kind, id, current, mode, onModeChange, children, ...props }: Props) {
  const deniable = editAction(props.nodePath, kind);
  const bytes = useMemo(() => encoder.encode(JSON.stringify(current.data)).length, [current.data]);
  const tooLarge =
    bytes > MAX_EDITABLE_BYTES
      ? `This document is ${(bytes / 1024 / 1024).toFixed(1)} MB; documents over 5 MB open read-only.`
      : null;
  const editDenied = props.editDenied ?? tooLarge;
  const [draft, setDraft] = useState(() => readDraft(kind, id));
  // Someone who may edit is likely to: fetch the editor once the page has settled, so Edit opens sooner.
  useEffect(() => {
    if (editDenied !== null) return undefined;
    const timer = setTimeout(preloadCodeEditor, PRELOAD_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [editDenied]);
  const [restoring, setRestoring] = useState<VersionedDocument | null>(null);

  const restore = (version: VersionedDocument) => {
    writeDraft(kind, id, {
      baseVersion: current.version,
      text: JSON.stringify(version.data, null, 2),
      restoredFrom: version.version,
    });
    onModeChange('edit');
  };

  if (mode === 'edit' && editDenied === null) {
    return (
      <DocumentEditMode
        kind={kind}
        id={id}
        nodePath={props.nodePath}
        label={props.label}
        current={current}
        jsonSchema={props.jsonSchema}
        renderForm={props.renderForm}
        onDirtyChange={props.onDirtyChange}
        onClose={() => {
          props.onDirtyChange(false);
          onModeChange(undefined);
        }}
        onSaved={(saved) => {
          props.onDirtyChange(false);
          notifySuccess(`Saved version ${String(saved.version)} of the ${kind}.`);
          onModeChange(undefined);
        }}
      />
    );
  }
  if (mode === 'history') {
    return (
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm">
            History of the {kind}: the current version is <strong>{current.version}</strong>.
          </Text>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              onModeChange(undefined);
            }}
          >
            Close history
          </Button>
        </Group>
        <DocumentHistory
          kind={kind}
          id={id}
          currentVersion={current.version}
          restoreDenied={editDenied}
          deniable={deniable}
          onOpen={props.onOpenVersion}
          onRestore={(version) => {
            if (readDraft(kind, id) === null) restore(version);
            else setRestoring(version);
          }}
        />
        <ReplaceDraftDialog
          kind={kind}
          version={restoring?.version ?? null}
          onCancel={() => {
            setRestoring(null);
          }}
          onConfirm={() => {
            if (restoring !== null) restore(restoring);
            setRestoring(null);
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <GuardedButton
          size="xs"
          deniedReason={editDenied}
          deniable={deniable}
          onClick={() => {
            onModeChange('edit');
          }}
        >
          Edit {kind}
        </GuardedButton>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            onModeChange('history');
          }}
        >
          Version history
        </Button>
      </Group>
      {draft === null || editDenied !== null ? null : (
        <Alert color="blue" styles={TITLE_STYLES} title="Unsaved edits">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              This tab holds unsaved edits of the {kind}, built on version {draft.baseVersion}.
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => {
                  onModeChange('edit');
                }}
              >
                Continue editing
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  clearDraft(kind, id);
                  setDraft(null);
                }}
              >
                Discard them
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {children}
    </Stack>
  );
}
