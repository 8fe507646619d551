import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateEnvironment, type Environment } from '@/api/environments';
import { formFailure } from '@/api/failures';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';
import { validateCode, validateName } from './node-code';
import { NodeFields, type NodeFieldValues } from './node-fields';

const FIELDS = ['code', 'name', 'description'] as const;

export interface CreateEnvironmentFormProps {
  projectCode: string;
  onCreated: (environment: Environment) => void;
  onCancel: () => void;
  /** Creating it, as the server may refuse it (403): the refusal is remembered, so the button says why. */
  deniable: DeniableAction;
}

export function CreateEnvironmentForm({
  projectCode,
  onCreated,
  onCancel,
  deniable,
}: CreateEnvironmentFormProps) {
  const create = useCreateEnvironment();
  const form = useForm<NodeFieldValues>({
    initialValues: { code: '', name: '', description: '' },
    validate: { code: validateCode, name: validateName },
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: FIELDS,
    describeFailure: formFailure,
    submit: (values: NodeFieldValues) =>
      create.mutateAsync({
        projectCode,
        attributes: { code: values.code.trim(), name: values.name.trim(), description: values.description },
      }),
    deniable,
    failureTitle: 'Environment not created',
    successMessage: (environment) => `Environment ${environment.name} created.`,
    onSuccess: onCreated,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Environment not created" />
        <NodeFields
          form={form}
          kind="environment"
          onCodeChange={(code) => {
            form.setFieldValue('code', code);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create environment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
