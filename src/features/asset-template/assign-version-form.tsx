import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { failureMessage, formFailure } from '@/api/failures';
import { templateVersionsQuery, useAssignTemplateVersion } from '@/api/templates';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';

export interface AssignVersionFormProps {
  projectCode: string;
  templateCode: string;
  assetPath: string;
  currentVersion: string | undefined;
  /** Moving the asset to another version: a 403 is remembered on it, so the button says why it is disabled. */
  deniable: DeniableAction;
  onDone: () => void;
}

/** Moves the asset to another version of its template (`assign_to_assets`); the template never changes. */
export function AssignVersionForm({
  projectCode,
  templateCode,
  assetPath,
  currentVersion,
  deniable,
  onDone,
}: AssignVersionFormProps) {
  const versions = useQuery(templateVersionsQuery(projectCode, templateCode));
  const assign = useAssignTemplateVersion();
  const form = useForm<{ version: string }>({
    initialValues: { version: '' },
    validate: { version: (value) => (value === '' ? 'Choose the version to move the asset to.' : null) },
  });
  const choices = (versions.data?.items ?? [])
    .filter((version) => version.archived !== true && version.version !== currentVersion)
    .reverse()
    .map((version) => ({
      value: version.version,
      label: `${version.version}${version.description === '' ? '' : ` — ${version.description}`}`,
    }));

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: [],
    describeFailure: formFailure,
    submit: ({ version }: { version: string }) =>
      assign.mutateAsync({ projectCode, templateCode, version, assetPaths: [assetPath] }),
    deniable,
    failureTitle: 'Version not assigned',
    successMessage: (_, { version }) => `The asset now uses version ${version}.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text size="sm">
          The asset keeps its template and moves to the version you choose. Its next changes run that
          version's actions; the move is recorded in its version history.
        </Text>
        <FormAlert
          title="The versions could not be loaded"
          message={versions.isError ? failureMessage(versions.error) : null}
        />
        <FormAlert message={formError} title="Version not assigned" />
        <Select
          label="Version"
          required
          data-autofocus
          placeholder={versions.isPending ? 'Loading versions…' : 'Choose a version'}
          nothingFoundMessage="No other usable version"
          data={choices}
          {...form.getInputProps('version')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Assign version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
