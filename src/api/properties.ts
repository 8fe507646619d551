import type { JsonObject } from '@contract/json-api';
import {
  propertiesDocumentSchema,
  propertiesVersionListDocumentSchema,
  settingsDocumentSchema,
  settingsVersionListDocumentSchema,
} from '@contract/properties';
import { queryOptions } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { fetchDocument, fetchList, toRowList } from './json-api';

// Properties and settings: the versioned JSON documents every node owns (domain §6.1), read through the
// ids in the node's `properties`/`settings` relationships. Read-only here; editing is a later issue.

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
