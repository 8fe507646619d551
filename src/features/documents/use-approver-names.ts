import { useQuery } from '@tanstack/react-query';
import { groupListQuery, userListQuery } from '@/api/users';

export interface ApproverNames {
  users: string[];
  groups: string[];
  /** Why the lists are empty or partial (no permission to list, or a failure); null when they loaded. */
  problem: string | null;
}

/**
 * Usernames and group names for `requires_approval_from` (the settings form and the JSON schema's
 * completion). Users without permission to list users or groups can still type names.
 */
export function useApproverNames(): ApproverNames {
  const users = useQuery(userListQuery());
  const groups = useQuery(groupListQuery());
  const failed = [users, groups].some((query) => query.isError);
  return {
    users: users.data?.items.map((user) => user.username) ?? [],
    groups: groups.data?.items.map((group) => group.cn) ?? [],
    problem: failed ? 'Users or groups could not be listed; type their names.' : null,
  };
}
