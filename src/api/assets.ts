import type { AssetFilterKey, AssetSort } from '@contract/filters';
import {
  assetDocumentSchema,
  assetListDocumentSchema,
  assetSummaryListDocumentSchema,
  assetSummaryResourceSchema,
  type AssetAttributes,
  type AssetResource,
  type NodeMeta,
} from '@contract/node';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { assetPath, ownerPath, type AssetOwner } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { fetchDocument, fetchList, flatten, streamResources, toRowList, type Flat } from './json-api';
import { assetSummary, type NodeSummary } from './node-summary';
import { streamedListOptions } from './streamed-list';

// Assets of a project or of an environment: `<owner>/assets[/{a}]` (domain §2.1-2.3). Enterprise only.

export type AssetListQuery = RansackQuery<AssetFilterKey, AssetSort>;
export type Asset = Flat<AssetAttributes, NodeMeta> & {
  kind: 'asset';
  path: string;
  owner: AssetOwner;
};

export interface CreateAssetInput {
  owner: AssetOwner;
  attributes: {
    code: string;
    name: string;
    description: string;
    template_name: string;
    template_version: string;
  };
}

export interface UpdateAssetInput {
  owner: AssetOwner;
  code: string;
  changes: Partial<Pick<AssetAttributes, 'name' | 'description' | 'archived'>>;
}

/** Owners as key parts: the owner's path, so a project's and an environment's assets never share a key. */
const ownerKey = (owner: AssetOwner) => ownerPath(owner);

export const assetKeys = {
  all: ['assets'] as const,
  lists: () => [...assetKeys.all, 'list'] as const,
  list: (owner: AssetOwner, query: AssetListQuery) => [...assetKeys.lists(), ownerKey(owner), query] as const,
  summaries: (owner: AssetOwner, query: AssetListQuery) =>
    [...assetKeys.all, 'summaries', ownerKey(owner), query] as const,
  details: () => [...assetKeys.all, 'detail'] as const,
  detail: (owner: AssetOwner, code: string) => [...assetKeys.details(), assetPath(owner, code)] as const,
};

function toAsset(owner: AssetOwner, resource: AssetResource): Asset {
  const { projectCode, environmentCode } = owner;
  return {
    ...flatten(resource),
    kind: 'asset',
    path: assetPath(owner, resource.attributes.code),
    owner: environmentCode === undefined ? { projectCode } : { projectCode, environmentCode },
  };
}

const collectionPath = (owner: AssetOwner) => `${ownerPath(owner)}/assets`;

export async function listAssets(
  owner: AssetOwner,
  query: AssetListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<Asset>> {
  const list = await fetchList(assetListDocumentSchema, collectionPath(owner), {
    params: ransackParams(query),
    signal,
  });
  return toRowList(list, (resource) => toAsset(owner, resource));
}

/**
 * Assets for navigation (search): only the fields the tree and search show, in one answer. Search shows
 * hits, not a list to mark: odd rows are left out here (and reported once by `fetchList`).
 */
export async function listAssetSummaries(
  owner: AssetOwner,
  query: AssetListQuery = {},
  signal?: AbortSignal,
): Promise<NodeSummary[]> {
  const list = await fetchList(assetSummaryListDocumentSchema, collectionPath(owner), {
    params: ransackParams(query),
    signal,
  });
  return list.data.map((resource) => assetSummary(owner, resource));
}

/** The same, in batches as they arrive (the tree: a level of 10,000 assets paints its first rows at once). */
export async function* streamAssetSummaries(
  owner: AssetOwner,
  query: AssetListQuery = {},
  signal?: AbortSignal,
): AsyncGenerator<RowList<NodeSummary>, void> {
  const resources = streamResources(assetSummaryResourceSchema, collectionPath(owner), {
    params: ransackParams(query),
    signal,
  });
  for await (const batch of resources) {
    yield {
      items: batch.items.map((resource) => assetSummary(owner, resource)),
      unreadable: batch.unreadable,
    };
  }
}

export async function getAsset(owner: AssetOwner, code: string, signal?: AbortSignal): Promise<Asset> {
  const document = await fetchDocument(assetDocumentSchema, assetPath(owner, code), { signal });
  return toAsset(owner, document.data);
}

export async function createAsset({ owner, attributes }: CreateAssetInput): Promise<Asset> {
  const document = await fetchDocument(assetDocumentSchema, collectionPath(owner), {
    method: 'POST',
    body: { data: { attributes } },
  });
  return toAsset(owner, document.data);
}

export async function updateAsset({ owner, code, changes }: UpdateAssetInput): Promise<Asset> {
  const document = await fetchDocument(assetDocumentSchema, assetPath(owner, code), {
    method: 'PATCH',
    body: { data: { attributes: changes } },
  });
  return toAsset(owner, document.data);
}

export const assetListQuery = (owner: AssetOwner, query: AssetListQuery = {}) =>
  queryOptions({
    queryKey: assetKeys.list(owner, query),
    queryFn: ({ signal }) => listAssets(owner, query, signal),
  });

/** The tree's asset levels: a streamed list (`complete` is false while the first load is arriving). */
export const assetSummariesQuery = (owner: AssetOwner, query: AssetListQuery = {}) =>
  queryOptions(
    streamedListOptions(assetKeys.summaries(owner, query), (signal) =>
      streamAssetSummaries(owner, query, signal),
    ),
  );

export const assetQuery = (owner: AssetOwner, code: string) =>
  queryOptions({
    queryKey: assetKeys.detail(owner, code),
    queryFn: ({ signal }) => getAsset(owner, code, signal),
  });

export function useCreateAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAsset,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetKeys.all }),
  });
}

export function useUpdateAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAsset,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetKeys.all }),
  });
}
