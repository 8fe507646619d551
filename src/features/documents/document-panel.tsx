import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { documentQuery, documentVersionsQuery, type DocumentKind } from '@/api/properties';
import { ErrorState } from '@/ui/error-state';
import { DocumentEditing, type DocumentEditingProps } from './document-editing';
import { JsonView } from '@/ui/json-view';
import { SecretReferences } from './secret-references';
import { TableSkeleton } from '@/ui/table-skeleton';
import { Timestamp } from '@/ui/timestamp';
import { UnreadableRowsNotice } from '@/ui/unreadable-rows-notice';

const LABELS: Record<DocumentKind, string> = { properties: 'Properties', settings: 'Settings' };

// 4.5:1 or better on the body in both schemes (red-8 measured 3.4:1 on the dark body).
const ERROR_TEXT = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))';

export interface DocumentPanelProps {
  kind: DocumentKind;
  /** From the node's `properties`/`settings` relationship; null when the node has none. */
  documentId: string | null;
  /** Why the user may not read the document, or null. */
  readDenied: string | null;
  /** The version to show (from the URL); the current one when absent or unknown. */
  version: number | undefined;
  onVersionChange: (version: number | undefined) => void;
  /** Edit mode and history; without it the panel only reads. */
  editing?: DocumentEditingProps | undefined;
}

/** A node's properties or settings as formatted JSON, with its version and date; older versions on request. */
export function DocumentPanel({
  kind,
  documentId,
  readDenied,
  version,
  onVersionChange,
  editing,
}: DocumentPanelProps) {
  const label = LABELS[kind];
  const id = documentId ?? '';
  const canLoad = documentId !== null && readDenied === null;
  const current = useQuery({ ...documentQuery(kind, id), enabled: canLoad });
  const versions = useQuery({ ...documentVersionsQuery(kind, id), enabled: canLoad });

  if (readDenied !== null)
    return (
      <Alert color="gray" title={`${label} not shown`}>
        {readDenied}
      </Alert>
    );
  if (documentId === null) return <Text c="dimmed">This node has no {kind} document.</Text>;
  if (current.isPending) return <TableSkeleton label={`Loading ${kind}`} rows={6} />;
  if (current.isError) {
    return (
      <ErrorState
        title={`The ${kind} could not be loaded`}
        message={failureMessage(current.error)}
        onRetry={() => void current.refetch()}
        isRetrying={current.isFetching}
      />
    );
  }

  const older = versions.data?.items.find(
    (entry) => entry.version === version && entry.version !== current.data.version,
  );
  const shown = older ?? current.data;
  const choices = (versions.data?.items ?? [])
    .map((entry) => entry.version)
    .sort((a, b) => b - a)
    .map((number) => ({
      value: String(number),
      label:
        number === current.data.version ? `Version ${String(number)} (current)` : `Version ${String(number)}`,
    }));

  const readView = (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm">
          {older === undefined ? 'Current version' : 'Older version'} <strong>{shown.version}</strong>, saved{' '}
          <Timestamp value={shown.created_at} />
        </Text>
        <Select
          label="Version"
          size="xs"
          w={200}
          data={choices.length > 0 ? choices : [{ value: String(current.data.version), label: 'Current' }]}
          value={String(shown.version)}
          allowDeselect={false}
          disabled={versions.isPending || versions.isError}
          onChange={(value) => {
            const number = Number(value);
            onVersionChange(number === current.data.version ? undefined : number);
          }}
        />
      </Group>
      {versions.isSuccess ? (
        <UnreadableRowsNotice rows={versions.data.unreadable} what="older versions" one="older version" />
      ) : null}
      {versions.isError ? (
        <Text size="xs" c={ERROR_TEXT}>
          Older versions could not be listed: {failureMessage(versions.error)}
        </Text>
      ) : null}
      {older === undefined ? null : (
        <Alert color="blue" title="You are looking at an older version">
          Version {older.version} was replaced; the current version is {current.data.version}.
        </Alert>
      )}
      <JsonView value={shown.data} label={`${label} version ${String(shown.version)}`} />
      {kind === 'properties' ? <SecretReferences document={shown.data} /> : null}
    </Stack>
  );
  if (editing === undefined) return readView;
  return (
    <DocumentEditing {...editing} kind={kind} id={id} current={current.data}>
      {readView}
    </DocumentEditing>
  );
}
