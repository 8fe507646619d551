import { Text } from '@mantine/core';
import type { NodeRef } from '@/lib/node-path';
import { WarningAlert } from '@/ui/warning-alert';
import { useApprovalCheck } from './use-target-node';

/** Says, before a change is started, whether its target's settings will make it wait for approval. */
export function ApprovalNotice({ target }: { target: NodeRef | null }) {
  const check = useApprovalCheck(target);
  switch (check.state) {
    case 'none':
    case 'checking':
      return null;
    case 'unknown':
      return (
        <Text size="sm" c="dimmed">
          Whether this change needs approval could not be checked: {check.reason}
        </Text>
      );
    case 'required':
      return (
        <WarningAlert title="This change will wait for approval">
          The target’s settings require approval from {check.approvers.join(', ')} (a listed user or a member
          of a listed group) before the change runs.
        </WarningAlert>
      );
  }
}
