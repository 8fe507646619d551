import { useDisclosure } from '@mantine/hooks';
import { IconRepeat } from '@tabler/icons-react';
import type { NodeAuthorisations } from '@contract/node';
import type { ChangeDetail } from '@/api/changes';
import { denial } from '@/lib/permissions';
import { GuardedButton } from '@/ui/guarded-button';
import { RunChangeDialog } from './run-change-dialog';
import type { RunChangeInitial } from './run-change-types';

export interface RunAgainButtonProps {
  detail: ChangeDetail;
  /** The caller's permissions on the change's target (null while they load). */
  authorisations: NodeAuthorisations | null;
  onCreated: (changeId: string) => void;
}

/** What "Run again" starts from: the old change's target, action, revision, overrides and metadata. */
export function runAgainValues(detail: ChangeDetail): RunChangeInitial {
  const { change } = detail;
  return {
    target: detail.targetPath ?? undefined,
    action: change.action,
    git_remote: change.git_remote_name,
    git_rev: change.git_rev,
    template_version: detail.templateVersion?.version ?? null,
    property_overrides: change.property_overrides,
    metadata: change.metadata,
  };
}

/**
 * "Run again": the API has no retry, so this opens the run-change dialog filled in from this change, editable
 * before sending; the new change is a change of its own.
 */
export function RunAgainButton({ detail, authorisations, onCreated }: RunAgainButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  const { targetPath } = detail;
  const deniedReason =
    targetPath === null
      ? 'The change’s target could not be read, so it cannot be run again from here'
      : authorisations === null
        ? null
        : denial(authorisations, {
            nodePath: targetPath,
            facet: 'changes',
            permission: 'execute',
            purpose: 'run changes',
          });
  return (
    <>
      <GuardedButton
        variant="default"
        leftSection={<IconRepeat size={16} aria-hidden />}
        deniedReason={deniedReason}
        onClick={dialog.open}
      >
        Run again
      </GuardedButton>
      <RunChangeDialog
        opened={isOpen}
        onClose={dialog.close}
        target={targetPath ?? undefined}
        initial={runAgainValues(detail)}
        onCreated={onCreated}
      />
    </>
  );
}
