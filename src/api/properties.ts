import type { JsonObject } from '@contract/json-api';
import {
  propertiesDocumentSchema,
  propertiesVersionDocumentSchema,
  propertiesVersionListDocumentSchema,
  settingsDocumentSchema,
  settingsVersionDocumentSchema,
  settingsVersionListDocumentSchema,
} from '@contract/properties';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { convergedPropertiesKeys } from './converged-properties';
import { isApiError } from './errors';
import { fetchDocument, fetchList, toRowList } from './json-api';

// Properties and settings: the versioned JSON documents every node owns (domain §6.1), read through the
// ids in the node's `properties`/`settings` relationships, and replaced by checked updates (`data` plus
// the version the edit started from; a stale version is refused with 422 on `/data/attributes/version`).

export type DocumentKind = 'properties' | 'settings';

/** One version of a properties or settings document. */
export interface VersionedDocument {
  id: string;
  kind: DocumentKind;
  data: JsonObject;
  version: number;
  created_at: string;
}

export const documentKeys = {
  all: ['documents'] as const,
  detail: (kind: DocumentKind, id: string) => [...documentKeys.all, kind, id, 'current'] as const,
  versions: (kind: DocumentKind, id: string) => [...documentKeys.all, kind, id, 'versions'] as const,
  /** Everything about one document: its current version, its version list, single versions. */
  document: (kind: DocumentKind, id: string) => [...documentKeys.all, kind, id] as const,
  version: (kind: DocumentKind, id: string, version: number) =>
    [...documentKeys.all, kind, id, 'version', version] as const,
};

const documentPath = (kind: DocumentKind, id: string) => `/${kind}/${encodeURIComponent(id)}`;

export async function getDocument(
  kind: DocumentKind,
  id: string,
  signal?: AbortSignal,
): Promise<VersionedDocument> {
  const schema = kind === 'properties' ? propertiesDocumentSchema : settingsDocumentSchema;
  const { data } = await fetchDocument(schema, documentPath(kind, id), { signal });
  return { id: data.id, kind, ...data.attributes };
}

/** Every stored version, as the server orders them. */
export async function listDocumentVersions(
  kind: DocumentKind,
  id: string,
  signal?: AbortSignal,
): Promise<RowList<VersionedDocument>> {
  const path = `${documentPath(kind, id)}/versions`;
  const toVersion = ({ id: versionId, attributes }: VersionResource): VersionedDocument => ({
    id: versionId,
    kind,
    data: attributes.data,
    version: attributes.version,
    created_at: attributes.created_at,
  });
  return kind === 'properties'
    ? toRowList(await fetchList(propertiesVersionListDocumentSchema, path, { signal }), toVersion)
    : toRowList(await fetchList(settingsVersionListDocumentSchema, path, { signal }), toVersion);
}

/** What a properties or settings version carries that the console shows. */
interface VersionResource {
  id: string;
  attributes: { data: JsonObject; version: number; created_at: string };
}

export const documentQuery = (kind: DocumentKind, id: string) =>
  queryOptions({
    queryKey: documentKeys.detail(kind, id),
    queryFn: ({ signal }) => getDocument(kind, id, signal),
  });

export const documentVersionsQuery = (kind: DocumentKind, id: string) =>
  queryOptions({
    queryKey: documentKeys.versions(kind, id),
    queryFn: ({ signal }) => listDocumentVersions(kind, id, signal),
  });

/** One stored version (`…/versions/{n}`). */
export async function getDocumentVersion(
  kind: DocumentKind,
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<VersionedDocument> {
  const path = `${documentPath(kind, id)}/versions/${String(version)}`;
  const options = { signal };
  const { data } =
    kind === 'properties'
      ? await fetchDocument(propertiesVersionDocumentSchema, path, options)
      : await fetchDocument(settingsVersionDocumentSchema, path, options);
  return {
    id,
    kind,
    data: data.attributes.data,
    version: data.attributes.version,
    created_at: data.attributes.created_at,
  };
}

export const documentVersionQuery = (kind: DocumentKind, id: string, version: number) =>
  queryOptions({
    queryKey: documentKeys.version(kind, id, version),
    queryFn: ({ signal }) => getDocumentVersion(kind, id, version, signal),
    // A stored version never changes.
    staleTime: Infinity,
  });

export interface DocumentUpdate {
  kind: DocumentKind;
  id: string;
  data: JsonObject;
  /** The version the edit started from: the server refuses the update if another was saved since. */
  version: number;
}

/** The checked update (`PATCH /api/{kind}/{id}` with `data` and `version`); answers the version it wrote. */
export async function updateDocument({
  kind,
  id,
  data,
  version,
}: DocumentUpdate): Promise<VersionedDocument> {
  const schema = kind === 'properties' ? propertiesDocumentSchema : settingsDocumentSchema;
  const { data: resource } = await fetchDocument(schema, documentPath(kind, id), {
    method: 'PATCH',
    body: { data: { attributes: { data, version } } },
  });
  return { id: resource.id, kind, ...resource.attributes };
}

/** The 422 of a checked update whose version is no longer the current one. */
export function isVersionMismatch(error: unknown): boolean {
  return (
    isApiError(error, 422) &&
    error.errors.some((entry) => entry.source?.pointer === '/data/attributes/version')
  );
}

/** Saves a document and refreshes what shows it (the document, its versions, converged properties). */
export function useUpdateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDocument,
    onSuccess: (_saved, { kind, id }) =>
      Promise.all(
        (kind === 'properties'
          ? [documentKeys.document(kind, id), convergedPropertiesKeys.all]
          : [documentKeys.document(kind, id)]
        ).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
