import { Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { Asset } from '@/api/assets';
import { gitRemoteListQuery } from '@/api/git-remotes';
import { templateByLinkQuery, templateVersionsQuery } from '@/api/templates';
import type { RunChangeValues } from './run-change-types';

type Form = UseFormReturnType<RunChangeValues>;

/** The action and where its code comes from for an asset: its template version, or another one. */
export function AssetSourceFields({ form, asset }: { form: Form; asset: Asset }) {
  const templateLink = asset.relationships.template?.links?.related ?? '';
  const template = useQuery({ ...templateByLinkQuery(templateLink), enabled: templateLink !== '' });
  const versions = useQuery({
    ...templateVersionsQuery(asset.owner.projectCode, template.data?.code ?? ''),
    enabled: template.data !== undefined,
  });
  const chosen = versions.data?.items.find((version) => version.version === form.values.template_version);
  // The chosen version's actions when the server listed them, else the asset's (from its current version).
  const actions = (chosen?.actions ?? asset.actions).flatMap((action) =>
    action.name === undefined
      ? []
      : [
          {
            value: action.name,
            label: action.description ? `${action.name} — ${action.description}` : action.name,
          },
        ],
  );
  const versionOptions = [
    { value: '', label: 'The asset’s current version' },
    ...(versions.data?.items ?? [])
      .filter((version) => version.archived !== true)
      .map((version) => ({ value: version.version, label: `${version.version} (${version.git_rev})` })),
  ];
  if (
    form.values.template_version !== '' &&
    !versionOptions.some((o) => o.value === form.values.template_version)
  ) {
    versionOptions.push({ value: form.values.template_version, label: form.values.template_version });
  }
  if (form.values.action !== '' && !actions.some((o) => o.value === form.values.action)) {
    actions.push({ value: form.values.action, label: form.values.action });
  }
  return (
    <>
      {actions.length === 0 ? (
        <TextInput label="Action" required placeholder="deploy" {...form.getInputProps('action')} />
      ) : (
        <Select
          label="Action"
          description="The actions of the asset’s template version"
          required
          searchable
          data={actions}
          {...form.getInputProps('action')}
          value={form.values.action === '' ? null : form.values.action}
          onChange={(value: string | null) => {
            form.setFieldValue('action', value ?? '');
          }}
        />
      )}
      <Select
        label="Template version"
        description={
          versions.isError
            ? 'The versions could not be loaded; the current version is used.'
            : 'Optional: run another version'
        }
        data={versionOptions}
        allowDeselect={false}
        {...form.getInputProps('template_version')}
        onChange={(value: string | null) => {
          form.setFieldValue('template_version', value ?? '');
        }}
      />
    </>
  );
}

/** The action and where its code comes from for a project or environment: a Git remote and revision. */
export function RemoteSourceFields({ form, projectCode }: { form: Form; projectCode: string }) {
  const remotes = useQuery(gitRemoteListQuery(projectCode));
  const options = (remotes.data?.items ?? [])
    .filter((remote) => !remote.archived)
    .map((remote) => ({ value: remote.name, label: `${remote.name} (${remote.url})` }));
  if (form.values.git_remote_name !== '' && !options.some((o) => o.value === form.values.git_remote_name)) {
    options.push({ value: form.values.git_remote_name, label: form.values.git_remote_name });
  }
  const remoteHint = remotes.isError
    ? 'The project’s Git remotes could not be loaded.'
    : remotes.data !== undefined && options.length === 0
      ? 'The project has no Git remote yet: add one on its Git remotes tab.'
      : 'Where the action’s code comes from';
  return (
    <>
      <TextInput label="Action" required placeholder="deploy" {...form.getInputProps('action')} />
      <Select
        label="Git remote"
        description={remoteHint}
        required
        data={options}
        {...form.getInputProps('git_remote_name')}
        value={form.values.git_remote_name === '' ? null : form.values.git_remote_name}
        onChange={(value: string | null) => {
          form.setFieldValue('git_remote_name', value ?? '');
        }}
      />
      <TextInput
        label="Revision"
        description="A branch, tag or commit SHA"
        required
        placeholder="main"
        {...form.getInputProps('git_rev')}
      />
    </>
  );
}
