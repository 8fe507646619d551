import { isTerminalStatus } from '@contract/change';
import type { ChangeStep } from '@/api/changes';

/**
 * The steps a cancel stops: the unfinished steps without unfinished children (a parent stops with its
 * children), in tree order. Running, pending and waiting ones alike.
 */
export function stepsToStop(steps: readonly ChangeStep[]): ChangeStep[] {
  const unfinished = new Set(steps.filter((step) => !isTerminalStatus(step.status_code)).map((s) => s.id));
  return steps.filter(
    (step) => unfinished.has(step.id) && !step.child_ids.some((childId) => unfinished.has(childId)),
  );
}

/**
 * The next step with one of `statuses` after `fromId` in tree order, wrapping around; null when none. A parent
 * that only carries the status of a child (a failed child fails its parent) is skipped for that child.
 */
export function nextStepWith(
  steps: readonly ChangeStep[],
  statuses: readonly string[],
  fromId: string | undefined,
): ChangeStep | null {
  const matching = new Set(steps.filter((step) => statuses.includes(step.status_code)).map((s) => s.id));
  const start = fromId === undefined ? -1 : steps.findIndex((step) => step.id === fromId);
  for (let offset = 1; offset <= steps.length; offset += 1) {
    const step = steps[(start + offset + steps.length) % steps.length];
    if (step === undefined || !matching.has(step.id)) continue;
    if (!step.child_ids.some((childId) => matching.has(childId))) return step;
  }
  return null;
}
