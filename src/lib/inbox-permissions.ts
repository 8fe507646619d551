import { approverNames, describeApprovers, isListedApprover, type Asker } from './step-permissions';

// Whether the signed-in user may decide an inbox item, and the reason when not (issue 14; domain §7.5,
// §9.4). Builds on the change page's step rules (step-permissions.ts) and adds what the inbox needs for
// both kinds of step: approving or rejecting needs the user listed in `requires_approval_from` and execute
// permission where the step runs (`<node>/changes` for a change, `<project>/workflow_runs` for a workflow
// run); continuing needs that permission only.

export interface DecidableItem {
  kind: 'approve' | 'continue';
  requiresApprovalFrom: string | null;
  /** Where execute permission is needed (`<node>/changes`, `<project>/workflow_runs`). */
  executePath: string | null;
  /** Null when unknown: the server then decides. */
  mayExecute: boolean | null;
}

/** Who an item waits for, as a person reads it. */
export function waitsFor(item: Pick<DecidableItem, 'kind' | 'requiresApprovalFrom' | 'executePath'>): string {
  const names = approverNames(item.requiresApprovalFrom);
  if (item.kind === 'approve' && names.length > 0) return describeApprovers(names, new Set());
  return item.executePath === null
    ? 'anyone who may run it'
    : `anyone with execute permission on ${item.executePath}`;
}

/** Null when the user may decide the item (or only the server can tell), else why not. */
export function inboxDenial(item: DecidableItem, asker: Asker): string | null {
  if (item.kind === 'approve' && isListedApprover(asker, item.requiresApprovalFrom) === false) {
    const names = approverNames(item.requiresApprovalFrom);
    return names.length === 0
      ? 'The step names no approvers'
      : `Requires approval from ${describeApprovers(names, new Set())}; you are neither named nor in a named group`;
  }
  if (item.mayExecute === false) {
    return `You need execute permission on ${item.executePath ?? 'its target'} to ${item.kind} it`;
  }
  return null;
}

/** How many items the user may decide (the navbar badge and the document title). */
export function countDecidable(items: readonly DecidableItem[], asker: Asker): number {
  return items.reduce((sum, item) => sum + (inboxDenial(item, asker) === null ? 1 : 0), 0);
}
