import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formFailure } from '@/api/failures';
import { useUpdateNode, type AnyNode } from '@/api/node-mutations';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';

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
  const update = useUpdateNode();
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

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: ['name', 'description'],
    describeFailure: formFailure,
    submit: (values: Values) =>
      update.mutateAsync({ node, changes: { name: values.name.trim(), description: values.description } }),
    deniable: { resource: node.path, action: 'edit' },
    failureTitle: `${node.name} was not changed`,
    successMessage: (saved) => `Saved ${saved.name}.`,
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
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
