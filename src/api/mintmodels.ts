import type { JsonObject } from '@contract/json-api';
import {
  mintmodelDocumentSchema,
  mintmodelListDocumentSchema,
  type MintmodelAttributes,
  type MintmodelResource,
} from '@contract/mintmodel';
import { queryOptions } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';

import { fetchDocument, fetchList, flatten, toRowList, type Flat } from './json-api';

// MintModels of an asset (domain §2.5): `<asset>/mintmodels[/{id}]`, and `<asset>/mintmodels/generate`,
// which renders one from the current data without storing it.

export type Mintmodel = Flat<MintmodelAttributes, JsonObject | null | undefined>;

export const mintmodelKeys = {
  all: ['mintmodels'] as const,
  list: (assetPath: string) => [...mintmodelKeys.all, 'list', assetPath] as const,
  detail: (assetPath: string, id: string) => [...mintmodelKeys.all, 'detail', assetPath, id] as const,
  generated: (assetPath: string) => [...mintmodelKeys.all, 'generated', assetPath] as const,
};

const toMintmodel = (resource: MintmodelResource): Mintmodel => flatten(resource);

export async function listMintmodels(assetPath: string, signal?: AbortSignal): Promise<RowList<Mintmodel>> {
  const list = await fetchList(mintmodelListDocumentSchema, `${assetPath}/mintmodels`, { signal });
  return toRowList(list, toMintmodel);
}

export async function getMintmodel(assetPath: string, id: string, signal?: AbortSignal): Promise<Mintmodel> {
  const path = `${assetPath}/mintmodels/${encodeURIComponent(id)}`;
  return toMintmodel((await fetchDocument(mintmodelDocumentSchema, path, { signal })).data);
}

/** Renders the asset's MintModel from its current properties; nothing is stored. */
export async function generateMintmodel(assetPath: string, signal?: AbortSignal): Promise<Mintmodel> {
  const document = await fetchDocument(mintmodelDocumentSchema, `${assetPath}/mintmodels/generate`, {
    signal,
  });
  return toMintmodel(document.data);
}

export const mintmodelListQuery = (assetPath: string) =>
  queryOptions({
    queryKey: mintmodelKeys.list(assetPath),
    queryFn: ({ signal }) => listMintmodels(assetPath, signal),
  });

export const mintmodelQuery = (assetPath: string, id: string) =>
  queryOptions({
    queryKey: mintmodelKeys.detail(assetPath, id),
    queryFn: ({ signal }) => getMintmodel(assetPath, id, signal),
  });

/** A fresh render each time it is asked for: never served from cache. */
export const generatedMintmodelQuery = (assetPath: string) =>
  queryOptions({
    queryKey: mintmodelKeys.generated(assetPath),
    queryFn: ({ signal }) => generateMintmodel(assetPath, signal),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
