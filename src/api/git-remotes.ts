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

/** User and password, or an SSH key, as the caller has them; blank or absent means none. */
export interface GitCredentials {
  user?: string | null;
  password?: string | null;
  ssh_key_data?: string | null;
}

/**
 * The credentials as the contract writes them: all three keys on every create and every replacement, null
 * where there is none. A server that updates only the keys it receives would otherwise keep an old SSH key
 * when a password replaces it.
 */
export interface CredentialsBody {
  user: string | null;
  password: string | null;
  ssh_key_data: string | null;
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

/** All three keys; blank fields become null: an empty password box means "no password", not "set it to ''". */
export function credentialsBody(credentials: GitCredentials): CredentialsBody {
  const user = credentials.user?.trim() ?? '';
  const password = credentials.password ?? '';
  const sshKey = credentials.ssh_key_data ?? '';
  return {
    user: user === '' ? null : user,
    password: password === '' ? null : password,
    ssh_key_data: sshKey.trim() === '' ? null : sshKey,
  };
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
    body: { data: { attributes: { name, url, ...credentialsBody(credentials) } } },
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
    body: { data: { attributes: credentialsBody(credentials) } },
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
