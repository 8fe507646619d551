import { Group, Textarea } from '@mantine/core';
import { GuardedButton } from './guarded-button';

/** What a waiting step may be told: approve or reject it (approval), or continue it (wait). */
export type StepDecisionKind = 'approve' | 'reject' | 'continue';

export interface StepDecisionControlsProps {
  /** The step waits for approval: the message field and Approve / Reject. */
  isApproval: boolean;
  /** The step waits to be continued: Continue. */
  isWait: boolean;
  /** Why each decision is not the user's to make; null where it is. */
  verdicts: Record<StepDecisionKind, string | null>;
  /** The decision on its way to the server: its button spins, and a second click sends nothing. */
  pending: StepDecisionKind | null;
  message: string;
  onMessageChange: (message: string) => void;
  onDecide: (decision: StepDecisionKind) => void;
}

const LABELS: Record<StepDecisionKind, string> = {
  approve: 'Approve',
  reject: 'Reject',
  continue: 'Continue',
};

/**
 * The controls for deciding a waiting change or workflow step. A decision the user may not take stays
 * visible, disabled, with the reason; the message field shows only to someone who may decide.
 */
export function StepDecisionControls({
  isApproval,
  isWait,
  verdicts,
  pending,
  message,
  onMessageChange,
  onDecide,
}: StepDecisionControlsProps) {
  const canDecide = verdicts.approve === null || verdicts.reject === null;
  const button = (decision: StepDecisionKind, isPrimary: boolean) => (
    <GuardedButton
      deniedReason={verdicts[decision]}
      variant={isPrimary ? 'filled' : 'default'}
      {...(decision === 'reject' ? { color: 'red' } : {})}
      loading={pending === decision}
      onClick={() => {
        if (pending === null) onDecide(decision);
      }}
    >
      {LABELS[decision]}
    </GuardedButton>
  );
  return (
    <>
      {isApproval && canDecide ? (
        <Textarea
          label="Message (optional)"
          description="Recorded with your decision"
          autosize
          minRows={2}
          maxRows={6}
          value={message}
          onChange={(event) => {
            onMessageChange(event.currentTarget.value);
          }}
        />
      ) : null}
      {isApproval || isWait ? (
        <Group gap="xs">
          {isApproval ? (
            <>
              {button('approve', true)}
              {button('reject', false)}
            </>
          ) : null}
          {isWait ? button('continue', !isApproval) : null}
        </Group>
      ) : null}
    </>
  );
}
