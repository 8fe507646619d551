import type { Project, ProjectList } from '@/api/projects';
import type { DeniableAction } from '@/lib/server-denials';
import { CreateDialogButton } from './create-dialog-button';
import { CreateProjectForm } from './create-project-form';

export interface CreateProjectButtonProps {
  /**
   * The projects list as the page read it: its `canCreate` (`meta.authorisations.update`) says whether the
   * user may create projects, and a 403 from creating one is remembered on it until the list is read again.
   */
  projects: ProjectList;
  onCreated: (project: Project) => void;
}

export function CreateProjectButton({ projects, onCreated }: CreateProjectButtonProps) {
  const deniable: DeniableAction = { resource: '/projects', action: 'create-project' };
  return (
    <CreateDialogButton
      label="New project"
      deniedReason={projects.canCreate ? null : 'You need update permission on /projects to create projects'}
      deniable={deniable}
      form={(close) => (
        <CreateProjectForm
          deniable={deniable}
          onCancel={close}
          onCreated={(project) => {
            close();
            onCreated(project);
          }}
        />
      )}
    />
  );
}
