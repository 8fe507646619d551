import { Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSwitchHorizontal } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { NodeAuthorisations } from '@contract/node';
import type { Asset } from '@/api/assets';
import { listQueryState } from '@/api/list-query-state';
import { failureMessage } from '@/api/failures';
import {
  templateByLinkQuery,
  templateVersionByLinkQuery,
  templateVersionsQuery,
  versionHistoryQuery,
} from '@/api/templates';
import { projectPath } from '@/lib/node-path';
import { denial } from '@/lib/permissions';
import type { DeniableAction } from '@/lib/server-denials';
import { ErrorState } from '@/ui/error-state';
import { GuardedButton } from '@/ui/guarded-button';
import { TableSkeleton } from '@/ui/table-skeleton';
import { AssignVersionForm } from './assign-version-form';
import { CurrentVersionCard } from './current-version-card';
import { VersionHistoryTable } from './version-history-table';
import { Dialog } from '@/ui/dialog';

export interface AssetTemplatePanelProps {
  asset: Asset;
  /**
   * The project's permissions: moving assets between versions needs `templates.update` there. Undefined
   * while the project loads: the button stays disabled until they are known.
   */
  projectAuthorisations: NodeAuthorisations | undefined;
}

const CHECKING_PERMISSIONS = 'Checking your permissions on the project…';

/** The asset's template and version, the versions it has used, and a way to move it to another version. */
export function AssetTemplatePanel({ asset, projectAuthorisations }: AssetTemplatePanelProps) {
  const templateLink = asset.relationships.template?.links?.related ?? '';
  const versionLink = asset.relationships.template_version?.links?.related ?? '';
  const template = useQuery({ ...templateByLinkQuery(templateLink), enabled: templateLink !== '' });
  const version = useQuery({ ...templateVersionByLinkQuery(versionLink), enabled: versionLink !== '' });
  const history = useQuery(versionHistoryQuery(asset.path));
  const versions = useQuery({
    ...templateVersionsQuery(asset.owner.projectCode, template.data?.code ?? ''),
    enabled: template.data !== undefined,
  });
  const [isAssigning, assigning] = useDisclosure(false);

  const assignDenied =
    denial(asset.meta.authorisations, {
      nodePath: asset.path,
      facet: 'self',
      permission: 'update',
      purpose: 'move it to another version',
    }) ??
    (projectAuthorisations === undefined
      ? CHECKING_PERMISSIONS
      : denial(projectAuthorisations, {
          nodePath: projectPath(asset.owner.projectCode),
          facet: 'templates',
          permission: 'update',
          purpose: 'assign template versions',
        }));

  const deniable: DeniableAction = { resource: asset.path, action: 'assign-version' };

  const failed = [template, version].find((query) => query.isError);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Template and version
        </Title>
        <GuardedButton
          size="sm"
          variant="default"
          leftSection={<IconSwitchHorizontal size={16} aria-hidden />}
          deniedReason={assignDenied}
          deniable={deniable}
          disabled={template.data === undefined}
          onClick={assigning.open}
        >
          Assign another version
        </GuardedButton>
      </Group>
      {failed?.isError === true ? (
        <ErrorState
          title="The template could not be loaded"
          message={failureMessage(failed.error)}
          onRetry={() => {
            void template.refetch();
            void version.refetch();
          }}
        />
      ) : template.data === undefined || version.data === undefined ? (
        <TableSkeleton label="Loading the template" rows={3} />
      ) : (
        <CurrentVersionCard template={template.data} version={version.data} />
      )}
      <Title order={3} size="h5">
        Version history
      </Title>
      <VersionHistoryTable list={listQueryState(history)} versions={versions.data?.items ?? []} />
      <Dialog opened={isAssigning} onClose={assigning.close} title="Assign another template version">
        {isAssigning && template.data !== undefined ? (
          <AssignVersionForm
            projectCode={asset.owner.projectCode}
            templateCode={template.data.code}
            assetPath={asset.path}
            currentVersion={version.data?.version}
            deniable={deniable}
            onDone={assigning.close}
          />
        ) : null}
      </Dialog>
    </Stack>
  );
}
