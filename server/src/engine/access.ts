import type { Principal } from '../auth.ts';
import type { Authorizer } from '@contract/authz.ts';

/**
 * Who may see and act on changes (domain §5.3). A change is visible when its target node is readable, the
 * node's `/changes` is readable and so is `<node>/actions/<action>` — otherwise it answers 404 as if absent.
 */
export function canSeeChange(authz: Authorizer, nodePath: string, action: string): boolean {
  return authz.may(nodePath, '/changes', 'read') && authz.decide(`${nodePath}/actions/${action}`, 'read');
}

/** Creating, cancelling and acting on steps of changes on a node. */
export function canExecuteChanges(authz: Authorizer, nodePath: string): boolean {
  return authz.may(nodePath, '/changes', 'execute');
}

/** Creating a change also needs execute on `<node>/actions/<action>`. */
export function canRunAction(authz: Authorizer, nodePath: string, action: string): boolean {
  return canExecuteChanges(authz, nodePath) && authz.decide(`${nodePath}/actions/${action}`, 'execute');
}

/** Log lines of an action the caller may not read at `<node>/log_lines/<action>` are listed, but redacted. */
export function logsRedacted(authz: Authorizer, nodePath: string, action: string): boolean {
  return !authz.decide(`${nodePath}/log_lines/${action}`, 'read');
}

/** The message a redacted log line carries instead of its own. */
export const REDACTED_MESSAGE = '[redacted: you are not permitted to read the log lines of this action]';

/** `requires_approval_from` is a comma list of usernames and group names. */
export function approverNames(requiresApprovalFrom: string | null): string[] {
  if (requiresApprovalFrom === null) return [];
  return requiresApprovalFrom
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Listed (by name or through a listed group) and allowed to execute changes on the node. */
export function mayApprove(
  principal: Principal,
  authz: Authorizer,
  nodePath: string,
  requiresApprovalFrom: string | null,
): boolean {
  const names = approverNames(requiresApprovalFrom);
  const listed = names.includes(principal.username) || principal.groups.some((g) => names.includes(g));
  return listed && canExecuteChanges(authz, nodePath);
}
