import type { NodeMeta } from '@contract/node';
import { useDisclosure } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { denial } from '@/lib/permissions';
import { GuardedButton } from '@/ui/guarded-button';
import { RUN_CHANGE_ACTION } from './run-change-types';

// The dialog (its form, target picker and their queries: a dozen chunks) loads when first opened, so the
// pages that show the button (Activity, node pages) paint without waiting for it.
const RunChangeDialog = lazy(() =>
  import('./run-change-dialog').then((module) => ({ default: module.RunChangeDialog })),
);

export interface RunChangeButtonProps {
  /** The node whose page shows the button; without one the dialog asks for a target. */
  node?: { path: string; archived: boolean; meta: NodeMeta } | undefined;
  /** The change was created: open its page. */
  onCreated: (changeId: string) => void;
}

/** Why changes cannot be run on the node, or null when they can. */
export function runChangeDenial(node: NonNullable<RunChangeButtonProps['node']>): string | null {
  if (!node.meta.can_have_changes)
    return 'Changes run on this project’s environments, not on the project itself';
  if (node.archived) return 'Archived nodes refuse changes: restore it first';
  return denial(node.meta.authorisations, {
    nodePath: node.path,
    facet: 'changes',
    permission: 'execute',
    purpose: 'run changes',
  });
}

/** "Run change": opens the run-change dialog, or says why the user may not run one here. */
export function RunChangeButton({ node, onCreated }: RunChangeButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  // Mounted from the first opening on, so closing it plays the modal's transition.
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <>
      <GuardedButton
        size="sm"
        leftSection={<IconPlayerPlay size={16} aria-hidden />}
        deniedReason={node === undefined ? null : runChangeDenial(node)}
        deniable={node === undefined ? undefined : { resource: node.path, action: RUN_CHANGE_ACTION }}
        onClick={() => {
          setHasOpened(true);
          dialog.open();
        }}
      >
        Run change
      </GuardedButton>
      {hasOpened ? (
        <Suspense fallback={null}>
          <RunChangeDialog opened={isOpen} onClose={dialog.close} target={node?.path} onCreated={onCreated} />
        </Suspense>
      ) : null}
    </>
  );
}
