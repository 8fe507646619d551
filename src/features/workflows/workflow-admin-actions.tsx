import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconTrash } from '@tabler/icons-react';
import type { Workflow } from '@/api/workflows';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { ArchiveWorkflowDialog } from './archive-workflow-dialog';
import { DeleteWorkflowDialog } from './delete-workflow-dialog';

export interface WorkflowAdminActionsProps {
  workflow: Workflow;
  /** Why the user may not change the project's workflows (`meta.authorisations`), or null. */
  updateDenied: string | null;
  /** Whether the workflow has runs; null while unknown. */
  hasRuns: boolean | null;
  deniable: { archive: DeniableAction; delete: DeniableAction };
  onDeleted: () => void;
}

/** Archive (or Restore) and Delete for a workflow, each asking first and disabled with the reason when denied. */
export function WorkflowAdminActions({
  workflow,
  updateDenied,
  hasRuns,
  deniable,
  onDeleted,
}: WorkflowAdminActionsProps) {
  const [isArchiving, archiving] = useDisclosure(false);
  const [isDeleting, deleting] = useDisclosure(false);
  return (
    <>
      <GuardedButton
        variant="default"
        leftSection={
          workflow.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
        }
        deniedReason={updateDenied}
        deniable={deniable.archive}
        onClick={archiving.open}
      >
        {workflow.archived ? 'Restore' : 'Archive'}
      </GuardedButton>
      <GuardedButton
        variant="default"
        color="red"
        leftSection={<IconTrash size={16} aria-hidden />}
        deniedReason={updateDenied}
        deniable={deniable.delete}
        onClick={deleting.open}
      >
        Delete
      </GuardedButton>
      <ArchiveWorkflowDialog
        workflow={workflow}
        opened={isArchiving}
        deniable={deniable.archive}
        onClose={archiving.close}
      />
      <DeleteWorkflowDialog
        workflow={workflow}
        hasRuns={hasRuns}
        opened={isDeleting}
        deniable={deniable.delete}
        onClose={deleting.close}
        onDeleted={onDeleted}
      />
    </>
  );
}
