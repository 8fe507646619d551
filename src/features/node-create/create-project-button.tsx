import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { Project } from '@/api/projects';
import { GuardedButton } from '@/ui/guarded-button';
import { CreateProjectForm } from './create-project-form';
import { Dialog } from '@/ui/dialog';

export interface CreateProjectButtonProps {
  /** `meta.authorisations.update` of the projects list. */
  canCreate: boolean;
  onCreated: (project: Project) => void;
}

export function CreateProjectButton({ canCreate, onCreated }: CreateProjectButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  return (
    <>
      <GuardedButton
        leftSection={<IconPlus size={16} aria-hidden />}
        deniedReason={canCreate ? null : 'You need update permission on /projects to create projects'}
        onClick={dialog.open}
      >
        New project
      </GuardedButton>
      <Dialog opened={isOpen} onClose={dialog.close} title="New project">
        {isOpen ? (
          <CreateProjectForm
            onCancel={dialog.close}
            onCreated={(project) => {
              dialog.close();
              onCreated(project);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
