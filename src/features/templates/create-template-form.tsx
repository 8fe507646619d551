import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formFailure } from '@/api/failures';
import { useCreateTemplate } from '@/api/templates';
import { credentialAttributes, credentialErrors } from '@/lib/git-credentials';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import {
  EMPTY_CREDENTIALS,
  GitCredentialsFields,
  type GitCredentialValues,
} from '@/ui/git-credentials-fields';
import { useFormSubmit } from '@/ui/use-form-submit';

const FIELDS = ['code', 'name', 'description', 'url', 'user', 'password', 'ssh_key_data'] as const;

type Values = GitCredentialValues & { code: string; name: string; description: string; url: string };

export interface CreateTemplateFormProps {
  projectCode: string;
  /** Changing the project's templates: a 403 is remembered on it, so the buttons say why they are disabled. */
  deniable: DeniableAction;
  onDone: (templateCode: string | null) => void;
}

/** A new template: the Git repository assets are built from, with a code and how to sign in to it. */
export function CreateTemplateForm({ projectCode, deniable, onDone }: CreateTemplateFormProps) {
  const create = useCreateTemplate();
  const form = useForm<Values>({
    initialValues: { code: '', name: '', description: '', url: '', ...EMPTY_CREDENTIALS },
    validate: (values) => ({
      code:
        values.code.trim() === ''
          ? 'Enter a code, e.g. "soa".'
          : /^[a-z0-9_]{1,50}$/.test(values.code.trim())
            ? null
            : 'Use only lowercase letters, digits and underscores (at most 50).',
      name: values.name.trim() === '' ? 'Enter a name.' : null,
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
        attributes: {
          code: values.code.trim(),
          name: values.name.trim(),
          description: values.description,
          url: values.url.trim(),
          ...credentialAttributes(values),
        },
      }),
    deniable,
    failureTitle: 'Template not created',
    successMessage: (template) => `Template ${template.name} created. Add a version to build assets from it.`,
    onSuccess: (template) => {
      onDone(template.code);
    },
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Template not created" />
        <TextInput
          label="Code"
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('code')}
          onChange={(event) => {
            form.setFieldValue('code', event.currentTarget.value.toLowerCase());
          }}
        />
        <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <TextInput
          label="Repository URL"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="https://git.example.com/platform/soa-template.git"
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
          <Button
            variant="default"
            onClick={() => {
              onDone(null);
            }}
          >
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
