import { Button, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { failureMessage } from '@/api/failures';
import { documentVersionQuery, type DocumentKind, type VersionedDocument } from '@/api/properties';
import { asJsonRecord, formatJson } from '@/lib/json-merge3';
import type { JsonSchemaObject } from '@/ui/code-editor-types';
import { ErrorState } from '@/ui/error-state';
import { TableSkeleton } from '@/ui/table-skeleton';
import { clearDraft, readDraft } from './document-draft';
import { DocumentEditor, type DocumentFormProps } from './document-editor';

export interface DocumentEditModeProps {
  kind: DocumentKind;
  id: string;
  nodePath: string;
  label: string;
  /** The current version when the editor opened. */
  current: VersionedDocument;
  jsonSchema?: JsonSchemaObject | undefined;
  renderForm?: ((form: DocumentFormProps) => ReactNode) | undefined;
  onSaved: (saved: VersionedDocument) => void;
  onClose: () => void;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * Opens the editor on the tab's draft when there is one (loading the version it started from), else on the
 * current version.
 */
export function DocumentEditMode(props: DocumentEditModeProps) {
  const { kind, id, current } = props;
  // Read once, when the editor opens: from then on the editor writes it.
  const [draft] = useState(() => readDraft(kind, id));
  const baseVersion = draft?.baseVersion ?? current.version;
  const needsBase = baseVersion !== current.version;
  const base = useQuery({ ...documentVersionQuery(kind, id, baseVersion), enabled: needsBase });

  if (needsBase && base.isPending)
    return <TableSkeleton label={`Loading version ${String(baseVersion)}`} rows={6} />;
  if (needsBase && base.isError) {
    return (
      <Stack align="flex-start">
        <ErrorState
          title={`Your draft started from version ${String(baseVersion)}, which could not be loaded`}
          message={failureMessage(base.error)}
          onRetry={() => void base.refetch()}
          isRetrying={base.isFetching}
        />
        <Button
          variant="default"
          onClick={() => {
            clearDraft(kind, id);
            props.onClose();
          }}
        >
          Discard the draft
        </Button>
      </Stack>
    );
  }
  const baseDocument = needsBase && base.data !== undefined ? base.data : current;
  const data = asJsonRecord(baseDocument.data);
  if (data === null) {
    return (
      <ErrorState
        title={`Version ${String(baseDocument.version)} cannot be edited`}
        message="It holds values that are not plain JSON."
      />
    );
  }
  return (
    <DocumentEditor
      kind={kind}
      id={id}
      nodePath={props.nodePath}
      label={props.label}
      base={{ version: baseDocument.version, data }}
      text={draft?.text ?? formatJson(data)}
      restored={draft === null ? null : { baseVersion: draft.baseVersion, restoredFrom: draft.restoredFrom }}
      jsonSchema={props.jsonSchema}
      renderForm={props.renderForm}
      onSaved={props.onSaved}
      onClose={props.onClose}
      onDirtyChange={props.onDirtyChange}
    />
  );
}
