import type { GroupFilterKey, GroupSort, UserFilterKey, UserSort } from '@contract/filters';
import {
  groupListDocumentSchema,
  userListDocumentSchema,
  type GroupAttributes,
  type UserAttributes,
} from '@contract/user';
import { queryOptions } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import type { Credentials } from './credentials';
import { isApiError } from './errors';
import { fetchList, flatten, toRowList, type Flat } from './json-api';
import { retryRead, type RetryOptions } from './retry';

// Users and LDAP groups: `/api/users`, `/api/groups` (domain §4).

export type UserListQuery = RansackQuery<UserFilterKey, UserSort>;
export type GroupListQuery = RansackQuery<GroupFilterKey, GroupSort>;
export type User = Flat<UserAttributes, unknown>;
export type Group = Flat<GroupAttributes, unknown>;

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (query: UserListQuery) => [...userKeys.lists(), query] as const,
  byName: (username: string) => [...userKeys.all, 'by-name', username] as const,
};

export const groupKeys = {
  all: ['groups'] as const,
  list: (query: GroupListQuery) => [...groupKeys.all, 'list', query] as const,
};

interface ListOptions {
  signal?: AbortSignal | undefined;
  credentials?: Credentials;
}

export async function listUsers(
  query: UserListQuery = {},
  options: ListOptions = {},
): Promise<RowList<User>> {
  const list = await fetchList(userListDocumentSchema, '/users', {
    params: ransackParams(query),
    ...options,
  });
  return toRowList(list, flatten);
}

export async function listGroups(query: GroupListQuery = {}, signal?: AbortSignal): Promise<RowList<Group>> {
  const list = await fetchList(groupListDocumentSchema, '/groups', { params: ransackParams(query), signal });
  return toRowList(list, flatten);
}

/**
 * The record of `username`, or null when the caller may not list users (403) or the server has no record
 * (LDAP users appear after their first sign-in). Other failures throw.
 */
export async function findUser(username: string, options: ListOptions = {}): Promise<User | null> {
  try {
    const users = await listUsers({ filters: { username_eq: username } }, options);
    return users.items.find((user) => user.username === username) ?? null;
  } catch (error) {
    if (isApiError(error, 403)) return null;
    throw error;
  }
}

/**
 * Checks a username and password with the server before the console keeps them: `GET /api/users` needs
 * authentication on every OpsChain (whether `/api/info` does is unspecified), so any answer but 401 proves
 * the password; a 403 only means the user may not list users. Resolves with the user's record (null when
 * it is not readable); rejects with ApiError 401 for wrong credentials, NetworkError or ApiError 5xx when
 * the server cannot be asked even after retrying (a safe read: one busy answer must not fail a sign-in;
 * `onRetry` hears of each retry).
 */
export function verifyCredentials(
  credentials: Credentials,
  { signal, onRetry }: RetryOptions = {},
): Promise<User | null> {
  return retryRead(() => findUser(credentials.username, { credentials, signal }), { signal, onRetry });
}

export const userListQuery = (query: UserListQuery = {}) =>
  queryOptions({ queryKey: userKeys.list(query), queryFn: ({ signal }) => listUsers(query, { signal }) });

/** The signed-in user's record and groups (the approvals inbox needs the groups). */
export const userByNameQuery = (username: string) =>
  queryOptions({
    queryKey: userKeys.byName(username),
    queryFn: ({ signal }) => findUser(username, { signal }),
    staleTime: 5 * 60_000,
  });

export const groupListQuery = (query: GroupListQuery = {}) =>
  queryOptions({ queryKey: groupKeys.list(query), queryFn: ({ signal }) => listGroups(query, signal) });
