import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formFailure } from '@/api/failures';
import { usePutTemplateVersion, type TemplateVersion } from '@/api/templates';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';

const FIELDS = ['version', 'description', 'git_rev'] as const;

interface Values {
  version: string;
  description: string;
  git_rev: string;
}

export interface VersionFormProps {
  projectCode: string;
  templateCode: string;
  /** The version to update; a new one is created when absent. */
  existing?: TemplateVersion | undefined;
  /** Changing the project's templates: a 403 is remembered on it, so the buttons say why they are disabled. */
  deniable: DeniableAction;
  onDone: () => void;
}

/** Creates or updates a template version (PUT): its name, description and Git revision. */
export function VersionForm({ projectCode, templateCode, existing, deniable, onDone }: VersionFormProps) {
  const put = usePutTemplateVersion();
  const form = useForm<Values>({
    initialValues: {
      version: existing?.version ?? '',
      description: existing?.description ?? '',
      git_rev: existing?.git_rev ?? '',
    },
    validate: {
      version: (value) =>
        value.trim() === ''
          ? 'Enter a version name, e.g. "2025_Q2_1".'
          : /^[A-Za-z0-9_]{1,50}$/.test(value.trim())
            ? null
            : 'Use only letters, digits and underscores (at most 50).',
      git_rev: (value) => (value.trim() === '' ? 'Enter a branch, tag or commit SHA.' : null),
    },
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: FIELDS,
    describeFailure: formFailure,
    submit: (values: Values) =>
      put.mutateAsync({
        projectCode,
        templateCode,
        version: values.version.trim(),
        attributes: {
          description: values.description,
          git_rev: values.git_rev.trim(),
          ...(existing === undefined ? {} : { archived: existing.archived === true }),
        },
      }),
    deniable,
    failureTitle: 'Version not saved',
    successMessage: (saved) =>
      existing === undefined
        ? `Version ${saved.version} created; OpsChain is resolving ${saved.git_rev}.`
        : `Version ${saved.version} saved.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Version not saved" />
        <TextInput
          label="Version"
          required
          disabled={existing !== undefined}
          data-autofocus={existing === undefined ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('version')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <TextInput
          label="Git revision"
          description="A branch, tag or commit SHA of the template's repository."
          required
          autoComplete="off"
          spellCheck={false}
          data-autofocus={existing === undefined ? undefined : true}
          {...form.getInputProps('git_rev')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {existing === undefined ? 'Create version' : 'Save version'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
