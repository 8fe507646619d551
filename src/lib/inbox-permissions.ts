// Whether the signed-in user may decide an inbox item, and the reason when not (issue 14; domain §7.5,
// §9.4): approving or rejecting needs the user listed in `requires_approval_from` (a comma list of
// usernames and group names) and execute permission where the step runs; continuing needs the permission.

export interface Decider {
  username: string;
  /** The user's groups; null when they could not be read (only the username is then matched). */
  groupnames: readonly string[] | null;
}

export interface DecidableItem {
  kind: 'approve' | 'continue';
  requiresApprovalFrom: string | null;
  /** Where execute permission is needed (`<node>/changes`, `<project>/workflow_runs`). */
  executePath: string | null;
  /** Null when unknown: the server then decides. */
  mayExecute: boolean | null;
}

/** `requires_approval_from` as a list of names. */
export function approverNames(requiresApprovalFrom: string | null): string[] {
  if (requiresApprovalFrom === null) return [];
  return requiresApprovalFrom
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Who an item waits for, as a person reads it. */
export function waitsFor(item: Pick<DecidableItem, 'kind' | 'requiresApprovalFrom' | 'executePath'>): string {
  const names = approverNames(item.requiresApprovalFrom);
  if (item.kind === 'approve' && names.length > 0) return names.join(', ');
  return item.executePath === null
    ? 'anyone who may run it'
    : `anyone with execute permission on ${item.executePath}`;
}

/** Null when the user may decide the item, else why not. */
export function inboxDenial(item: DecidableItem, user: Decider): string | null {
  if (item.kind === 'approve') {
    const names = approverNames(item.requiresApprovalFrom);
    const isListed =
      names.includes(user.username) || (user.groupnames ?? []).some((group) => names.includes(group));
    if (!isListed) {
      const unknownGroups = user.groupnames === null ? ' (your groups could not be read)' : '';
      return names.length === 0
        ? 'No approvers are named for this step'
        : `Waits for approval from ${names.join(', ')}; you are not one of them and in none of those groups${unknownGroups}`;
    }
  }
  if (item.mayExecute === false) {
    return `You need execute permission on ${item.executePath ?? 'its target'} to ${item.kind} it`;
  }
  return null;
}

/** How many items the user may decide (the navbar badge and the document title). */
export function countDecidable(items: readonly DecidableItem[], user: Decider): number {
  return items.reduce((sum, item) => sum + (inboxDenial(item, user) === null ? 1 : 0), 0);
}
