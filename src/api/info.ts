import { infoDocumentSchema, type InfoAttributes } from '@contract/user';
import { queryOptions } from '@tanstack/react-query';
import { fetchDocument, flatten, type Flat } from './json-api';

// `GET /api/info`: the server's versions (domain §13).

export type Info = Flat<InfoAttributes, unknown>;

export const infoKeys = { all: ['info'] as const };

export async function getInfo(signal?: AbortSignal): Promise<Info> {
  const document = await fetchDocument(infoDocumentSchema, '/info', { signal });
  return flatten(document.data);
}

/** The server's versions change only with an upgrade: fetched once per page load. */
export const infoQuery = () =>
  queryOptions({ queryKey: infoKeys.all, queryFn: ({ signal }) => getInfo(signal), staleTime: Infinity });
