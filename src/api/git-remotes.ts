import type { GitRemoteFilterKey, GitRemoteSort } from '@contract/filters';
import {
  gitRemoteDocumentSchema,
  gitRemoteListDocumentSchema,
  type CredentialsRemovedMeta,
  type GitRemoteAttributes,
  type GitRemoteResource,
} from '@contract/git-remote';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { projectPath } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { apiRequest, describeRequest } from './client';
import { flatten, fetchDocument, fetchList, parseDocument, toRowList, type Flat } from './json-api';

// Git remotes of a project: `/api/projects/{p}/git_remotes[/{id}]` (domain §2.4). Credentials are never
// returned: a stored one reads `{{hidden}}`, an unset one null. The console never displays either.

export type GitRemoteListQuery = RansackQuery<GitRemoteFilterKey, GitRemoteSort>;
export type GitRemote = Flat<GitRemoteAttributes, CredentialsRemovedMeta>;

/** User and password, or an SSH key; blank fields are left out so they do not overwrite anything. */
export interface GitCredentials {
  user?: string;
  password?: string;
  ssh_key_data?: string;
}

export interface CreateGitRemoteInput {
  projectCode: string;
  attributes: { name: string; url: string } & GitCredentials;
}

export interface ArchiveGitRemoteInput {
  projectCode: string;
  id: string;
  archived: boolean;
}

export interface UpdateGitRemoteCredentialsInput {
  projectCode: string;
  id: string;
  credentials: GitCredentials;
}

export interface DeleteGitRemoteInput {
  projectCode: string;
  id: string;
}

/**
 * A DELETE either removes the remote (204) or, when a change used it, keeps it and wipes its credentials
 * (200 with `meta.credentials_removed` and the server's messages).
 */
export type DeleteGitRemoteResult =
  { outcome: 'deleted' } | { outcome: 'credentials_removed'; remote: GitRemote; messages: string[] };

export const gitRemoteKeys = {
  all: ['git-remotes'] as const,
  lists: () => [...gitRemoteKeys.all, 'list'] as const,
  list: (projectCode: string, query: GitRemoteListQuery) =>
    [...gitRemoteKeys.lists(), projectCode, query] as const,
};

const collectionPath = (projectCode: string) => `${projectPath(projectCode)}/git_remotes`;
const memberPath = (projectCode: string, id: string) =>
  `${collectionPath(projectCode)}/${encodeURIComponent(id)}`;
const toGitRemote = (resource: GitRemoteResource): GitRemote => flatten(resource);

/** Drops blank credential fields: an empty password box means "no password", not "set it to ''". */
export function presentCredentials(credentials: GitCredentials): GitCredentials {
  const out: GitCredentials = {};
  if (credentials.user?.trim()) out.user = credentials.user.trim();
  if (credentials.password) out.password = credentials.password;
  if (credentials.ssh_key_data?.trim()) out.ssh_key_data = credentials.ssh_key_data;
  return out;
}

export async function listGitRemotes(
  projectCode: string,
  query: GitRemoteListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<GitRemote>> {
  const list = await fetchList(gitRemoteListDocumentSchema, collectionPath(projectCode), {
    params: ransackParams(query),
    signal,
  });
  return toRowList(list, toGitRemote);
}

export async function createGitRemote({ projectCode, attributes }: CreateGitRemoteInput): Promise<GitRemote> {
  const { name, url, ...credentials } = attributes;
  const document = await fetchDocument(gitRemoteDocumentSchema, collectionPath(projectCode), {
    method: 'POST',
    body: { data: { attributes: { name, url, ...presentCredentials(credentials) } } },
  });
  return toGitRemote(document.data);
}

export async function archiveGitRemote({
  projectCode,
  id,
  archived,
}: ArchiveGitRemoteInput): Promise<GitRemote> {
  const document = await fetchDocument(gitRemoteDocumentSchema, memberPath(projectCode, id), {
    method: 'PATCH',
    body: { data: { attributes: { archived } } },
  });
  return toGitRemote(document.data);
}

export async function updateGitRemoteCredentials({
  projectCode,
  id,
  credentials,
}: UpdateGitRemoteCredentialsInput): Promise<GitRemote> {
  const document = await fetchDocument(gitRemoteDocumentSchema, memberPath(projectCode, id), {
    method: 'PATCH',
    body: { data: { attributes: presentCredentials(credentials) } },
  });
  return toGitRemote(document.data);
}

export async function deleteGitRemote({
  projectCode,
  id,
}: DeleteGitRemoteInput): Promise<DeleteGitRemoteResult> {
  const path = memberPath(projectCode, id);
  const body = await apiRequest(path, { method: 'DELETE' });
  if (body === null) return { outcome: 'deleted' };
  const document = parseDocument(gitRemoteDocumentSchema, body, describeRequest('DELETE', path));
  const remote = toGitRemote(document.data);
  // Any answer with a body means the remote was kept (the spec's 200); its meta says why.
  return { outcome: 'credentials_removed', remote, messages: remote.meta?.messages ?? [] };
}

export const gitRemoteListQuery = (projectCode: string, query: GitRemoteListQuery = {}) =>
  queryOptions({
    queryKey: gitRemoteKeys.list(projectCode, query),
    queryFn: ({ signal }) => listGitRemotes(projectCode, query, signal),
  });

function useInvalidatingMutation<I extends { projectCode: string }, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (_result: R, { projectCode }: I) =>
      queryClient.invalidateQueries({ queryKey: [...gitRemoteKeys.lists(), projectCode] }),
  });
}

export const useCreateGitRemote = () => useInvalidatingMutation(createGitRemote);
export const useArchiveGitRemote = () => useInvalidatingMutation(archiveGitRemote);
export const useUpdateGitRemoteCredentials = () => useInvalidatingMutation(updateGitRemoteCredentials);
export const useDeleteGitRemote = () => useInvalidatingMutation(deleteGitRemote);
