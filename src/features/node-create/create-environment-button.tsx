import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { NodeAuthorisations } from '@contract/node';
import type { Environment } from '@/api/environments';
import { projectPath } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { GuardedButton } from '@/ui/guarded-button';
import { CreateEnvironmentForm } from './create-environment-form';
import { Dialog } from '@/ui/dialog';

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
  const [isOpen, dialog] = useDisclosure(false);
  const denied = denial(authorisations, {
    nodePath: projectPath(projectCode),
    facet: 'environments',
    permission: 'update',
    purpose: 'create environments',
  });
  const deniable: DeniableAction = { on: authorisations, action: 'create-environment' };
  return (
    <>
      <GuardedButton
        size="sm"
        leftSection={<IconPlus size={16} aria-hidden />}
        deniedReason={denied}
        deniable={deniable}
        onClick={dialog.open}
      >
        New environment
      </GuardedButton>
      <Dialog opened={isOpen} onClose={dialog.close} title="New environment">
        {isOpen ? (
          <CreateEnvironmentForm
            projectCode={projectCode}
            deniable={deniable}
            onCancel={dialog.close}
            onCreated={(environment) => {
              dialog.close();
              onCreated(environment);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
