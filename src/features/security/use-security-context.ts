import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accessDataQuery } from '@/api/authorisation';
import { useSignedInUsername } from '@/api/credentials';
import { nodePathsQuery } from '@/api/node-paths';
import { userListQuery } from '@/api/users';
import { authorizerFor, type AccessData, type ImpactUser } from '@/lib/access-model';

// What the editing pages share: the rules, policies and assignments as they are now, the users and node
// paths an impact preview decides over, and whether the signed-in user may change rules and policies
// (decided with the same evaluator, on the objects just read).

export interface SecurityContext {
  access: AccessData | undefined;
  users: readonly ImpactUser[];
  nodePaths: readonly string[];
  currentUser: ImpactUser | null;
  /** Why the signed-in user may not change rules (null when they may, or while unknown). */
  rulesDenied: string | null;
  policiesDenied: string | null;
  isLoading: boolean;
}

export function useSecurityContext(): SecurityContext {
  const access = useQuery(accessDataQuery());
  const users = useQuery(userListQuery());
  const nodePaths = useQuery(nodePathsQuery());
  const username = useSignedInUsername();
  return useMemo(() => {
    const impactUsers = (users.data?.items ?? []).map((user) => ({
      username: user.username,
      groups: user.groupnames,
    }));
    const currentUser =
      username === null
        ? null
        : (impactUsers.find((user) => user.username === username) ?? { username, groups: [] });
    const data = access.data?.data;
    const deniedOn = (path: string): string | null => {
      if (data === undefined || currentUser === null) return null;
      const authz = authorizerFor(data, { kind: 'user', ...currentUser });
      return authz.decide(path, 'update') ? null : `You need update permission on ${path} to change these.`;
    };
    return {
      access: data,
      users: impactUsers,
      nodePaths: nodePaths.data ?? [],
      currentUser,
      rulesDenied: deniedOn('/authorisation_rules'),
      policiesDenied: deniedOn('/authorisation_policies'),
      isLoading: access.isPending || users.isPending || nodePaths.isPending,
    };
  }, [
    access.data,
    access.isPending,
    users.data,
    users.isPending,
    nodePaths.data,
    nodePaths.isPending,
    username,
  ]);
}
