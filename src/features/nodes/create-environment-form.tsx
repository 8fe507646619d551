import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useCreateEnvironment, type Environment } from '@/api/environments';
import { applyFormFailure } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { notifyFailure, notifySuccess } from '@/ui/notify';
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
  const recordDenial = useRecordDenial();
  const create = useCreateEnvironment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NodeFieldValues>({
    initialValues: { code: '', name: '', description: '' },
    validate: { code: validateCode, name: validateName },
  });

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const attributes = {
      code: values.code.trim(),
      name: values.name.trim(),
      description: values.description,
    };
    create.mutate(
      { projectCode, attributes },
      {
        onSuccess: (environment) => {
          notifySuccess(`Environment ${environment.name} created.`);
          onCreated(environment);
        },
        onError: (error) => {
          const failure = applyFormFailure(error, form, FIELDS);
          setFormError(failure.message);
          if (failure.isForbidden && failure.message !== null) {
            notifyFailure('Environment not created', failure.message);
            recordDenial(error, deniable);
          }
        },
      },
    );
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
          <Button type="submit" loading={create.isPending}>
            Create environment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
