import type { ApprovalRecord, ChangeAttributes, StepAttributes } from '@contract/change';
import { isTerminalStatus } from '@contract/change';
import type { NodeAuthorisations } from '@contract/node';
import type { NodeKind } from './node-path';

// What the signed-in user may do with a step of a change, and why not (domain §7.5): approve and reject a
// step `waiting_for_approval` when named in its `requires_approval_from` (as a user or through a group);
// continue a `waiting` step; flag a failed step `skip_on_retry`; cancel an unfinished change. Each of them
// also needs execute on the target's changes (`meta.authorisations.changes.execute`). The server decides in
// the end; this only keeps the console from offering what it would refuse, and says why.

export type StepAction = 'approve' | 'reject' | 'continue' | 'skip_on_retry';
export type ChangeAction = 'cancel';

/** Null when allowed, else the reason in plain words. */
export type Verdict = string | null;

export interface Asker {
  username: string;
  /** The user's groups; null when they are not known (the user's record may not be read). */
  groups: readonly string[] | null;
}

export interface ChangeTarget {
  kind: NodeKind;
  /** `meta.authorisations` of the change's target node; null while unknown (loading or unreadable). */
  authorisations: NodeAuthorisations | null;
}

type StepFacts = Pick<StepAttributes, 'status_code' | 'requires_approval_from'>;
type ChangeFacts = Pick<ChangeAttributes, 'status_code'>;

/** `requires_approval_from` is a comma list of usernames and group names. */
export function approverNames(requiresApprovalFrom: string | null): string[] {
  if (requiresApprovalFrom === null) return [];
  return requiresApprovalFrom
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** "approvers", "approvers or alice", "approvers, qa or alice"; `groupNames` marks the known groups. */
export function describeApprovers(names: readonly string[], groupNames: ReadonlySet<string>): string {
  const labels = names.map((name) => (groupNames.has(name) ? `group ${name}` : name));
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`;
}

/** Whether the asker is named, or one of their groups is; null when only their (unknown) groups could tell. */
export function isListedApprover(asker: Asker, requiresApprovalFrom: string | null): boolean | null {
  const names = approverNames(requiresApprovalFrom);
  if (names.includes(asker.username)) return true;
  if (asker.groups === null) return names.length === 0 ? false : null;
  return asker.groups.some((group) => names.includes(group));
}

/** Why the asker may not execute changes on the target, or null when they may. */
export function executeVerdict(target: ChangeTarget): Verdict {
  if (target.authorisations === null) return 'Checking your permissions on this target…';
  return target.authorisations.changes?.execute === true
    ? null
    : `You may not execute changes on this ${target.kind}`;
}

export interface StepVerdictInput {
  step: StepFacts;
  change: ChangeFacts;
  asker: Asker;
  target: ChangeTarget;
  /** Names in `requires_approval_from` known to be groups, so the reason can say "group approvers". */
  groupNames?: ReadonlySet<string>;
}

function decisionVerdict({ step, asker, target, groupNames = new Set() }: StepVerdictInput): Verdict {
  if (step.status_code !== 'waiting_for_approval') return 'The step is not waiting for approval';
  const listed = isListedApprover(asker, step.requires_approval_from);
  if (listed === false) {
    const names = approverNames(step.requires_approval_from);
    return names.length === 0
      ? 'The step names no approvers'
      : `Requires approval from ${describeApprovers(names, groupNames)}`;
  }
  // Listed, or only the server knows the asker's groups: it decides.
  return executeVerdict(target);
}

/** For each step action, null when the asker may perform it, else why not. */
export function stepVerdicts(input: StepVerdictInput): Record<StepAction, Verdict> {
  const { step, change, target } = input;
  const decision = decisionVerdict(input);
  const finished = isTerminalStatus(change.status_code);
  return {
    approve: decision,
    reject: decision,
    continue: step.status_code === 'waiting' ? executeVerdict(target) : 'The step is not waiting',
    skip_on_retry:
      step.status_code !== 'error'
        ? 'Only a failed step can be skipped on retry'
        : finished
          ? executeVerdict(target)
          : 'The change is still running',
  };
}

/** Null when the asker may cancel the change, else why not. */
export function cancelVerdict(change: ChangeFacts, target: ChangeTarget): Verdict {
  if (isTerminalStatus(change.status_code)) return 'The change has finished';
  return executeVerdict(target);
}

export type Decision = 'approved' | 'rejected' | 'continued';

/** The last decision recorded on a step, with who made it: what a raced decision lost to. */
export function lastDecision(
  step: Pick<StepAttributes, 'approved_by' | 'rejected_by' | 'continued_by' | 'status_code'>,
): { decision: Decision; record: ApprovalRecord | null } | null {
  const candidates: [Decision, readonly ApprovalRecord[] | null][] = [
    ['rejected', step.rejected_by],
    ['approved', step.approved_by],
    ['continued', step.continued_by],
  ];
  for (const [decision, records] of candidates) {
    const record = records?.at(-1);
    if (record !== undefined) return { decision, record };
  }
  if (step.status_code === 'rejected') return { decision: 'rejected', record: null };
  return null;
}

/**
 * What to tell someone whose decision came too late (the server answered "step is not waiting"): "Already
 * approved by alice", or the step's status when nobody is recorded.
 */
export function alreadyDecidedMessage(
  step: Pick<StepAttributes, 'approved_by' | 'rejected_by' | 'continued_by' | 'status_code'> | null,
): string {
  if (step === null) return 'The step is no longer waiting';
  const last = lastDecision(step);
  if (last === null) return `The step is no longer waiting (it is ${step.status_code.replaceAll('_', ' ')})`;
  const by = last.record === null ? '' : ` by ${last.record.username}`;
  return `Already ${last.decision}${by}`;
}
