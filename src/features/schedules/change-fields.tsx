import { Autocomplete, Checkbox, Group, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { gitRemoteListQuery } from '@/api/git-remotes';
import type { ScheduleFormValues } from './schedule-form-values';
import type { ScheduleTarget } from './schedule-target';

export interface ChangeFieldsProps {
  target: ScheduleTarget;
  form: UseFormReturnType<ScheduleFormValues>;
}

/** What a scheduled change runs: the action, and where its code comes from. */
export function ChangeFields({ target, form }: ChangeFieldsProps) {
  const isAsset = target.assetActions !== null;
  const remotes = useQuery({
    ...gitRemoteListQuery(target.projectCode, { filters: { archived_eq: false }, sorts: 'name' }),
    enabled: !isAsset,
  });
  const remoteProps = form.getInputProps('git_remote_name');
  const remoteError = remotes.isError
    ? `The Git remotes could not be loaded: ${failureMessage(remotes.error)}`
    : undefined;
  return (
    <>
      {isAsset ? (
        <Autocomplete
          label="Action"
          description="One of the asset's actions (from its template version)."
          required
          data={target.assetActions ?? []}
          {...form.getInputProps('action')}
        />
      ) : (
        <TextInput
          label="Action"
          description="The action to run, as the Git revision defines it."
          required
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('action')}
        />
      )}
      {isAsset ? (
        <Text size="sm" c="dimmed">
          The asset&apos;s template version supplies the repository and revision the change runs from.
        </Text>
      ) : (
        <Group grow align="flex-start">
          <Select
            label="Git remote"
            required
            placeholder={remotes.isPending ? 'Loading…' : 'Pick a remote'}
            data={(remotes.data?.items ?? []).map((item) => item.name)}
            nothingFoundMessage="This project has no active Git remotes"
            {...remoteProps}
            error={form.errors.git_remote_name ?? remoteError}
          />
          <TextInput
            label="Git revision"
            description="A branch, tag or commit"
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('git_rev')}
          />
        </Group>
      )}
      <Checkbox
        label="Only when there are new commits"
        description="Skip a run when the revision has no commits this action has not already run on this target. Several new commits between runs make one change; the first run may start a change at once."
        {...form.getInputProps('new_commits_only', { type: 'checkbox' })}
      />
    </>
  );
}
