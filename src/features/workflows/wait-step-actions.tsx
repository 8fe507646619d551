import { Stack } from '@mantine/core';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { useDecideWorkflowStep, type WorkflowRunStep } from '@/api/workflow-runs';
import type { WorkflowStepDecision } from '@/api/workflow-steps';
import { alreadyDecidedMessage, type Verdict } from '@/lib/step-permissions';
import type { WorkflowStepAction } from '@/lib/workflow-step-permissions';
import { FormAlert } from '@/ui/form-alert';
import { notifySuccess } from '@/ui/notify';
import { StepDecisionControls } from '@/ui/step-decision-controls';

export interface WaitStepActionsProps {
  step: Extract<WorkflowRunStep, { type: 'workflow_wait_step' }>;
  verdicts: Record<WorkflowStepAction, Verdict>;
}

const DONE: Record<WorkflowStepDecision, string> = {
  approve: 'Step approved',
  reject: 'Step rejected',
  continue: 'Step continued',
};

/** Approve or reject (with an optional message) a wait step needing approval, or continue a plain one. */
export function WaitStepActions({ step, verdicts }: WaitStepActionsProps) {
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);
  const decide = useDecideWorkflowStep();
  const isApproval = step.requires_approval_from !== null;

  const handleDecision = (decision: WorkflowStepDecision) => {
    setProblem(null);
    decide.mutate(
      { stepId: step.id, decision, message: decision === 'continue' ? undefined : message },
      {
        onSuccess: (result) => {
          if (result.outcome === 'not_waiting') {
            setProblem({
              title: 'Too late',
              text: alreadyDecidedMessage(result.step?.type === 'workflow_wait_step' ? result.step : null),
            });
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
  return (
    <Stack gap="sm" aria-label="Step actions" role="group">
      <FormAlert title={problem?.title ?? 'Not done'} message={problem?.text ?? null} />
      <StepDecisionControls
        isApproval={isApproval}
        isWait={!isApproval}
        verdicts={verdicts}
        pending={decide.isPending ? decide.variables.decision : null}
        message={message}
        onMessageChange={setMessage}
        onDecide={handleDecision}
      />
    </Stack>
  );
}
