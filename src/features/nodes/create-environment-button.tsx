import type { NodeAuthorisations } from '@contract/node';
import type { Environment } from '@/api/environments';
import { projectPath } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { CreateDialogButton } from './create-dialog-button';
import { CreateEnvironmentForm } from './create-environment-form';

export interface CreateEnvironmentButtonProps {
  projectCode: string;
  /** The project's `meta.authorisations`: creating needs `environments.update`. */
  authorisations: NodeAuthorisations;
  onCreated: (environment: Environment) => void;
}

export function CreateEnvironmentButton({
  projectCode,
  authorisations,
  onCreated,
}: CreateEnvironmentButtonProps) {
  const deniable: DeniableAction = { resource: projectPath(projectCode), action: 'create-environment' };
  return (
    <CreateDialogButton
      label="New environment"
      size="sm"
      deniedReason={denial(authorisations, {
        nodePath: projectPath(projectCode),
        facet: 'environments',
        permission: 'update',
        purpose: 'create environments',
      })}
      deniable={deniable}
      form={(close) => (
        <CreateEnvironmentForm
          projectCode={projectCode}
          deniable={deniable}
          onCancel={close}
          onCreated={(environment) => {
            close();
            onCreated(environment);
          }}
        />
      )}
    />
  );
}
