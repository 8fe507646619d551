import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { InboxDecision } from '@/api/approvals';
import { Dialog } from '@/ui/dialog';

export interface DecisionRequest {
  decision: InboxDecision;
  /** The names of the steps it applies to. */
  names: readonly string[];
}

export interface DecisionDialogProps {
  request: DecisionRequest | null;
  isSending: boolean;
  onSubmit: (message: string) => void;
  onClose: () => void;
}

const VERB: Record<InboxDecision, string> = { approve: 'Approve', reject: 'Reject', continue: 'Continue' };

function subject(names: readonly string[]): string {
  return names.length === 1 ? `“${names[0] ?? ''}”` : `${String(names.length)} steps`;
}

/**
 * Confirms a decision and takes its message: optional for approving and continuing, asked for when
 * rejecting, whose confirmation says it cannot be undone. Enter in the message sends it; the send button is
 * disabled while sending, so a second Enter or click sends nothing more.
 */
export function DecisionDialog({ request, isSending, onSubmit, onClose }: DecisionDialogProps) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shownRequest, setShownRequest] = useState(request);
  if (shownRequest !== request) {
    setShownRequest(request);
    setMessage('');
    setError(null);
  }
  const decision = request?.decision ?? 'approve';
  const isReject = decision === 'reject';

  const handleSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (isSending) return;
    if (isReject && message.trim() === '') {
      setError('Say why you reject it: the message is recorded with the rejection.');
      return;
    }
    onSubmit(message);
  };

  return (
    <Dialog
      opened={request !== null}
      onClose={onClose}
      // The inbox puts focus back on the list itself: the item that opened the dialog may be gone.
      returnFocus={false}
      title={request === null ? '' : `${VERB[decision]} ${subject(request.names)}`}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {request !== null && request.names.length > 1 ? (
            <Text size="sm">{request.names.join(', ')}</Text>
          ) : null}
          {isReject ? (
            <Alert color="red" title="This cannot be undone">
              OpsChain cannot reopen a rejected step: its change or workflow run is cancelled.
            </Alert>
          ) : null}
          <TextInput
            data-autofocus
            label={isReject ? 'Reason for rejecting' : 'Message (optional)'}
            required={isReject}
            value={message}
            error={error}
            onChange={(event) => {
              setMessage(event.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={isReject ? 'red' : undefined} loading={isSending}>
              {VERB[decision]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
