import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formFailure } from '@/api/failures';
import { useCreateGitRemote } from '@/api/git-remotes';
import { credentialAttributes, credentialErrors } from '@/lib/git-credentials';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import {
  EMPTY_CREDENTIALS,
  GitCredentialsFields,
  type GitCredentialValues,
} from '@/ui/git-credentials-fields';
import { useFormSubmit } from '@/ui/use-form-submit';

const FIELDS = ['name', 'url', 'user', 'password', 'ssh_key_data'] as const;

type Values = GitCredentialValues & { name: string; url: string };

export interface CreateGitRemoteFormProps {
  projectCode: string;
  /** Changing the project's remotes: a 403 is remembered on it, so the buttons say why they are disabled. */
  deniable: DeniableAction;
  onDone: () => void;
}

/** A new Git remote: a name, the repository URL, and how OpsChain signs in to it. */
export function CreateGitRemoteForm({ projectCode, deniable, onDone }: CreateGitRemoteFormProps) {
  const create = useCreateGitRemote();
  const form = useForm<Values>({
    initialValues: { name: '', url: '', ...EMPTY_CREDENTIALS },
    validate: (values) => ({
      name: values.name.trim() === '' ? 'Enter a name, e.g. "origin".' : null,
      url: values.url.trim() === '' ? 'Enter the repository URL.' : null,
      ...credentialErrors(values),
    }),
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: FIELDS,
    describeFailure: formFailure,
    submit: (values: Values) =>
      create.mutateAsync({
        projectCode,
        attributes: { name: values.name.trim(), url: values.url.trim(), ...credentialAttributes(values) },
      }),
    deniable,
    failureTitle: 'Git remote not added',
    successMessage: (remote) => `Git remote ${remote.name} added.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Git remote not added" />
        <TextInput label="Name" required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
        <TextInput
          label="Repository URL"
          required
          placeholder="https://git.example.com/team/actions.git"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('url')}
        />
        <GitCredentialsFields
          auth={form.values.auth}
          onAuthChange={(auth) => {
            form.setFieldValue('auth', auth);
          }}
          inputProps={(field) => form.getInputProps(field)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Add Git remote
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
