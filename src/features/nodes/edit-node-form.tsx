import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formFailure } from '@/api/failures';
import { useUpdateNode, type AnyNode } from '@/api/node-mutations';
import { useRecordDenial } from '@/api/record-denial';
import { FormAlert } from '@/ui/form-alert';
import { notifyFailure, notifySuccess } from '@/ui/notify';

export const NAME_MAX_LENGTH = 200;

export interface EditNodeFormProps {
  node: AnyNode;
  onDone: () => void;
}

interface Values {
  name: string;
  description: string;
}

/** Name and description of a node; server errors land on their fields. */
export function EditNodeForm({ node, onDone }: EditNodeFormProps) {
  const recordDenial = useRecordDenial();
  const update = useUpdateNode();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: node.name, description: node.description ?? '' },
    validate: {
      name: (value) =>
        value.trim() === ''
          ? 'Enter a name.'
          : value.trim().length > NAME_MAX_LENGTH
            ? `Use at most ${String(NAME_MAX_LENGTH)} characters.`
            : null,
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const changes = { name: values.name.trim(), description: values.description };
    update.mutate(
      { node, changes },
      {
        onSuccess: (saved) => {
          notifySuccess(`Saved ${saved.name}.`);
          onDone();
        },
        onError: (error) => {
          const failure = formFailure(error, ['name', 'description']);
          form.setErrors(failure.fields);
          setFormError(failure.message);
          if (failure.isForbidden && failure.message !== null) {
            notifyFailure(`${node.name} was not changed`, failure.message);
            recordDenial(error, { resource: node.path, action: 'edit' });
          }
        },
      },
    );
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
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
