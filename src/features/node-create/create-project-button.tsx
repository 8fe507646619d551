import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { Project, ProjectList } from '@/api/projects';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { CreateProjectForm } from './create-project-form';
import { Dialog } from '@/ui/dialog';

export interface CreateProjectButtonProps {
  /**
   * The projects list as the page read it: its `canCreate` (`meta.authorisations.update`) says whether the
   * user may create projects, and a 403 from creating one is remembered on it until the list is read again.
   */
  projects: ProjectList;
  onCreated: (project: Project) => void;
}

export function CreateProjectButton({ projects, onCreated }: CreateProjectButtonProps) {
  const [isOpen, dialog] = useDisclosure(false);
  const deniable: DeniableAction = { on: projects, action: 'create-project' };
  return (
    <>
      <GuardedButton
        leftSection={<IconPlus size={16} aria-hidden />}
        deniedReason={
          projects.canCreate ? null : 'You need update permission on /projects to create projects'
        }
        deniable={deniable}
        onClick={dialog.open}
      >
        New project
      </GuardedButton>
      <Dialog opened={isOpen} onClose={dialog.close} title="New project">
        {isOpen ? (
          <CreateProjectForm
            deniable={deniable}
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
