import { Group, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ChangeStep } from '@/api/changes';
import { failureMessage } from '@/api/failures';
import { useDecideStep, useSetSkipOnRetry, type StepDecision } from '@/api/steps';
import { alreadyDecidedMessage, type StepAction, type Verdict } from '@/lib/step-permissions';
import { FormAlert } from '@/ui/form-alert';
import { GuardedButton } from '@/ui/guarded-button';
import { notifySuccess } from '@/ui/notify';
import { StepDecisionControls } from '@/ui/step-decision-controls';

export interface StepActionsProps {
  step: ChangeStep;
  verdicts: Record<StepAction, Verdict>;
}

const DONE: Record<StepDecision, string> = {
  approve: 'Step approved',
  reject: 'Step rejected',
  continue: 'Step continued',
};

/**
 * What can be done with the step: approve / reject (with an optional message) an approval step, continue a
 * wait step, flag a failed step to be skipped on retry. Actions the user may not take stay visible, disabled,
 * with the reason.
 */
export function StepActions({ step, verdicts }: StepActionsProps) {
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);
  const decide = useDecideStep();
  const skip = useSetSkipOnRetry();
  const isApproval = step.requires_approval_from !== null || step.status_code === 'waiting_for_approval';
  const isWait = step.status_code === 'waiting' || (step.continued_by?.length ?? 0) > 0;
  const isFailed = step.status_code === 'error';

  const handleDecision = (decision: StepDecision) => {
    setProblem(null);
    decide.mutate(
      { stepId: step.id, decision, message: decision === 'continue' ? undefined : message },
      {
        onSuccess: (result) => {
          if (result.outcome === 'not_waiting') {
            setProblem({ title: 'Too late', text: alreadyDecidedMessage(result.step) });
            return;
          }
          setMessage('');
          notifySuccess(DONE[decision]);
        },
        onError: (error) => {
          setProblem({ title: 'Not done', text: failureMessage(error) });
        },
      },
    );
  };

  const handleSkip = () => {
    setProblem(null);
    skip.mutate(
      { stepId: step.id, skip: !step.skip_on_retry },
      {
        onSuccess: (updated) => {
          notifySuccess(
            updated.skip_on_retry ? 'The step will be skipped on retry' : 'The step will run on retry',
          );
        },
        onError: (error) => {
          setProblem({ title: 'Not changed', text: failureMessage(error) });
        },
      },
    );
  };

  if (!isApproval && !isWait && !isFailed) return null;
  return (
    <Stack gap="sm" aria-label="Step actions" role="group">
      <FormAlert title={problem?.title ?? 'Not done'} message={problem?.text ?? null} />
      <StepDecisionControls
        isApproval={isApproval}
        isWait={isWait}
        verdicts={verdicts}
        pending={decide.isPending ? decide.variables.decision : null}
        message={message}
        onMessageChange={setMessage}
        onDecide={handleDecision}
      />
      {isFailed ? (
        <Group>
          <GuardedButton
            deniedReason={verdicts.skip_on_retry}
            variant="default"
            loading={skip.isPending}
            onClick={handleSkip}
          >
            {step.skip_on_retry ? 'Do not skip on retry' : 'Skip on retry'}
          </GuardedButton>
        </Group>
      ) : null}
    </Stack>
  );
}
