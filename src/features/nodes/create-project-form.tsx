import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ProjectType } from '@contract/node';
import { applyFormFailure } from '@/api/failures';
import { useCreateProject, type Project } from '@/api/projects';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { notifyFailure, notifySuccess } from '@/ui/notify';
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
  const recordDenial = useRecordDenial();
  const create = useCreateProject();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { code: '', name: '', description: '', project_type: 'Enterprise' },
    validate: { code: validateCode, name: validateName },
  });

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      description: values.description,
      project_type: values.project_type,
    };
    create.mutate(input, {
      onSuccess: (project) => {
        notifySuccess(`Project ${project.name} created.`);
        onCreated(project);
      },
      onError: (error) => {
        const failure = applyFormFailure(error, form, FIELDS);
        setFormError(failure.message);
        if (failure.isForbidden && failure.message !== null) {
          notifyFailure('Project not created', failure.message);
          recordDenial(error, deniable);
        }
      },
    });
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
          <Button type="submit" loading={create.isPending}>
            Create project
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
