import {
  bookmarkDocumentSchema,
  bookmarkListDocumentSchema,
  type BookmarkAttributes,
  type BookmarkResource,
} from '@contract/bookmark';
import type { JsonObject } from '@contract/json-api';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';

import { apiRequest } from './client';
import { fetchDocument, fetchList, flatten, toRowList, type Flat } from './json-api';

// Bookmarks: labelled URLs on any node, `<node path>/bookmarks[/{id}]` (domain §2.5). Changing them needs
// the node's own update permission (`meta.authorisations.self.update`).

export type Bookmark = Flat<BookmarkAttributes, JsonObject | null | undefined>;

export interface BookmarkFields {
  url: string;
  description: string;
}

export interface CreateBookmarkInput {
  /** The OpsChain path of the node, `/projects/bank/environments/dev`. */
  nodePath: string;
  fields: BookmarkFields;
}

export interface UpdateBookmarkInput {
  nodePath: string;
  id: string;
  fields: BookmarkFields;
}

export interface DeleteBookmarkInput {
  nodePath: string;
  id: string;
}

export const bookmarkKeys = {
  all: ['bookmarks'] as const,
  lists: () => [...bookmarkKeys.all, 'list'] as const,
  list: (nodePath: string) => [...bookmarkKeys.lists(), nodePath] as const,
};

const collectionPath = (nodePath: string) => `${nodePath}/bookmarks`;
const memberPath = (nodePath: string, id: string) => `${collectionPath(nodePath)}/${encodeURIComponent(id)}`;
const toBookmark = (resource: BookmarkResource): Bookmark => flatten(resource);

export async function listBookmarks(nodePath: string, signal?: AbortSignal): Promise<RowList<Bookmark>> {
  return toRowList(
    await fetchList(bookmarkListDocumentSchema, collectionPath(nodePath), { signal }),
    toBookmark,
  );
}

export async function createBookmark({ nodePath, fields }: CreateBookmarkInput): Promise<Bookmark> {
  // The contract requires `created_by` (null allowed); null lets the server name the caller.
  const document = await fetchDocument(bookmarkDocumentSchema, collectionPath(nodePath), {
    method: 'POST',
    body: { data: { attributes: { ...fields, created_by: null } } },
  });
  return toBookmark(document.data);
}

export async function updateBookmark({ nodePath, id, fields }: UpdateBookmarkInput): Promise<Bookmark> {
  const document = await fetchDocument(bookmarkDocumentSchema, memberPath(nodePath, id), {
    method: 'PATCH',
    body: { data: { attributes: fields } },
  });
  return toBookmark(document.data);
}

export async function deleteBookmark({ nodePath, id }: DeleteBookmarkInput): Promise<void> {
  await apiRequest(memberPath(nodePath, id), { method: 'DELETE' });
}

export const bookmarkListQuery = (nodePath: string) =>
  queryOptions({
    queryKey: bookmarkKeys.list(nodePath),
    queryFn: ({ signal }) => listBookmarks(nodePath, signal),
  });

export function useCreateBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBookmark,
    onSuccess: (_bookmark, { nodePath }) =>
      queryClient.invalidateQueries({ queryKey: bookmarkKeys.list(nodePath) }),
  });
}

export function useUpdateBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBookmark,
    onSuccess: (_bookmark, { nodePath }) =>
      queryClient.invalidateQueries({ queryKey: bookmarkKeys.list(nodePath) }),
  });
}

export function useDeleteBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBookmark,
    onSuccess: (_result, { nodePath }) =>
      queryClient.invalidateQueries({ queryKey: bookmarkKeys.list(nodePath) }),
  });
}
