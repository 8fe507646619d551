import { Dialog } from '@/ui/dialog';
import { RunChangeForm } from './run-change-form';
import type { RunChangeInitial } from './run-change-types';

export type { RunChangeInitial } from './run-change-types';

export interface RunChangeDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The target's OpsChain path when opened from its page; without it the dialog offers a target picker. */
  target?: string | undefined;
  /** Values to start from (the change page's "Run again"); editable before sending. */
  initial?: RunChangeInitial | undefined;
  /** The change was created: open its page. */
  onCreated: (changeId: string) => void;
}

/** Starts a change on a project, environment or asset. */
export function RunChangeDialog({ opened, onClose, target, initial, onCreated }: RunChangeDialogProps) {
  return (
    <Dialog opened={opened} onClose={onClose} title="Run a change" size="lg">
      {/* Mounted while open only: each opening starts from the initial values. */}
      {opened ? (
        <RunChangeForm
          target={target}
          initial={initial}
          onCancel={onClose}
          onCreated={(change) => {
            onClose();
            onCreated(change.id);
          }}
        />
      ) : null}
    </Dialog>
  );
}
