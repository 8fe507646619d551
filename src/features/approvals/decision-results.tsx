import { Alert, List, Text } from '@mantine/core';
import type { DecisionResult, InboxDecision } from '@/api/approvals';

export interface DecisionOutcome {
  key: string;
  name: string;
  decision: InboxDecision;
  result: DecisionResult;
}

export interface DecisionResultsProps {
  outcomes: readonly DecisionOutcome[];
  onDismiss: () => void;
}

const DONE: Record<InboxDecision, string> = {
  approve: 'approved',
  reject: 'rejected',
  continue: 'continued',
};

function describe({ decision, result }: DecisionOutcome): string {
  if (result.outcome === 'done') return DONE[decision];
  if (result.outcome === 'already-decided') return result.message;
  return `refused: ${result.message}`;
}

/** What became of each item of the last decision: done, already decided by someone else, or refused. */
export function DecisionResults({ outcomes, onDismiss }: DecisionResultsProps) {
  if (outcomes.length === 0) return null;
  const done = outcomes.filter((o) => o.result.outcome === 'done').length;
  const isAllDone = done === outcomes.length;
  return (
    <Alert
      variant="default"
      color={isAllDone ? 'green' : 'yellow'}
      title={`${String(done)} of ${String(outcomes.length)} done`}
      withCloseButton
      closeButtonLabel="Dismiss results"
      onClose={onDismiss}
      role="status"
    >
      <List size="sm" spacing={2}>
        {outcomes.map((outcome) => (
          <List.Item key={outcome.key}>
            <Text span size="sm" fw={600}>
              {outcome.name}
            </Text>
            : {describe(outcome)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
