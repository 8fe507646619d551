import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { AuthorisationPolicy } from '@/api/authorisation';
import { useSavePolicy } from '@/api/authorisation-admin';
import { formFailure } from '@/api/failures';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';

export interface PolicyFormProps {
  /** The policy to edit, or null to create one. */
  policy: AuthorisationPolicy | null;
  /** The rules the edited policy holds (kept on saving). */
  ruleIds: readonly string[];
  /** Names already taken by other policies. */
  takenNames: readonly string[];
  onDone: (saved: AuthorisationPolicy | null) => void;
}

interface Values {
  name: string;
  description: string;
}

/** A policy's name and description; rules and assignments are attached on the policy itself. */
export function PolicyForm({ policy, ruleIds, takenNames, onDone }: PolicyFormProps) {
  const save = useSavePolicy();
  const form = useForm<Values>({
    initialValues: { name: policy?.name ?? '', description: policy?.description ?? '' },
    validate: {
      name: (value) =>
        value.trim() === ''
          ? 'Enter a name.'
          : takenNames.includes(value.trim())
            ? `A policy named ${value.trim()} exists already.`
            : null,
    },
  });
  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: ['name', 'description'],
    describeFailure: formFailure,
    submit: (values: Values) =>
      save.mutateAsync({
        id: policy?.id ?? null,
        values: {
          name: values.name.trim(),
          description: values.description.trim() === '' ? null : values.description.trim(),
        },
        ruleIds,
      }),
    deniable: { resource: '/authorisation_policies', action: 'update' },
    failureTitle: policy === null ? 'Policy not created' : 'Policy not saved',
    successMessage: (saved) =>
      policy === null ? `Policy ${saved.name} created.` : `Saved policy ${saved.name}.`,
    onSuccess: onDone,
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        <Text size="sm" c="dimmed">
          {policy === null
            ? 'A new policy changes nobody’s access until it holds rules and is assigned.'
            : 'The name and description change nobody’s access.'}
        </Text>
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
            {policy === null ? 'Create policy' : 'Save policy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
