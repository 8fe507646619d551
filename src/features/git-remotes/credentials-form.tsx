import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formFailure } from '@/api/failures';
import { useUpdateGitRemoteCredentials, type GitRemote } from '@/api/git-remotes';
import { credentialAttributes, credentialErrors } from '@/lib/git-credentials';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { GitCredentialsFields, type GitCredentialValues } from '@/ui/git-credentials-fields';
import { useFormSubmit } from '@/ui/use-form-submit';

const FIELDS = ['user', 'password', 'ssh_key_data'] as const;

export interface CredentialsFormProps {
  projectCode: string;
  remote: GitRemote;
  /** Changing the project's remotes: a 403 is remembered on it, so the buttons say why they are disabled. */
  deniable: DeniableAction;
  onDone: () => void;
}

/** Replaces a remote's credentials; the old ones are never shown. */
export function CredentialsForm({ projectCode, remote, deniable, onDone }: CredentialsFormProps) {
  const update = useUpdateGitRemoteCredentials();
  const form = useForm<GitCredentialValues>({
    initialValues: {
      auth: remote.ssh_key_data === null ? 'password' : 'ssh',
      user: '',
      password: '',
      ssh_key_data: '',
    },
    validate: credentialErrors,
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: FIELDS,
    describeFailure: formFailure,
    submit: (values: GitCredentialValues) =>
      update.mutateAsync({ projectCode, id: remote.id, credentials: credentialAttributes(values) }),
    deniable,
    failureTitle: 'Credentials not replaced',
    successMessage: () => `Credentials of ${remote.name} replaced.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text size="sm">
          The stored credentials of <strong>{remote.name}</strong> are replaced by these. They are kept
          secret: OpsChain never shows them again.
        </Text>
        <FormAlert message={formError} title="Credentials not replaced" />
        <GitCredentialsFields
          auth={form.values.auth}
          allowNone={false}
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
            Replace credentials
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
