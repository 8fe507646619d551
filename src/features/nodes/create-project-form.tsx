import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ProjectType } from '@contract/node';
import { formFailure } from '@/api/failures';
import { useCreateProject, type Project } from '@/api/projects';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';
import { validateCode, validateName } from './node-code';
import { NodeFields, type NodeFieldValues } from './node-fields';

const FIELDS = ['code', 'name', 'description', 'project_type'] as const;

type Values = NodeFieldValues & { project_type: ProjectType };

export interface CreateProjectFormProps {
  onCreated: (project: Project) => void;
  onCancel: () => void;
  /** Creating it, as the server may refuse it (403): the refusal is remembered, so the button says why. */
  deniable: DeniableAction;
}

export function CreateProjectForm({ onCreated, onCancel, deniable }: CreateProjectFormProps) {
  const create = useCreateProject();
  const form = useForm<Values>({
    initialValues: { code: '', name: '', description: '', project_type: 'Enterprise' },
    validate: { code: validateCode, name: validateName },
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: FIELDS,
    describeFailure: formFailure,
    submit: (values: Values) =>
      create.mutateAsync({
        code: values.code.trim(),
        name: values.name.trim(),
        description: values.description,
        project_type: values.project_type,
      }),
    deniable,
    failureTitle: 'Project not created',
    successMessage: (project) => `Project ${project.name} created.`,
    onSuccess: onCreated,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Project not created" />
        <NodeFields
          form={form}
          kind="project"
          onCodeChange={(code) => {
            form.setFieldValue('code', code);
          }}
        />
        <Radio.Group label="Project type" required {...form.getInputProps('project_type')}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="Enterprise"
              label="Enterprise"
              description="Environments, assets built from templates, and workflows."
            />
            <Radio
              value="Standard"
              label="Standard"
              description="Environments only; changes run on environments."
            />
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          The project type cannot be changed after the project is created.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create project
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
