import { useQuery } from '@tanstack/react-query';
import { useSignedInUsername } from './credentials';
import { userByNameQuery, type User } from './users';

export interface CurrentUser {
  /** Null when signed out. */
  username: string | null;
  /** The user's record with `groupnames`; null when it may not be read; undefined while loading. */
  user: User | null | undefined;
  isLoading: boolean;
}

/** The signed-in user and their groups, for anything that depends on who is asking (approvals). */
export function useCurrentUser(): CurrentUser {
  const username = useSignedInUsername();
  const query = useQuery({ ...userByNameQuery(username ?? ''), enabled: username !== null });
  return { username, user: username === null ? null : query.data, isLoading: query.isLoading };
}
